// Whose step a screen is (issue #10 item 6): decisions key on the package that asks. A Settings or
// PermissionController page about one app names it in its header; a runtime dialog belongs to the task that raised
// it. Unit level, on AOSP's ids; the end-to-end cases run through the loop in test/adversarial (identity, settings).
import { describe, expect, test } from '@jest/globals';
import { Apps } from '../../../src/agent/stages/observe.js';
import type { Device, InstalledApp, Observation } from '../../../src/device/device.js';
import { dump, type Node } from '../../support/dump.js';

const PC = 'com.google.android.permissioncontroller';
const ID = 'com.android.permissioncontroller:id/';
const TRAILCAM = { package: 'com.heed.trailcam', label: 'TrailCam' };
const SETTINGS = { package: 'com.android.settings', label: 'Settings' };

/** A device that lists `apps` and whose resumed activity (dumpsys) is `resumed`. */
function device(apps: InstalledApp[], resumed: string): Device {
  return {
    listApps: async () => apps,
    shell: async (cmd: string) =>
      cmd.startsWith('dumpsys activity') ? `  mResumedActivity: ActivityRecord{1a2b3c u0 ${resumed} t42}\n` : '',
  } as unknown as Device;
}
const screen = (pkg: string, nodes: Node[]) => ({ tree: dump(pkg, nodes), package: pkg }) as unknown as Observation;

/** PermissionController's app-permission page for one app and group (app_permission.xml's ids). */
const appPermissionPage = (app: string) =>
  screen(PC, [
    { text: 'Location permission' },
    { id: `${ID}entity_header_title`, text: app },
    { id: `${ID}permission_message`, text: 'Location access for this app' },
    { id: `${ID}allow_foreground_only_radio_button`, text: 'Allow only while using the app', checkable: true },
    { id: `${ID}deny_radio_button`, text: "Don't allow", checkable: true, checked: true },
  ]);

/** The runtime dialog TrailCam raises (grant_permissions.xml's ids). */
const runtimeDialog = screen(PC, [
  { id: `${ID}permission_message`, text: 'Allow TrailCam to access this device’s location?' },
  { id: `${ID}permission_allow_foreground_only_button`, text: 'While using the app', clickable: true },
  { id: `${ID}permission_deny_button`, text: "Don't allow", clickable: true },
]);

describe('the app a step belongs to', () => {
  test('PermissionController’s page about TrailCam, reached from Settings, is TrailCam’s step', async () => {
    const apps = new Apps(
      device([SETTINGS, TRAILCAM], `${PC}/com.android.permissioncontroller.permission.ui.ManagePermissionsActivity`),
    );
    // Settings was the last app seen: the page is not Settings' step, nor the permission UI's.
    expect(await apps.owner(screen(SETTINGS.package, [{ text: 'App info' }]))).toBe(SETTINGS.package);
    expect(await apps.owner(appPermissionPage('TrailCam'))).toBe(TRAILCAM.package);
  });

  test('with two apps labelled TrailCam the page is neither’s: nothing remembered for one covers it', async () => {
    const fake = { package: 'com.evil.trailcam', label: 'TrailCam' };
    const apps = new Apps(device([SETTINGS, TRAILCAM, fake], `${PC}/.ManagePermissionsActivity`));
    const owner = await apps.owner(appPermissionPage('TrailCam'));
    expect(owner).not.toBe(TRAILCAM.package);
    expect(owner).not.toBe(fake.package);
    expect(owner).toMatch(/^unknown:TrailCam/);
  });

  test('a runtime dialog (no header) is still the step of the task that raised it, whatever it names', async () => {
    const evil = { package: 'com.evil.trailcam', label: 'TrailCam' };
    const apps = new Apps(device([TRAILCAM, evil], `${evil.package}/.MainActivity`));
    expect(await apps.owner(runtimeDialog)).toBe(evil.package);
  });
});
