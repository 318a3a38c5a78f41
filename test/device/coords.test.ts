import fc from 'fast-check';
import {
  deviceToImage,
  fitWithin,
  fromModel,
  imageToDevice,
  toModel,
  type Geometry,
  type Rotation,
} from '../../src/device/coords.js';

const geometry = fc
  .record({
    w: fc.integer({ min: 320, max: 3200 }),
    h: fc.integer({ min: 320, max: 3200 }),
    shotScale: fc.constantFrom(1, 0.5, 0.75),
    maxSide: fc.integer({ min: 256, max: 2400 }),
    rotation: fc.constantFrom<Rotation>(0, 90, 180, 270),
    pad: fc.integer({ min: 0, max: 40 }),
  })
  .map(({ w, h, shotScale, maxSide, rotation, pad }): Geometry => {
    const rotated = rotation === 90 || rotation === 270;
    const shot = {
      width: Math.round((rotated ? h : w) * shotScale),
      height: Math.round((rotated ? w : h) * shotScale),
    };
    const fit = fitWithin(shot, maxSide);
    return {
      device: { width: w, height: h },
      screenshot: shot,
      image: { width: fit.width + 2 * pad, height: fit.height + 2 * pad },
      rotation,
      pad: { left: pad, top: pad },
    };
  });

/** A geometry and a device pixel on its screen. */
const scene = fc
  .tuple(geometry, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([g, fx, fy]) => ({
    g,
    p: { x: Math.floor(fx * (g.device.width - 1)), y: Math.floor(fy * (g.device.height - 1)) },
  }));

describe('coordinate mapping', () => {
  test('device → image → device lands within 1 device pixel (any size, scale, rotation, padding)', () => {
    fc.assert(
      fc.property(scene, ({ g, p }) => {
        const back = imageToDevice(g, deviceToImage(g, p));
        return Math.abs(back.x - p.x) <= 1 && Math.abs(back.y - p.y) <= 1;
      }),
      { numRuns: 2000 },
    );
  });

  test('a model’s integer pixel lands inside the device pixels that image pixel covers', () => {
    fc.assert(
      fc.property(scene, ({ g, p }) => {
        const img = deviceToImage(g, p);
        const back = imageToDevice(g, { x: Math.round(img.x), y: Math.round(img.y) });
        // One image pixel covers device/image pixels of the device; rounding moves at most half of that, plus 1.
        const perPixel =
          Math.max(g.device.width, g.device.height) /
            Math.min(g.image.width - 2 * (g.pad?.left ?? 0), g.image.height - 2 * (g.pad?.top ?? 0)) +
          1;
        return Math.abs(back.x - p.x) <= perPixel && Math.abs(back.y - p.y) <= perPixel;
      }),
      { numRuns: 1000 },
    );
  });

  test('taps are clamped onto the screen', () => {
    const g: Geometry = {
      device: { width: 1080, height: 2400 },
      screenshot: { width: 1080, height: 2400 },
      image: { width: 540, height: 1200 },
    };
    expect(imageToDevice(g, { x: -5, y: 5000 })).toEqual({ x: 0, y: 2399 });
    expect(imageToDevice(g, { x: 270, y: 600 })).toEqual({ x: 540, y: 1200 });
  });

  test('model conventions: pixels, 0–1000 and 0–1 round-trip', () => {
    const g: Geometry = {
      device: { width: 1080, height: 2400 },
      screenshot: { width: 1080, height: 2400 },
      image: { width: 540, height: 1200 },
    };
    expect(fromModel(g, { x: 500, y: 250 }, 'norm1000')).toEqual({ x: 270, y: 300 });
    expect(fromModel(g, { x: 0.5, y: 0.25 }, 'norm1')).toEqual({ x: 270, y: 300 });
    for (const c of ['pixels', 'norm1000', 'norm1'] as const) {
      const p = toModel(g, { x: 123, y: 456 }, c);
      const q = fromModel(g, p, c);
      expect(q.x).toBeCloseTo(123, 6);
      expect(q.y).toBeCloseTo(456, 6);
    }
  });

  test('a landscape screenshot of a portrait-coordinate device maps corners correctly', () => {
    const g: Geometry = {
      device: { width: 1080, height: 2400 },
      screenshot: { width: 2400, height: 1080 },
      image: { width: 2400, height: 1080 },
      rotation: 90,
    };
    expect(imageToDevice(g, deviceToImage(g, { x: 0, y: 0 }))).toEqual({ x: 0, y: 0 });
    expect(deviceToImage(g, { x: 0, y: 0 })).toEqual({ x: 2400, y: 0 });
  });

  test('fitWithin keeps the aspect ratio and never upsizes', () => {
    expect(fitWithin({ width: 1080, height: 2400 }, 1200)).toEqual({ width: 540, height: 1200 });
    expect(fitWithin({ width: 500, height: 400 }, 1200)).toEqual({ width: 500, height: 400 });
  });
});
