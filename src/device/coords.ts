// The one place where coordinates change frames. Three frames exist:
//   device     — the pixels Appium's gestures and page-source bounds use (window size, current rotation)
//   screenshot — the PNG the device returns (may be scaled, or rotated on some devices, relative to device pixels)
//   image      — what the model sees: the screenshot resized (and possibly padded) by the vision pipeline
// Model families speak different conventions (pixels of the image, 0–1000, 0–999, 0–1, or pixels of the image a
// Qwen-style processor resized with smart_resize); `fromModel` normalises them all to image pixels.

export interface Size {
  width: number;
  height: number;
}

export type Rotation = 0 | 90 | 180 | 270;
export type { Convention } from '../core/vocab.js';
import { COORD_CONVENTIONS, type Convention } from '../core/vocab.js';
export const CONVENTIONS: readonly Convention[] = COORD_CONVENTIONS;

/** The resize a Qwen-style image processor applies before the model sees an image (qwen-vl-utils `smart_resize`). */
export interface SmartResize {
  /** Patch size × merge size: 28 for Qwen2/2.5-VL, 32 for Qwen3-VL, 16 for GUI-Owl-1.5's mapping. */
  factor: number;
  minPixels: number;
  maxPixels: number;
}

/**
 * How a model's x, y are meant: a convention over the image it was sent, or absolute pixels of that image after its
 * server resized it with smart_resize (UI-TARS-1.5, Qwen2.5-VL, GUI-Owl, UI-Venus 1.0).
 */
export type Regime = Convention | { resized: SmartResize };

export interface Geometry {
  device: Size;
  screenshot: Size;
  image: Size;
  /** Clockwise rotation of the screenshot relative to device coordinates (0 on every normal device). */
  rotation?: Rotation;
  /** Padding the vision pipeline added around the resized screenshot (letterboxing), in image pixels. */
  pad?: { left: number; top: number };
}

export interface Point {
  x: number;
  y: number;
}

function rotatedDevice(g: Geometry): Size {
  const r = g.rotation ?? 0;
  return r === 90 || r === 270 ? { width: g.device.height, height: g.device.width } : g.device;
}

function imageContent(g: Geometry): Size {
  const pad = g.pad ?? { left: 0, top: 0 };
  return { width: g.image.width - 2 * pad.left, height: g.image.height - 2 * pad.top };
}

/** Device pixel → screenshot pixel. */
export function deviceToScreenshot(g: Geometry, p: Point): Point {
  const r = g.rotation ?? 0;
  const { width: W, height: H } = g.device;
  const rot =
    r === 0 ? p : r === 90 ? { x: H - p.y, y: p.x } : r === 180 ? { x: W - p.x, y: H - p.y } : { x: p.y, y: W - p.x };
  const rd = rotatedDevice(g);
  return { x: (rot.x * g.screenshot.width) / rd.width, y: (rot.y * g.screenshot.height) / rd.height };
}

/** Screenshot pixel → device pixel. */
export function screenshotToDevice(g: Geometry, p: Point): Point {
  const rd = rotatedDevice(g);
  const q = { x: (p.x * rd.width) / g.screenshot.width, y: (p.y * rd.height) / g.screenshot.height };
  const r = g.rotation ?? 0;
  const { width: W, height: H } = g.device;
  return r === 0
    ? q
    : r === 90
      ? { x: q.y, y: H - q.x }
      : r === 180
        ? { x: W - q.x, y: H - q.y }
        : { x: W - q.y, y: q.x };
}

export function screenshotToImage(g: Geometry, p: Point): Point {
  const c = imageContent(g);
  const pad = g.pad ?? { left: 0, top: 0 };
  return { x: pad.left + (p.x * c.width) / g.screenshot.width, y: pad.top + (p.y * c.height) / g.screenshot.height };
}

