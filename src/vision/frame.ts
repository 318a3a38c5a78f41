// What the model sees: the screenshot resized to a JPEG, private regions blacked out before anything leaves the
// machine, optional set-of-mark numbers, and the element list in the same image coordinates.
import sharp from 'sharp';
import type { Observation } from '../device/device.js';
import { deviceToImage, fitWithin, type Geometry } from '../device/coords.js';
import { idSuffix, type Bounds, type UiElement } from '../device/ui-tree.js';
import type { Profile } from '../profile/schema.js';
import { ensureFonts } from './fonts.js';

export interface FrameOptions {
  /** Longest side of the model image in pixels. */
  maxSide?: number;
  quality?: number;
  setOfMark?: boolean;
}

export interface FrameElement {
  /** The element's index in the UI tree (document order): what `tap {element}` refers to. */
  index: number;
  class: string;
  /** Empty when redacted. */
  label: string;
  resourceId: string;
  bounds: Bounds;
  checked?: boolean;
  enabled: boolean;
  redacted?: string;
}

export interface Frame {
  jpeg: Buffer;
  geometry: Geometry;
  elements: FrameElement[];
  /** Text of non-interactive elements (headings, messages), minus anything redacted. */
  texts: string[];
}

export const FRAME_DEFAULTS = {
  maxSide: Number(process.env.HEED_FRAME_MAX_SIDE ?? 1280),
  quality: Number(process.env.HEED_FRAME_QUALITY ?? 60),
  setOfMark: (process.env.HEED_SET_OF_MARK ?? 'true') !== 'false',
};

const OTP = /\b(otp|one[- ]time|verification code|security code|2fa|passcode)\b/i;
const MESSAGE_IDS = /message_text|message_body|msg_body|snippet|conversation_snippet/i;

/** Why an element must not reach the model, or undefined. */
export function redactionReason(e: UiElement, redact: Profile['redact']): string | undefined {
  if (redact.passwords && e.password) return 'password';
  if (
    redact.otp &&
    (OTP.test(`${e.hint} ${e.contentDesc} ${idSuffix(e.resourceId)}`) ||
      (/EditText/.test(e.class) && /^\d{4,8}$/.test(e.text)))
  )
    return 'one-time code';
  if (redact.notifications && e.package === 'com.android.systemui' && /notification/i.test(e.resourceId))
    return 'notification';
  if (redact.messages && MESSAGE_IDS.test(e.resourceId)) return 'message';
  for (const p of redact.patterns) if (new RegExp(p, 'i').test(e.text || e.contentDesc)) return 'profile pattern';
  return undefined;
}

function toImage(g: Geometry, b: Bounds): Bounds {
  const a = deviceToImage(g, { x: b[0], y: b[1] });
  const c = deviceToImage(g, { x: b[2], y: b[3] });
  return [
    Math.floor(Math.min(a.x, c.x)),
    Math.floor(Math.min(a.y, c.y)),
    Math.ceil(Math.max(a.x, c.x)),
    Math.ceil(Math.max(a.y, c.y)),
  ];
}

export async function makeFrame(obs: Observation, redact: Profile['redact'], opts: FrameOptions = {}): Promise<Frame> {
  const o = { ...FRAME_DEFAULTS, ...opts };
  const image = fitWithin(obs.screenshotSize, o.maxSide);
  const geometry: Geometry = { device: obs.deviceSize, screenshot: obs.screenshotSize, image };
  const elements: FrameElement[] = [];
  const boxes: string[] = [];
  const marks: string[] = [];
  const texts: string[] = [];
  const interactive = new Set(obs.tree.interactive);
  for (const e of obs.tree.elements) {
    const reason = redactionReason(e, redact);
    const b = toImage(geometry, e.bounds);
    if (reason) {
      // Redaction covers the whole element, text included, before any resize artefact could leak it.
      boxes.push(
        `<rect x="${b[0] - 1}" y="${b[1] - 1}" width="${b[2] - b[0] + 2}" height="${b[3] - b[1] + 2}" fill="#000"/>`,
      );
    }
    if (!interactive.has(e.index)) {
      const t = e.text || e.contentDesc;
      if (t && !reason && !hasRedactedAncestor(obs.tree.elements, e, redact)) texts.push(t);
      continue;
    }
    elements.push({
      index: e.index,
      class: e.class,
      label: reason ? '' : e.label,
      resourceId: e.resourceId,
      bounds: b,
      ...(e.checkable ? { checked: e.checked } : {}),
      enabled: e.enabled,
      ...(reason ? { redacted: reason } : {}),
    });
    if (o.setOfMark) {
      marks.push(
        `<rect x="${b[0]}" y="${b[1]}" width="${b[2] - b[0]}" height="${b[3] - b[1]}" fill="none" stroke="#E8175D" stroke-width="2"/>` +
          `<rect x="${b[0]}" y="${b[1]}" width="${String(e.index).length * 9 + 6}" height="16" fill="#E8175D"/>` +
          `<text x="${b[0] + 3}" y="${b[1] + 13}" font-family="DejaVu Sans" font-size="13" fill="#fff">${e.index}</text>`,
      );
    }
  }
  const overlay = [...boxes, ...marks];
  let pipeline = sharp(obs.screenshot).resize(image.width, image.height, { fit: 'fill' });
  if (overlay.length) {
    if (marks.length) ensureFonts();
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}">${overlay.join('')}</svg>`;
    pipeline = pipeline.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
  }
  const jpeg = await pipeline.jpeg({ quality: o.quality, mozjpeg: false }).toBuffer();
  return { jpeg, geometry, elements, texts };
}

function hasRedactedAncestor(all: UiElement[], e: UiElement, redact: Profile['redact']): boolean {
  for (let p = e.parent; p !== undefined; p = all[p]!.parent) if (redactionReason(all[p]!, redact)) return true;
  return false;
}

/** The element list as the prompt shows it. */
export function describeElements(elements: FrameElement[]): string {
  return elements
    .map((e) => {
      const cls = e.class.split('.').pop();
      const what = e.redacted ? `[redacted ${e.redacted}]` : e.label ? JSON.stringify(e.label) : '';
      const state = [e.checked === undefined ? '' : e.checked ? 'checked' : 'unchecked', e.enabled ? '' : 'disabled']
        .filter(Boolean)
        .join(', ');
      const id = e.resourceId ? ` id=${idSuffix(e.resourceId)}` : '';
      return `[${e.index}] ${cls} ${what}${id}${state ? ` (${state})` : ''} @ ${e.bounds.join(',')}`;
    })
    .join('\n');
}
