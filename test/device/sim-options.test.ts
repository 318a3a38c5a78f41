// The simulated phone's session options through the real Appium path: extra app folders (a data-only app),
// screen size and density, task setup commands, and W3C element and pointer commands.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDevice } from '../../src/device/open.js';
import { testConfig } from '../support/config.js';

const rows = Array.from(
  { length: 30 },
  (_, i) =>
    `      - { type: item, id: row, text: "Trail ${i + 1}", onLongTap: [{ set: { pinned: "Trail ${i + 1}" } }] }`,
).join('\n');
const APP = `package: com.example.trails
label: Trails
launch: main
state: { pinned: "", name: "" }
screens:
  main:
    activity: .Main
    title: "Trails (pinned: {state.pinned})"
    elements:
      - { type: input, id: name, hint: Your name, bind: name }
      - { type: checkbox, id: offline, text: Offline maps, bind: offline }
${rows}
`;

describe('simulated phone options through Appium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heed-apps-'));
  writeFileSync(join(dir, 'trails.yaml'), APP);

  test('a data-only app, W3C element commands, long press and swipe-to-scroll by coordinates', async () => {
    const device = await openDevice({
      config: testConfig,
      device: 'sim',
      sim: { appDirs: [dir], app: 'com.example.trails' },
    });
    try {
      const d = device.driver;
      const name = await d.$('id=name');
      await name.setValue('Ada');
      expect(await name.getText()).toBe('Ada');
      await name.clearValue();
      expect(await name.getText()).toBe('Your name');
      const offline = await d.$('id=offline');
      expect(await offline.getAttribute('checked')).toBe('false');
      await offline.click();
      expect(await offline.getAttribute('checked')).toBe('true');

      expect(await d.$('//*[@text="Trail 30"]').isExisting()).toBe(false);
      // The keyboard is up after typing; a swipe that starts on it would not reach the list (as on Android).
      await device.perform({ kind: 'hide_keyboard' });
      for (let i = 0; i < 8; i++) await device.perform({ kind: 'swipe', from: [540, 1900], to: [540, 700] });
      const last = await d.$('//*[@text="Trail 30"]');
      expect(await last.isExisting()).toBe(true);
      const rect = await last.getElementRect(await last.elementId);
      await device.perform({ kind: 'long_press', x: rect.x + 50, y: rect.y + rect.height / 2 });
      expect((await device.observe()).tree.elements.some((e) => e.text === 'Trails (pinned: Trail 30)')).toBe(true);
      for (let i = 0; i < 8; i++) await device.perform({ kind: 'scroll', direction: 'up' });
      expect(await d.$('id=name').isExisting()).toBe(true);
    } finally {
      await device.close();
    }
  });

  test('screen size and density are configurable; setup commands run before the first observation', async () => {
    const device = await openDevice({
      config: testConfig,
      device: 'sim',
      sim: {
        screen: { width: 720, height: 1600, density: 320 },
        setup: ['pm grant com.heed.trailcam android.permission.CAMERA'],
      },
    });
    try {
      const obs = await device.observe();
      expect(obs.deviceSize).toEqual({ width: 720, height: 1600 });
      expect(obs.screenshotSize).toEqual({ width: 720, height: 1600 });
      expect(await device.shell('wm density')).toBe('Physical density: 320\n');
      expect(await device.shell('dumpsys package com.heed.trailcam')).toContain(
        'android.permission.CAMERA: granted=true',
      );
    } finally {
      await device.close();
    }
  });

  test('a failing setup command refuses the session with the command named', async () => {
    await expect(
      openDevice({
        config: testConfig,
        device: 'sim',
        sim: { setup: ['pm grant com.nope android.permission.CAMERA'] },
      }),
    ).rejects.toThrow(/pm grant com\.nope/);
  });
});
