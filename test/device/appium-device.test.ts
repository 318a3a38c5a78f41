// End to end: a real Appium server with the simulated phone's driver, a real webdriverio session, heed's device layer.
import sharp from 'sharp';
import { AppiumDevice } from '../../src/device/appium-device.js';
import { simCapabilities } from '../../src/device/capabilities.js';
import { openDevice } from '../../src/device/open.js';
import { center, idSuffix } from '../../src/device/ui-tree.js';
import type { Observation } from '../../src/device/device.js';
import { testConfig } from '../support/config.js';

const TRAILCAM = 'com.heed.trailcam';

function byId(obs: Observation, suffix: string) {
  const e = obs.tree.elements.find((x) => idSuffix(x.resourceId) === suffix);
  if (!e) throw new Error(`${suffix} not on screen`);
  return e;
}

/** Mean RGB of a region of the screenshot. */
async function meanColor(png: Buffer, [l, t, r, b]: [number, number, number, number]) {
  const { data, info } = await sharp(png)
    .extract({ left: l, top: t, width: r - l, height: b - t })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!;
  return sum.map((s) => Math.round(s / (data.length / info.channels)));
}

describe('AppiumDevice on the simulated phone', () => {
  let device: AppiumDevice;
  beforeEach(async () => {
    device = await openDevice({ config: testConfig, device: 'sim' });
  });
  afterEach(async () => {
    await device.close();
  });

  test('opens the app, sees the location dialog in page source and pixels, taps "While using the app", reads the grant', async () => {
    await device.perform({ kind: 'open_app', package: TRAILCAM });
    const obs = await device.observe();
    expect(obs.package).toBe('com.android.permissioncontroller');
    expect(obs.deviceSize).toEqual({ width: 1080, height: 2400 });
    expect(obs.screenshotSize).toEqual({ width: 1080, height: 2400 });
    expect(byId(obs, 'permission_message').text).toBe('Allow TrailCam to access this device’s location?');

    // In pixels: the dialog box is light, the area outside it is dimmed by the scrim.
    const dialog = byId(obs, 'grant_dialog').bounds;
    const inside = await meanColor(obs.screenshot, [
      dialog[0] + 100,
      dialog[1] + 100,
      dialog[0] + 140,
      dialog[1] + 120,
    ]);
    const outside = await meanColor(obs.screenshot, [0, dialog[1] - 60, 40, dialog[1] - 20]);
    expect(Math.min(...inside)).toBeGreaterThan(220);
    expect(Math.max(...outside)).toBeLessThan(180);
    // The button's pill is drawn where its bounds are.
    const button = byId(obs, 'permission_allow_foreground_only_button');
    const [bl, bt] = button.bounds;
    expect(await meanColor(obs.screenshot, [bl + 80, bt + 10, bl + 120, bt + 20])).toEqual([211, 227, 253]);

    const { x, y } = center(button.bounds);
    await device.perform({ kind: 'tap', x, y });
    const after = await device.observe();
    expect(after.package).toBe(TRAILCAM);
    expect(after.activity).toBe('.MainActivity');
    const dumpsys = await device.shell('dumpsys', ['package', TRAILCAM]);
    expect(dumpsys).toMatch(/android\.permission\.ACCESS_FINE_LOCATION: granted=true, flags=\[ USER_SET\|/);
    expect(dumpsys).toMatch(/android\.permission\.CAMERA: granted=false/);
    expect(await device.driver.execute('mobile: getPermissions', { type: 'granted', appPackage: TRAILCAM })).toEqual([
      'android.permission.ACCESS_FINE_LOCATION',
      'android.permission.ACCESS_COARSE_LOCATION',
    ]);
  });

  test('BACK, HOME and activateApp behave as on Android', async () => {
    await device.perform({ kind: 'open_app', package: TRAILCAM });
    let obs = await device.observe();
    const deny = center(byId(obs, 'permission_deny_button').bounds);
    await device.perform({ kind: 'tap', ...deny });
    obs = await device.observe();
    await device.perform({ kind: 'tap', ...center(byId(obs, 'gallery').bounds) });
    expect((await device.observe()).activity).toBe('.GalleryActivity');
    await device.perform({ kind: 'key', key: 'back' });
    expect((await device.observe()).activity).toBe('.MainActivity');
    await device.perform({ kind: 'key', key: 'home' });
    obs = await device.observe();
    expect(obs.package).toBe('com.google.android.apps.nexuslauncher');
    expect(await device.driver.execute('mobile: queryAppState', { appId: TRAILCAM })).toBe(3);
    await device.perform({ kind: 'open_app', package: TRAILCAM });
    obs = await device.observe();
    // Resumed where it was, not restarted: no second location dialog.
    expect(obs.package).toBe(TRAILCAM);
    expect(await device.driver.execute('mobile: queryAppState', { appId: TRAILCAM })).toBe(4);
    await device.perform({ kind: 'key', key: 'back' });
    expect((await device.observe()).package).toBe('com.google.android.apps.nexuslauncher');
  });

  test('text entry, keyboard state and element lookup through W3C and mobile: commands', async () => {
    await device.perform({ kind: 'open_app', package: TRAILCAM });
    let obs = await device.observe();
    await device.perform({ kind: 'tap', ...center(byId(obs, 'permission_deny_button').bounds) });
    obs = await device.observe();
    const field = center(byId(obs, 'trip_name').bounds);
    await device.perform({ kind: 'tap', ...field });
    expect(await device.driver.execute('mobile: isKeyboardShown')).toBe(true);
    await device.perform({ kind: 'type', text: 'Säntis ridge' });
    expect(byId(await device.observe(), 'trip_name').text).toBe('Säntis ridge');
    await device.perform({ kind: 'clear_and_type', ...field, text: 'Pilatus' });
    expect(byId(await device.observe(), 'trip_name').text).toBe('Pilatus');
    await device.perform({ kind: 'hide_keyboard' });
    expect(await device.driver.execute('mobile: isKeyboardShown')).toBe(false);
    const el = await device.driver.$('id=trip_name');
    expect(await el.getText()).toBe('Pilatus');
    const xp = await device.driver.$('//android.widget.Button[@text="Take photo"]');
    expect(await xp.isExisting()).toBe(true);
  });

  test('mobile: shell answers settings and reports unknown commands as errors', async () => {
    await expect(device.shell('frobnicate')).rejects.toThrow(/inaccessible or not found/);
    expect(await device.shell('settings get secure location_mode')).toBe('3\n');
  });

  test('a bad Appium URL gives an error that says what to do', async () => {
    await expect(AppiumDevice.connect({ url: 'http://127.0.0.1:9', capabilities: simCapabilities() })).rejects.toThrow(
      /heed doctor/,
    );
  });
});

describe('pngSize', () => {
  test('reads the size from the IHDR chunk and rejects what is not a PNG', async () => {
    const { pngSize } = await import('../../src/device/appium-device.js');
    const png = await sharp({ create: { width: 37, height: 81, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    expect(pngSize(png)).toEqual({ width: 37, height: 81 });
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect(() => pngSize(jpeg)).toThrow(/not a PNG/);
  });
});
