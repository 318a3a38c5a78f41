// For every family, on three screen sizes: the frame stage sends the image the family's processor expects, and a
// point the model gives lands on the device pixel the family's own reference code computes, within 1 px.
import sharp from 'sharp';
import { imageToDevice } from '../../../src/device/coords.js';
import type { Observation } from '../../../src/device/device.js';
import { parseUiTree } from '../../../src/device/ui-tree.js';
import { FAMILY_NAMES, familyNamed } from '../../../src/policy/families/index.js';
import { interpret } from '../../../src/policy/model-policy.js';
import { frameOptions, makeFrame } from '../../../src/vision/frame.js';
import { modelPoint, pySmartResize, referenceDevice, SPACE, tapReply } from '../../support/native.js';

const SCREENS = [
  { width: 1080, height: 2400 },
  { width: 720, height: 1280 },
  { width: 1440, height: 3120 },
];

/** What the model of each abs-resized family sees, from the families' own processor settings (model-grammars.md §0). */
const PROCESSOR: Record<string, [number, number, number]> = {
  'ui-tars-1.5': [28, 100 * 28 * 28, 16384 * 28 * 28],
  'qwen2.5-vl': [28, 4 * 28 * 28, 16384 * 28 * 28],
  'gui-owl': [28, 3136, 10035200],
  'ui-venus': [28, 3136, 12845056],
};

const XML = (w: number, h: number) =>
  `<hierarchy rotation="0"><node index="0" text="" resource-id="" class="android.widget.FrameLayout" package="com.example" content-desc="" checkable="false" checked="false" clickable="false" enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" selected="false" bounds="[0,0][${w},${h}]" /></hierarchy>`;

async function observation(size: { width: number; height: number }): Promise<Observation> {
  const png = await sharp({ create: { ...size, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  const xml = XML(size.width, size.height);
  return {
    screenshot: png,
    screenshotSize: size,
    deviceSize: size,
    pageSource: xml,
    tree: parseUiTree(xml),
    package: 'com.example',
    activity: '.Main',
    at: 0,
  };
}

const REDACT = { passwords: true, otp: true, notifications: true, messages: true, patterns: [] };

describe('coordinate round trip: model point → device pixel, per family and screen', () => {
  test.each(FAMILY_NAMES.flatMap((f) => SCREENS.map((s) => [f, s.width, s.height] as const)))(
    '%s on %i×%i',
    async (name, width, height) => {
      const device = { width, height };
      const family = familyNamed(name);
      // No HEED_FRAME_* in the environment: the family's own frame.
      const frame = await makeFrame(await observation(device), REDACT, frameOptions({}, family.frame));
      const sent = frame.geometry.image;
      const processor = PROCESSOR[name];
      if (processor) {
        // Sent already at smart_resize(H, W): the server's processor leaves it as it is, the model's pixels are ours.
        expect(sent).toEqual(pySmartResize(height, width, ...processor));
        expect(pySmartResize(sent.height, sent.width, ...processor)).toEqual(sent);
      }
      const targets = [
        { x: 0, y: 0 },
        { x: width - 1, y: height - 1 },
        { x: Math.round(width / 2), y: Math.round(height / 2) },
        { x: Math.round(width * 0.137), y: Math.round(height * 0.911) },
        { x: Math.round(width * 0.77), y: Math.round(height * 0.043) },
      ];
      for (const t of targets) {
        const m = modelPoint(name, t, device, sent);
        const got = interpret(family, tapReply(name, m), sent).action as { x: number; y: number };
        const d = imageToDevice(frame.geometry, got);
        const [rx, ry] = referenceDevice(name, m, device, sent);
        const want = { x: Math.min(width - 1, rx), y: Math.min(height - 1, ry) };
        expect(Math.abs(d.x - want.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(d.y - want.y)).toBeLessThanOrEqual(1);
      }
    },
  );

  test('every family is covered by the reference table', () => {
    expect(Object.keys(SPACE).sort()).toEqual([...FAMILY_NAMES].sort());
  });
});
