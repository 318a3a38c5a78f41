import { PERMISSION_PKG } from '../src/phone/permission-dialog.js';
import { LAUNCHER_PKG } from '../src/phone/phone.js';
import { pageSource } from '../src/render/source.js';
import { screenshot } from '../src/render/screenshot.js';
import { find, newPhone, tapOn, TRAILCAM } from './helpers.js';

const FINE = 'android.permission.ACCESS_FINE_LOCATION';
const COARSE = 'android.permission.ACCESS_COARSE_LOCATION';
const CAMERA = 'android.permission.CAMERA';

describe('the simulated phone', () => {
  test('boots to the launcher with an icon per app', () => {
    const phone = newPhone();
    expect(phone.currentPackage).toBe(LAUNCHER_PKG);
    expect(find(phone, 'TrailCam').desc).toBe('TrailCam');
    expect(find(phone, 'Settings').clickable).toBe(true);
  });

  test('tapping an icon starts the app, which asks for location in the permission controller', () => {
    const phone = newPhone();
    tapOn(phone, 'TrailCam');
    expect(phone.currentPackage).toBe(PERMISSION_PKG);
    expect(find(phone, 'permission_message').text).toBe('Allow TrailCam to access this device’s location?');
    expect(
      ['permission_allow_foreground_only_button', 'permission_allow_one_time_button', 'permission_deny_button'].map(
        (id) => find(phone, id).text,
      ),
    ).toEqual(['While using the app', 'Only this time', 'Don’t allow']);
    expect(find(phone, 'permission_location_accuracy_radio_fine').checked).toBe(true);
  });

  test('"While using the app" grants fine and coarse with USER_SET and returns to the app', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_allow_foreground_only_button');
    expect(phone.currentPackage).toBe(TRAILCAM);
    expect(phone.perms.isGranted(TRAILCAM, FINE)).toBe(true);
    expect(phone.perms.flags(TRAILCAM, FINE)).toContain('USER_SET');
    expect(find(phone, 'trails_nearby').children.map((c) => c.text)).toContain('3 trails within 5 km');
  });

  test('Approximate grants only coarse location', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_location_accuracy_radio_coarse');
    expect(find(phone, 'permission_location_accuracy_radio_coarse').checked).toBe(true);
    tapOn(phone, 'permission_allow_foreground_only_button');
    expect(phone.perms.isGranted(TRAILCAM, COARSE)).toBe(true);
    expect(phone.perms.isGranted(TRAILCAM, FINE)).toBe(false);
  });

  test('a one-time grant ends when the app is terminated', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_allow_one_time_button');
    expect(phone.perms.isGranted(TRAILCAM, FINE)).toBe(true);
    expect(phone.perms.flags(TRAILCAM, FINE)).toContain('ONE_TIME');
    phone.terminate(TRAILCAM);
    expect(phone.perms.isGranted(TRAILCAM, FINE)).toBe(false);
    expect(phone.currentPackage).toBe(LAUNCHER_PKG);
  });

  test('the second denial becomes "don’t ask again" and the app can no longer show the dialog', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_deny_button');
    expect(phone.perms.flags(TRAILCAM, FINE)).toEqual(expect.arrayContaining(['USER_SET']));
    phone.terminate(TRAILCAM);
    phone.activate(TRAILCAM);
    const deny = find(phone, 'permission_deny_and_dont_ask_again_button');
    expect(deny.text).toBe('Don’t allow');
    tapOn(phone, 'permission_deny_and_dont_ask_again_button');
    expect(phone.perms.flags(TRAILCAM, FINE)).toContain('USER_FIXED');
    phone.terminate(TRAILCAM);
    phone.activate(TRAILCAM);
    expect(phone.currentPackage).toBe(TRAILCAM);
  });

  test('BACK on the dialog denies without marking it as the user’s choice', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    phone.pressKey(4);
    expect(phone.currentPackage).toBe(TRAILCAM);
    expect(phone.perms.isGranted(TRAILCAM, FINE)).toBe(false);
    expect(phone.perms.flags(TRAILCAM, FINE)).not.toContain('USER_SET');
  });

  test('the camera is requested before the first photo; denial keeps the user on the main screen', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_deny_button');
    tapOn(phone, 'take_photo');
    expect(find(phone, 'permission_message').text).toBe('Allow TrailCam to take pictures and record video?');
    tapOn(phone, 'permission_deny_button');
    expect(phone.currentActivity).toBe('.MainActivity');
    expect(phone.toast).toBe('TrailCam needs the camera to take photos');
    tapOn(phone, 'take_photo');
    tapOn(phone, 'permission_allow_foreground_only_button');
    expect(phone.perms.isGranted(TRAILCAM, CAMERA)).toBe(true);
    expect(phone.currentActivity).toBe('.CaptureActivity');
    tapOn(phone, 'shutter');
    expect(phone.provider('content://com.heed.trailcam.photos/photos')!.rows).toEqual([
      { _id: 1, title: 'Trail photo', location: '' },
    ]);
  });

  test('BACK pops screens, at the root returns home with the app still running; HOME goes to the launcher', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_allow_foreground_only_button');
    tapOn(phone, 'gallery');
    expect(phone.currentActivity).toBe('.GalleryActivity');
    phone.pressKey(4);
    expect(phone.currentActivity).toBe('.MainActivity');
    phone.pressKey(4);
    expect(phone.currentPackage).toBe(LAUNCHER_PKG);
    expect(phone.isRunning(TRAILCAM)).toBe(true);
    phone.activate(TRAILCAM);
    expect(phone.currentActivity).toBe('.MainActivity');
    phone.pressKey(3);
    expect(phone.currentPackage).toBe(LAUNCHER_PKG);
  });

  test('Settings changes a grant through App info → Permissions → Location', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_allow_foreground_only_button');
    phone.activate('com.android.settings');
    tapOn(phone, 'Apps');
    tapOn(phone, 'TrailCam');
    tapOn(phone, 'Permissions');
    expect(find(phone, 'Location').text).toBe('Location');
    tapOn(phone, 'Location');
    expect(find(phone, 'allow_foreground_only_radio_button').checked).toBe(true);
    tapOn(phone, 'deny_radio_button');
    expect(phone.perms.isGranted(TRAILCAM, FINE)).toBe(false);
    expect(find(phone, 'deny_radio_button').checked).toBe(true);
  });

  test('text fields take focus, show the keyboard, and take typed text', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_deny_button');
    phone.typeText('ignored'); // nothing focused: typing changes nothing, as on Android
    expect(phone.getState(TRAILCAM, 'trip')).toBe('');
    expect(find(phone, 'trip_name').text).toBe('Name this hike');
    tapOn(phone, 'trip_name');
    expect(phone.keyboardShown).toBe(true);
    expect(find(phone, 'trip_name').focused).toBe(true);
    phone.typeText('Uetliberg loop');
    phone.pressKey(67);
    expect(find(phone, 'trip_name').text).toBe('Uetliberg loo');
    phone.pressKey(66);
    expect(phone.toast).toBe('Saved Uetliberg loo');
    phone.pressKey(4);
    expect(phone.keyboardShown).toBe(false);
    expect(phone.currentActivity).toBe('.MainActivity');
  });

  test('the same inputs give byte-identical page source and screenshot', async () => {
    const run = async () => {
      const phone = newPhone();
      phone.activate(TRAILCAM);
      tapOn(phone, 'permission_allow_one_time_button');
      return {
        xml: pageSource(phone.top(), phone.m),
        png: await screenshot({ windows: phone.windows(), keyboard: false, clock: phone.now }, phone.m),
      };
    };
    const a = await run();
    const b = await run();
    expect(a.xml).toBe(b.xml);
    expect(Buffer.compare(a.png, b.png)).toBe(0);
  });
});

