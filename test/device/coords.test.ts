import fc from 'fast-check';
import {
  deviceToImage,
  fitWithin,
  fromModel,
  imageToDevice,
  insideModelSpace,
  roundHalfEven,
  smartResize,
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

describe('smart_resize (qwen-vl-utils), with Python rounding', () => {
  // The numbers of model-grammars.md §0, each checked there against the families' Python code.
  const QWEN25 = { factor: 28, minPixels: 4 * 28 * 28, maxPixels: 16384 * 28 * 28 };
  const QWEN3 = { factor: 32, minPixels: 4 * 32 * 32, maxPixels: 16384 * 32 * 32 };
  const OWL15 = { factor: 16, minPixels: 3136, maxPixels: 1003520 * 200 };
  test.each([
    [QWEN25, 1080, 2400, 1092, 2408],
    [QWEN25, 720, 1280, 728, 1288],
    [QWEN25, 1440, 3120, 1428, 3108],
    [{ factor: 28, minPixels: 3136, maxPixels: 10035200 }, 1080, 2400, 1092, 2408],
    [{ factor: 28, minPixels: 100 * 784, maxPixels: 2700 * 784 }, 1080, 2400, 952, 2156],
    [QWEN3, 1080, 2400, 1088, 2400],
    // 720 / 32 = 22.5: Python rounds to 22 (704); Math.round would give 736.
    [QWEN3, 720, 1280, 704, 1280],
    [QWEN3, 1440, 3120, 1440, 3136],
    [OWL15, 1080, 2400, 1088, 2400],
    [OWL15, 720, 1280, 720, 1280],
    [OWL15, 1440, 3120, 1440, 3120],
  ])('%o: %i×%i → %i×%i', (spec, w, h, rw, rh) => {
    expect(smartResize({ width: w, height: h }, spec)).toEqual({ width: rw, height: rh });
  });

  test('ties go to the even neighbour; small images grow to min_pixels; ratios over 200 are refused', () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([0, 2, 2, 4, 0, 2, 3]);
    expect(smartResize({ width: 10, height: 10 }, { factor: 28, minPixels: 3136, maxPixels: 1e7 })).toEqual({
      width: 56,
      height: 56,
    });
    expect(() => smartResize({ width: 1, height: 300 }, { factor: 28, minPixels: 1, maxPixels: 1e7 })).toThrow(
      /aspect/,
    );
  });

  test('conventions map onto the image: norm999, norm1000, norm1 and the smart-resized pixels', () => {
    const g: Geometry = {
      device: { width: 1080, height: 2400 },
      screenshot: { width: 1080, height: 2400 },
      image: { width: 1080, height: 2400 },
    };
    expect(fromModel(g, { x: 999, y: 999 }, 'norm999')).toEqual({ x: 1080, y: 2400 });
    expect(fromModel(g, { x: 500, y: 250 }, 'norm1000')).toEqual({ x: 540, y: 600 });
    expect(fromModel(g, { x: 1092, y: 2408 }, { resized: QWEN25 })).toEqual({ x: 1080, y: 2400 });
    expect(insideModelSpace(g.image, { x: 1001, y: 3 }, 'norm1000')).toBe(false);
    expect(insideModelSpace(g.image, { x: 1092, y: 2408 }, { resized: QWEN25 })).toBe(true);
    expect(insideModelSpace(g.image, { x: 1093, y: 0 }, { resized: QWEN25 })).toBe(false);
  });
});
