// The same parsers read real Android output (fixtures/android-shell) and the simulated phone's output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseContentRows,
  parseCurrentFocus,
  parsePackages,
  parseRuntimePermissions,
  parseSetting,
} from '../../src/device/android-output.js';
import { openDevice } from '../../src/device/open.js';
import { testConfig } from '../support/config.js';

const dir = join(import.meta.dirname ?? '', '..', '..', 'fixtures', 'android-shell');
const real = (f: string) => readFileSync(join(dir, f), 'utf8');

describe('parsers on real Android output', () => {
  test('dumpsys package, Android 13: |-joined flags, user 0 only', () => {
    const p = parseRuntimePermissions(real('dumpsys-package-android13-system-app.txt'));
    expect(p.size).toBe(8);
    expect(p.get('android.permission.ACCESS_FINE_LOCATION')).toEqual({
      granted: true,
      flags: ['SYSTEM_FIXED', 'GRANTED_BY_DEFAULT'],
    });
    expect(p.has('android.permission.INTERNET')).toBe(false); // install permissions are not runtime ones
    expect(
      parseRuntimePermissions(real('dumpsys-package-android13-system-app.txt'), 900).get(
        'android.permission.ACCESS_FINE_LOCATION',
      )?.granted,
    ).toBe(false);
  });

  test('dumpsys package, Android 7: space-joined flags with a trailing space', () => {
    const p = parseRuntimePermissions(real('dumpsys-package-android7-excerpt.txt'));
    expect(p.get('android.permission.READ_CALL_LOG')).toEqual({
      granted: true,
      flags: ['SYSTEM_FIXED', 'GRANTED_BY_DEFAULT'],
    });
    expect(p.size).toBe(4);
  });

  test('dumpsys window: app windows and system windows', () => {
    expect(parseCurrentFocus(real('dumpsys-window-focus.txt'))).toEqual({
      window: 'com.android.mms/com.android.mms.ui.ConversationList',
      package: 'com.android.mms',
      activity: '.ui.ConversationList',
    });
    expect(parseCurrentFocus(real('dumpsys-window-statusbar.txt'))).toEqual({ window: 'StatusBar' });
  });

  test('content query: commas and line breaks inside values, NULL', () => {
    const rows = parseContentRows(real('content-query-sms.txt'), ['_id', 'address', 'body']);
    expect(rows).toEqual([
      { _id: '1', address: '+15550001', body: 'hello, world, with commas' },
      { _id: '2', address: '+1555', body: 'Your code is 123.\nText STOP to end msgs.' },
      { _id: '3', address: null, body: 'short' },
    ]);
    expect(parseContentRows('No result found.\n')).toEqual([]);
  });

  test('pm list packages and settings get', () => {
    expect(parsePackages('package:com.android.settings\r\npackage:com.heed.trailcam\n')).toEqual([
      'com.android.settings',
      'com.heed.trailcam',
    ]);
    expect(parseSetting('null\n')).toBeUndefined();
    expect(parseSetting('3\r\n')).toBe('3');
  });
});

describe('the same parsers on the simulated phone’s output', () => {
  test('dumpsys package, dumpsys window, content query, pm list, settings', async () => {
    const device = await openDevice({ config: testConfig, device: 'sim' });
    try {
      await device.perform({ kind: 'open_app', package: 'com.heed.trailcam' });
      expect(parseCurrentFocus(await device.shell('dumpsys window'))).toMatchObject({
        package: 'com.android.permissioncontroller',
      });
      const tree = (await device.observe()).tree;
      const once = tree.elements.find((e) => e.resourceId.endsWith(':id/permission_allow_one_time_button'))!;
      await device.perform({
        kind: 'tap',
        x: (once.bounds[0] + once.bounds[2]) >> 1,
        y: (once.bounds[1] + once.bounds[3]) >> 1,
      });
      const perms = parseRuntimePermissions(await device.shell('dumpsys package com.heed.trailcam'));
      expect(perms.get('android.permission.ACCESS_FINE_LOCATION')).toEqual({
        granted: true,
        flags: ['USER_SET', 'USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED', 'ONE_TIME'],
      });
      expect(parseCurrentFocus(await device.shell('dumpsys window'))).toEqual({
        window: 'com.heed.trailcam/com.heed.trailcam.MainActivity',
        package: 'com.heed.trailcam',
        activity: '.MainActivity',
      });
      const thirdParty = parsePackages(await device.shell('pm list packages -3'));
      expect(thirdParty).toContain('com.heed.trailcam');
      expect(thirdParty).not.toContain('com.android.settings');
      expect(parseSetting(await device.shell('settings get secure location_mode'))).toBe('3');
      expect(
        parseContentRows(await device.shell('content query --uri content://com.heed.trailcam.photos/photos')),
      ).toEqual([]);
    } finally {
      await device.close();
    }
  });
});