export function imageToScreenshot(g: Geometry, p: Point): Point {
  const c = imageContent(g);
  const pad = g.pad ?? { left: 0, top: 0 };
  return {
    x: ((p.x - pad.left) * g.screenshot.width) / c.width,
    y: ((p.y - pad.top) * g.screenshot.height) / c.height,
  };
}

/** Image pixel → device pixel, rounded and clamped onto the screen: what a tap should use. */
export function imageToDevice(g: Geometry, p: Point): Point {
  const d = screenshotToDevice(g, imageToScreenshot(g, p));
  return {
    x: Math.min(g.device.width - 1, Math.max(0, Math.round(d.x))),
    y: Math.min(g.device.height - 1, Math.max(0, Math.round(d.y))),
  };
}

export function deviceToImage(g: Geometry, p: Point): Point {
  return screenshotToImage(g, deviceToScreenshot(g, p));
}

/** The size of the space a model's coordinates live in, for an image of this size: what (x, y) may range over. */
export function modelSpace(image: Size, regime: Regime): Size {
  if (typeof regime === 'object') return smartResize(image, regime.resized);
  switch (regime) {
    case 'pixels':
      return image;
    case 'norm1000':
      return { width: 1000, height: 1000 };
    case 'norm999':
      return { width: 999, height: 999 };
    case 'norm1':
      return { width: 1, height: 1 };
  }
}

/** A model's point in its own regime → image pixels. */
export function fromModel(g: Geometry, p: Point, regime: Regime): Point {
  const s = modelSpace(g.image, regime);
  return { x: (p.x * g.image.width) / s.width, y: (p.y * g.image.height) / s.height };
}

/** Image pixels → a model's regime (for set-of-mark labels and prompts). */
export function toModel(g: Geometry, p: Point, regime: Regime): Point {
  const s = modelSpace(g.image, regime);
  return { x: (p.x * s.width) / g.image.width, y: (p.y * s.height) / g.image.height };
}

/** Is a model's point inside the space its regime allows for this image (edges included)? */
export function insideModelSpace(image: Size, p: Point, regime: Regime): boolean {
  const s = modelSpace(image, regime);
  return p.x >= 0 && p.y >= 0 && p.x <= s.width && p.y <= s.height;
}

/** Python's round(): ties go to the even neighbour (2.5 → 2, 3.5 → 4), unlike Math.round. */
export function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * qwen-vl-utils `smart_resize` (Qwen2.5-VL, UI-TARS, GUI-Owl, UI-Venus; Qwen3-VL with factor 32): both sides a
 * multiple of `factor`, the area within [minPixels, maxPixels], the aspect ratio kept as closely as possible.
 * Rounds exactly as the Python does (round-half-to-even, then floor / ceil by factor when out of range).
 */
export function smartResize(size: Size, spec: SmartResize): Size {
  const { width: w, height: h } = size;
  const f = spec.factor;
  if (Math.max(w, h) / Math.min(w, h) > 200) throw new RangeError(`aspect ratio of ${w}×${h} is over 200`);
  let hb = Math.max(f, roundHalfEven(h / f) * f);
  let wb = Math.max(f, roundHalfEven(w / f) * f);
  if (hb * wb > spec.maxPixels) {
    const beta = Math.sqrt((h * w) / spec.maxPixels);
    hb = Math.floor(h / beta / f) * f;
    wb = Math.floor(w / beta / f) * f;
  } else if (hb * wb < spec.minPixels) {
    const beta = Math.sqrt(spec.minPixels / (h * w));
    hb = Math.ceil((h * beta) / f) * f;
    wb = Math.ceil((w * beta) / f) * f;
  }
  return { width: wb, height: hb };
}

/** The image size that fits `screenshot` into at most `maxSide` pixels on its long side, keeping the aspect ratio. */
export function fitWithin(screenshot: Size, maxSide: number): Size {
  const s = Math.min(1, maxSide / Math.max(screenshot.width, screenshot.height));
  return {
    width: Math.max(1, Math.round(screenshot.width * s)),
    height: Math.max(1, Math.round(screenshot.height * s)),
  };
}