describe('the other Android 14 dialog shapes', () => {
  const MEDIA = [
    'android.permission.READ_MEDIA_IMAGES',
    'android.permission.READ_MEDIA_VIDEO',
    'android.permission.READ_MEDIA_VISUAL_USER_SELECTED',
  ];

  test('photos and videos: Select photos and videos / Allow all / Don’t allow; "select" grants only the user-selected permission', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_deny_button');
    tapOn(phone, 'import_photos');
    expect(find(phone, 'permission_message').text).toBe('Allow TrailCam to access photos and videos on this device?');
    expect(
      ['permission_allow_selected_button', 'permission_allow_all_button', 'permission_deny_button'].map(
        (id) => find(phone, id).text,
      ),
    ).toEqual(['Select photos and videos', 'Allow all', 'Don’t allow']);
    tapOn(phone, 'permission_allow_selected_button');
    expect(MEDIA.map((p) => phone.perms.isGranted(TRAILCAM, p))).toEqual([false, false, true]);
    expect(phone.toast).toBe('Choose photos to import');
  });

  test('notifications: Allow / Don’t allow', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_deny_button');
    expect(find(phone, 'trail_alerts').children.find((c) => c.role === 'switch')!.checked).toBe(false);
    tapOn(phone, 'trail_alerts');
    expect(find(phone, 'permission_message').text).toBe('Allow TrailCam to send you notifications?');
    expect(() => find(phone, 'permission_allow_one_time_button')).toThrow();
    tapOn(phone, 'permission_allow_button');
    expect(phone.perms.isGranted(TRAILCAM, 'android.permission.POST_NOTIFICATIONS')).toBe(true);
    expect(find(phone, 'trail_alerts').children.find((c) => c.role === 'switch')!.checked).toBe(true);
  });
});
