// What the model sees: the screenshot resized to a JPEG, private regions blacked out before anything leaves the
// machine, optional set-of-mark numbers, and the element list in the same image coordinates.
import sharp from 'sharp';
import { DEFAULT_CONFIG } from '../core/config.js';
import type { Observation } from '../device/device.js';
import { deviceToImage, fitWithin, smartResize, type Geometry, type SmartResize } from '../device/coords.js';
import { idSuffix, type Bounds, type UiElement } from '../device/ui-tree.js';
import type { Profile } from '../profile/schema.js';
import { ensureFonts } from './fonts.js';

export interface FrameOptions {
  /** Longest side of the model image in pixels (before any smart resize). */
  maxSide?: number;
  quality?: number;
  setOfMark?: boolean;
  /**
   * Send the image already smart-resized the way the model's processor would, so the server leaves it as it is and
   * the model's pixels are the frame's pixels (Qwen2.5-VL, UI-TARS-1.5, GUI-Owl, UI-Venus).
   */
  resize?: SmartResize;
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

/** HEED_FRAME_MAX_SIDE, HEED_FRAME_QUALITY, HEED_SET_OF_MARK unset and no model family asking otherwise. */
export const FRAME_DEFAULTS = DEFAULT_CONFIG.frameDefaults;

/**
 * The frame options of a step: the run's own (the command line passes what HEED_FRAME_* set) ?? what the policy's
 * model family expects (its processor's size, no set-of-mark numbers) ?? heed's defaults.
 */
export function frameOptions(
  run: FrameOptions = {},
  family: FrameOptions = {},
): Required<Omit<FrameOptions, 'resize'>> & Pick<FrameOptions, 'resize'> {
  return {
    maxSide: run.maxSide ?? family.maxSide ?? FRAME_DEFAULTS.maxSide,
    quality: run.quality ?? family.quality ?? FRAME_DEFAULTS.quality,
    setOfMark: run.setOfMark ?? family.setOfMark ?? FRAME_DEFAULTS.setOfMark,
    ...((run.resize ?? family.resize) ? { resize: run.resize ?? family.resize } : {}),
  };
}

/** The size of the image the model is sent for a screenshot of this size. */
export function frameSize(
  screenshot: { width: number; height: number },
  o: FrameOptions,
): { width: number; height: number } {
  const fit = fitWithin(screenshot, o.maxSide ?? FRAME_DEFAULTS.maxSide);
  return o.resize ? smartResize(fit, o.resize) : fit;
}

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

/** An opaque rectangle painted into the frame's pixels: a set-of-mark label (rgb) or a redaction (black). */
interface Tile {
  left: number;
  top: number;
  width: number;
  height: number;
  rgb?: Buffer;
}

function clip(b: Bounds, image: { width: number; height: number }): Tile | undefined {
  const left = Math.max(0, b[0] - 1);
  const top = Math.max(0, b[1] - 1);
  const width = Math.min(image.width, b[2] + 1) - left;
  const height = Math.min(image.height, b[3] + 1) - top;
  return width > 0 && height > 0 ? { left, top, width, height } : undefined;
}

/**
 * Paint opaque tiles straight into raw RGB pixels. No blending is needed (every tile is opaque), and sharp's
 * composite would blend a full-frame layer per tile; writing bytes costs a fraction of that.
 */
function paint(data: Buffer, width: number, t: Tile): void {
  for (let y = 0; y < t.height; y++) {
    const row = ((t.top + y) * width + t.left) * 3;
    if (t.rgb) t.rgb.copy(data, row, y * t.width * 3, (y + 1) * t.width * 3);
    else data.fill(0, row, row + t.width * 3);
  }
}

// Set-of-mark labels are rendered once per number and reused.
const labels = new Map<string, { rgb: Buffer; width: number; height: number }>();

async function labelTile(text: string): Promise<{ rgb: Buffer; width: number; height: number }> {
  const hit = labels.get(text);
  if (hit) return hit;
  ensureFonts();
  const width = text.length * 9 + 6;
  const height = 16;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#E8175D"/>` +
    `<text x="3" y="13" font-family="DejaVu Sans" font-size="13" fill="#fff">${text}</text></svg>`;
  const tile = {
    rgb: await sharp(Buffer.from(svg)).flatten({ background: '#E8175D' }).raw().toBuffer(),
    width,
    height,
  };
  labels.set(text, tile);
  return tile;
}

export async function makeFrame(obs: Observation, redact: Profile['redact'], opts: FrameOptions = {}): Promise<Frame> {
  const o = { ...FRAME_DEFAULTS, ...opts };
  const image = frameSize(obs.screenshotSize, o);
  const geometry: Geometry = { device: obs.deviceSize, screenshot: obs.screenshotSize, image };
  const elements: FrameElement[] = [];
  const tiles: Tile[] = [];
  const texts: string[] = [];
  const interactive = new Set(obs.tree.interactive);
  for (const e of obs.tree.elements) {
    const reason = redactionReason(e, redact);
    const b = toImage(geometry, e.bounds);
    if (reason) {
      // Redaction covers the whole element, text included, before the frame is encoded.
      const t = clip(b, image);
      if (t) tiles.push(t);
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
  }
  if (o.setOfMark) {
    for (const m of elements) {
      const t = await labelTile(String(m.index));
      const left = Math.min(Math.max(0, m.bounds[0]), image.width - t.width);
      const top = Math.min(Math.max(0, m.bounds[1]), image.height - t.height);
      if (left >= 0 && top >= 0) tiles.push({ left, top, width: t.width, height: t.height, rgb: t.rgb });
    }
  }
  // Linear downscaling is plenty for UI screenshots and faster than the default Lanczos.
  const { data, info } = await sharp(obs.screenshot, { sequentialRead: true })
    .resize(image.width, image.height, { fit: 'fill', kernel: 'linear' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Redactions are painted after the labels, so a label can never sit on top of a secret.
  for (const t of [...tiles.filter((x) => x.rgb), ...tiles.filter((x) => !x.rgb)]) paint(data, info.width, t);
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .jpeg({ quality: o.quality })
    .toBuffer();
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
