import { runShell } from '../src/shell/shell.js';
import { newPhone, tapOn, TRAILCAM } from './helpers.js';

describe('mobile: shell on the simulated phone', () => {
  test('pm list packages, with -3 and a filter', () => {
    const phone = newPhone();
    const all = runShell(phone, 'pm list packages').stdout.trim().split('\n');
    expect(all).toEqual(
      expect.arrayContaining([
        'package:com.android.settings',
        `package:${TRAILCAM}`,
        'package:com.android.permissioncontroller',
      ]),
    );
    // -3: third-party apps only, i.e. those the app world does not mark as system apps.
    const thirdParty = [...phone.apps.values()]
      .filter((a) => !a.system)
      .map((a) => `package:${a.package}\n`)
      .sort();
    expect(thirdParty).toContain(`package:${TRAILCAM}\n`);
    expect(runShell(phone, 'pm', ['list', 'packages', '-3']).stdout).toBe(thirdParty.join(''));
    expect(runShell(phone, 'pm list packages -3').stdout).not.toContain('com.android.settings');
    expect(runShell(phone, 'pm list packages trail').stdout).toBe(`package:${TRAILCAM}\n`);
  });

  test('dumpsys package prints the runtime permissions section in AOSP format', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_allow_one_time_button');
    const out = runShell(phone, `dumpsys package ${TRAILCAM}`).stdout;
    expect(out).toContain(`  Package [${TRAILCAM}] (`);
    expect(out).toContain('    versionName=2.3.1\n');
    expect(out).toMatch(
      /\n {6}runtime permissions:\n {8}android\.permission\.ACCESS_FINE_LOCATION: granted=true, flags=\[ USER_SET\|USER_SENSITIVE_WHEN_GRANTED\|USER_SENSITIVE_WHEN_DENIED\|ONE_TIME\]\n/,
    );
    expect(out).toContain(
      'android.permission.CAMERA: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]',
    );
  });

  test('pm grant / revoke / reset-permissions change state; errors look like Android’s', () => {
    const phone = newPhone();
    expect(runShell(phone, `pm grant ${TRAILCAM} android.permission.CAMERA`).code).toBe(0);
    expect(phone.perms.isGranted(TRAILCAM, 'android.permission.CAMERA')).toBe(true);
    runShell(phone, `pm revoke ${TRAILCAM} android.permission.CAMERA`);
    expect(phone.perms.isGranted(TRAILCAM, 'android.permission.CAMERA')).toBe(false);
    runShell(phone, `pm grant ${TRAILCAM} android.permission.CAMERA`);
    runShell(phone, 'pm reset-permissions');
    expect(phone.perms.isGranted(TRAILCAM, 'android.permission.CAMERA')).toBe(false);
    const bad = runShell(phone, 'pm grant com.nope android.permission.CAMERA');
    expect(bad.code).toBe(255);
    expect(bad.stderr).toContain('Unknown package: com.nope');
    const undeclared = runShell(phone, `pm grant ${TRAILCAM} android.permission.READ_CONTACTS`);
    expect(undeclared.stderr).toContain(
      `Package ${TRAILCAM} has not requested permission android.permission.READ_CONTACTS`,
    );
  });

  test('dumpsys window names the focused window, including the permission dialog', () => {
    const phone = newPhone();
    expect(runShell(phone, 'dumpsys window').stdout).toMatch(
      /mCurrentFocus=Window\{\w+ u0 com\.google\.android\.apps\.nexuslauncher\/com\.google\.android\.apps\.nexuslauncher\.NexusLauncherActivity\}/,
    );
    phone.activate(TRAILCAM);
    expect(runShell(phone, 'dumpsys window').stdout).toContain(
      'u0 com.android.permissioncontroller/com.android.permissioncontroller.permission.ui.GrantPermissionsActivity}',
    );
  });

  test('settings get / put', () => {
    const phone = newPhone();
    expect(runShell(phone, 'settings get secure location_mode').stdout).toBe('3\n');
    expect(runShell(phone, 'settings get global no_such_key').stdout).toBe('null\n');
    runShell(phone, 'settings', ['put', 'secure', 'location_mode', '0']);
    expect(runShell(phone, 'settings get secure location_mode').stdout).toBe('0\n');
    expect(runShell(phone, 'settings get bogus x').code).toBe(255);
  });

  test('content query prints rows as Android does, with projection and where', () => {
    const phone = newPhone();
    const uri = 'content://com.heed.trailcam.photos/photos';
    expect(runShell(phone, `content query --uri ${uri}`).stdout).toBe('No result found.\n');
    phone.setState(TRAILCAM, 'photos', [
      { _id: 1, title: 'Summit', location: '47.3,8.5' },
      { _id: 2, title: 'Lake', location: '' },
    ]);
    expect(runShell(phone, `content query --uri ${uri}`).stdout).toBe(
      'Row: 0 _id=1, title=Summit, location=47.3,8.5\nRow: 1 _id=2, title=Lake, location=NULL\n',
    );
    expect(runShell(phone, `content query --uri ${uri} --projection title --where "title='Lake'"`).stdout).toBe(
      'Row: 0 title=Lake\n',
    );
    expect(runShell(phone, 'content query --uri content://nope/x').code).toBe(1);
  });

  test('content insert and delete: seeds for tasks, with Android bind types', () => {
    const phone = newPhone();
    const uri = 'content://com.android.calendar/events';
    expect(
      runShell(phone, `content insert --uri ${uri} --bind title:s:'Book club' --bind dtstart:s:'Thu 19:00'`).code,
    ).toBe(0);
    runShell(phone, `content insert --uri ${uri} --bind title:s:Dentist --bind dtstart:s:'Sat 10:00'`);
    expect(runShell(phone, `content query --uri ${uri}`).stdout).toBe(
      'Row: 0 _id=1, title=Book club, dtstart=Thu 19:00\nRow: 1 _id=2, title=Dentist, dtstart=Sat 10:00\n',
    );
    runShell(phone, `content delete --uri ${uri} --where "title='Book club'"`);
    expect(runShell(phone, `content query --uri ${uri}`).stdout).toBe(
      'Row: 0 _id=2, title=Dentist, dtstart=Sat 10:00\n',
    );
    // The next row gets a fresh id, as an autoincrement key would.
    runShell(phone, `content insert --uri ${uri} --bind title:s:Gym`);
    expect(runShell(phone, `content query --uri ${uri} --projection _id --where "title=Gym"`).stdout).toBe(
      'Row: 0 _id=3\n',
    );
    expect(runShell(phone, `content insert --uri ${uri} --bind title`).code).toBe(255);
    expect(runShell(phone, `content insert --uri ${uri}`).stderr).toMatch(/Bindings not specified/);
    expect(runShell(phone, 'content insert --uri content://nope/x --bind a:s:b').code).toBe(1);
    expect(runShell(phone, `content update --uri ${uri}`).code).toBe(255);
  });

  test('am start, input keyevent, input tap, date', () => {
    const phone = newPhone();
    expect(runShell(phone, `am start -n ${TRAILCAM}/.MainActivity`).stdout).toContain(`cmp=${TRAILCAM}/.MainActivity`);
    expect(phone.foregroundTask).toBe(TRAILCAM);
    runShell(phone, 'input keyevent KEYCODE_HOME');
    expect(phone.foregroundTask).toBe('com.google.android.apps.nexuslauncher');
    // The location dialog is still pending in TrailCam's task: it comes back with the task.
    runShell(phone, `monkey -p ${TRAILCAM} -c android.intent.category.LAUNCHER 1`);
    expect(phone.currentPackage).toBe('com.android.permissioncontroller');
    const fresh = newPhone();
    runShell(fresh, 'am start -a android.intent.action.VIEW -d trailcam://capture');
    expect(fresh.currentActivity).toBe('.CaptureActivity');
    expect(runShell(fresh, 'am start -a android.intent.action.VIEW -d nothing://here').code).toBe(1);
    runShell(fresh, 'input keyevent 4');
    expect(fresh.currentPackage).toBe('com.google.android.apps.nexuslauncher');
  });

  test('unknown commands fail with exit 127, never silently', () => {
    const phone = newPhone();
    const r = runShell(phone, 'frobnicate --now');
    expect(r.code).toBe(127);
    expect(r.stderr).toBe('/system/bin/sh: frobnicate: inaccessible or not found');
  });

  test('date is the simulated clock in toybox format', () => {
    const phone = newPhone();
    expect(runShell(phone, 'date').stdout).toMatch(/^Sat Mar 14 09:00:0\d UTC 2026\n$/);
  });
});

describe('permission flags', () => {
  test('pm clear-permission-flags user-set user-fixed lets the dialog come back after "don’t ask again"', () => {
    const phone = newPhone();
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_deny_button');
    phone.terminate(TRAILCAM);
    phone.activate(TRAILCAM);
    tapOn(phone, 'permission_deny_and_dont_ask_again_button');
    for (const p of ['android.permission.ACCESS_FINE_LOCATION', 'android.permission.ACCESS_COARSE_LOCATION']) {
      expect(runShell(phone, `pm clear-permission-flags ${TRAILCAM} ${p} user-set user-fixed`).code).toBe(0);
    }
    expect(runShell(phone, `dumpsys package ${TRAILCAM}`).stdout).toContain(
      'ACCESS_FINE_LOCATION: granted=false, flags=[ USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]',
    );
    phone.terminate(TRAILCAM);
    phone.activate(TRAILCAM);
    expect(phone.currentPackage).toBe('com.android.permissioncontroller');
    expect(
      runShell(phone, `pm clear-permission-flags ${TRAILCAM} android.permission.READ_SMS user-set`).stderr,
    ).toContain('Unknown permission');
  });
});
