// The one place where coordinates change frames. Three frames exist:
//   device     — the pixels Appium's gestures and page-source bounds use (window size, current rotation)
//   screenshot — the PNG the device returns (may be scaled, or rotated on some devices, relative to device pixels)
//   image      — what the model sees: the screenshot resized (and possibly padded) by the vision pipeline
// Model families speak different conventions (pixels of the image, 0–1000, 0–1); `fromModel` normalises them.

export interface Size {
  width: number;
  height: number;
}

export type Rotation = 0 | 90 | 180 | 270;
export type { Convention } from '../core/vocab.js';
import type { Convention } from '../core/vocab.js';

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

/** A model's point in its own convention → image pixels. */
export function fromModel(g: Geometry, p: Point, convention: Convention): Point {
  switch (convention) {
    case 'pixels':
      return p;
    case 'norm1000':
      return { x: (p.x / 1000) * g.image.width, y: (p.y / 1000) * g.image.height };
    case 'norm1':
      return { x: p.x * g.image.width, y: p.y * g.image.height };
  }
}

/** Image pixels → a model's convention (for set-of-mark labels and prompts). */
export function toModel(g: Geometry, p: Point, convention: Convention): Point {
  switch (convention) {
    case 'pixels':
      return p;
    case 'norm1000':
      return { x: (p.x * 1000) / g.image.width, y: (p.y * 1000) / g.image.height };
    case 'norm1':
      return { x: p.x / g.image.width, y: p.y / g.image.height };
  }
}

/** The image size that fits `screenshot` into at most `maxSide` pixels on its long side, keeping the aspect ratio. */
export function fitWithin(screenshot: Size, maxSide: number): Size {
  const s = Math.min(1, maxSide / Math.max(screenshot.width, screenshot.height));
  return {
    width: Math.max(1, Math.round(screenshot.width * s)),
    height: Math.max(1, Math.round(screenshot.height * s)),
  };
}
