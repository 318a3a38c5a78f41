import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openDevice } from '../../src/device/open.js';
import { loadProfile } from '../../src/profile/load.js';
import { describeElements, makeFrame } from '../../src/vision/frame.js';
import { testConfig } from '../support/config.js';

const APP = `package: com.example.login
label: Login
state: { user: "", pass: "" }
launch: main
screens:
  main:
    activity: .Login
    title: Log in
    elements:
      - { type: input, id: username, hint: Username, bind: user }
      - { type: input, id: password, hint: Password, bind: pass, password: true }
      - { type: input, id: otp_code, hint: Verification code, bind: otp }
      - { type: button, id: go, text: Log in }
`;

/** Standard deviation of the luminance of a region of a JPEG. */
async function regionStats(jpeg: Buffer, [l, t, r, b]: number[]) {
  const { data } = await sharp(jpeg)
    .extract({ left: l!, top: t!, width: r! - l!, height: b! - t! })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const xs = [...data];
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  return { mean, sd: Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length) };
}

describe('frames sent to the model', () => {
  test('a password field (and a one-time code field) has no readable pixels and no text in the frame', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-apps-'));
    writeFileSync(join(dir, 'login.yaml'), APP);
    const device = await openDevice({
      config: testConfig,
      device: 'sim',
      sim: { appDirs: [dir], app: 'com.example.login' },
    });
    try {
      const obs0 = await device.observe();
      const field = (o: typeof obs0, id: string) => o.tree.elements.find((e) => e.resourceId.endsWith(`:id/${id}`))!;
      await device.perform({
        kind: 'clear_and_type',
        x: (field(obs0, 'password').bounds[0] + field(obs0, 'password').bounds[2]) >> 1,
        y: (field(obs0, 'password').bounds[1] + field(obs0, 'password').bounds[3]) >> 1,
        text: 'hunter2-Secret',
      });
      const obs = await device.observe();
      expect(field(obs, 'password').password).toBe(true);
      const profile = loadProfile('balanced');
      const frame = await makeFrame(obs, profile.redact, { setOfMark: false });
      const pw = frame.elements.find((e) => e.index === field(obs, 'password').index)!;
      expect(pw).toMatchObject({ label: '', redacted: 'password' });
      expect(frame.elements.find((e) => e.index === field(obs, 'otp_code').index)).toMatchObject({
        redacted: 'one-time code',
      });
      expect(describeElements(frame.elements)).not.toContain('•');
      // Inside the field's box: one flat black; the username field next to it is not flat (border, hint text).
      const inner = (b: number[]) => [b[0]! + 4, b[1]! + 4, b[2]! - 4, b[3]! - 4];
      const hidden = await regionStats(frame.jpeg, inner(pw.bounds));
      expect(hidden.mean).toBeLessThan(8);
      expect(hidden.sd).toBeLessThan(3);
      const user = frame.elements.find((e) => e.index === field(obs, 'username').index)!;
      expect((await regionStats(frame.jpeg, inner(user.bounds))).sd).toBeGreaterThan(10);
      // With redaction off (a profile that allows it), the same field is visible: the test can tell the difference.
      const open = await makeFrame(obs, { ...profile.redact, passwords: false, otp: false }, { setOfMark: false });
      expect((await regionStats(open.jpeg, inner(pw.bounds))).sd).toBeGreaterThan(10);
    } finally {
      await device.close();
    }
  });

  test('default frames of a 1080×2400 screen are JPEGs under 60 KB with set-of-mark numbers', async () => {
    const device = await openDevice({ config: testConfig, device: 'sim', sim: { app: 'com.android.settings' } });
    try {
      const obs = await device.observe();
      const frame = await makeFrame(obs, loadProfile('balanced').redact);
      const meta = await sharp(frame.jpeg).metadata();
      expect(meta.format).toBe('jpeg');
      expect(Math.max(meta.width!, meta.height!)).toBe(1280);
      expect(frame.jpeg.length).toBeLessThan(60 * 1024);
      const plain = await makeFrame(obs, loadProfile('balanced').redact, { setOfMark: false });
      expect(Buffer.compare(frame.jpeg, plain.jpeg)).not.toBe(0);
    } finally {
      await device.close();
    }
  });
});
