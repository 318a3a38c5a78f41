// An in-process phone for loop tests where the real Appium path adds nothing: real UI dumps (fixtures/ui-dumps) as
// its screens, real PNG screenshots from sharp, gestures recorded, and faults on demand — a refusal (DeviceError,
// lost: false) or the device going away (lost: true), as AppiumDevice reports them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { DeviceError } from '../../src/core/errors.js';
import type { Device, DeviceAction, Glance, InstalledApp, Observation } from '../../src/device/device.js';
import { parseUiTree } from '../../src/device/ui-tree.js';

const DUMPS = join(import.meta.dirname ?? '', '..', '..', 'fixtures', 'ui-dumps');
const SIZE = { width: 1080, height: 2400 };

export interface FakeScreen {
  xml: string;
  package: string;
  activity: string;
}

const dump = (file: string, pkg: string, activity: string): FakeScreen => ({
  xml: readFileSync(join(DUMPS, file), 'utf8'),
  package: pkg,
  activity,
});

/** Real screens: the launcher, Settings, and Android's location dialog (asked for by "Camera"). */
export const SCREENS = {
  home: dump('32-pixel-launcher-home.xml', 'com.google.android.apps.nexuslauncher', '.NexusLauncherActivity'),
  settings: dump('35-android-settings-main.xml', 'com.android.settings', '.Settings'),
  location: dump(
    '04-perm-location-precise-approx.xml',
    'com.google.android.permissioncontroller',
    'com.android.permissioncontroller.permission.ui.GrantPermissionsActivity',
  ),
};

let png: Promise<Buffer> | undefined;
const screenshot = () =>
  (png ??= sharp({ create: { ...SIZE, channels: 3, background: '#f4f4f4' } })
    .png()
    .toBuffer());

export interface FakeDeviceOptions {
  screen?: FakeScreen;
  apps?: InstalledApp[];
  /** What a gesture does: the next screen, or nothing (the screen stays). */
  onPerform?: (a: DeviceAction, d: FakeDevice) => FakeScreen | void;
  /** A refusal for this gesture (the device's message), or nothing. */
  refuse?: (a: DeviceAction) => string | undefined;
  /** After this many observations every command fails as a lost session. */
  lostAfter?: number;
  /** observe() takes this long (ms): a slow or hung device. */
  observeDelayMs?: number;
  /** close() fails with this (Appium already gone). */
  closeError?: string;
}

export class FakeDevice implements Device {
  readonly performed: DeviceAction[] = [];
  observations = 0;
  closed = false;
  screen: FakeScreen;

  constructor(private readonly o: FakeDeviceOptions = {}) {
    this.screen = o.screen ?? SCREENS.home;
  }

  private lost(what: string): void {
    if (this.o.lostAfter !== undefined && this.observations >= this.o.lostAfter)
      throw new DeviceError(`${what}: Request failed with error code ECONNREFUSED`, true);
  }

  async observe(): Promise<Observation> {
    this.lost('observing the screen');
    if (this.o.observeDelayMs) await new Promise((r) => setTimeout(r, this.o.observeDelayMs).unref()); // a hung device must not hold jest
    this.observations++;
    const shot = await screenshot();
    return {
      screenshot: shot,
      screenshotSize: SIZE,
      deviceSize: SIZE,
      pageSource: this.screen.xml,
      tree: parseUiTree(this.screen.xml),
      package: this.screen.package,
      activity: this.screen.activity,
      at: Date.now(),
    };
  }

  /** The pre-act check's fresh read: the same screen, without pixels. */
  async glance(): Promise<Glance> {
    return { tree: parseUiTree(this.screen.xml), package: this.screen.package };
  }

  async perform(a: DeviceAction): Promise<void> {
    this.lost(a.kind);
    const refusal = this.o.refuse?.(a);
    if (refusal) throw new DeviceError(`${a.kind}: ${refusal}`, false);
    this.performed.push(a);
    const next = this.o.onPerform?.(a, this);
    if (next) this.screen = next;
  }

  async shell(command: string): Promise<string> {
    this.lost(`adb shell ${command}`);
    return '';
  }

  async listApps(): Promise<InstalledApp[]> {
    this.lost('listing the installed apps');
    return (
      this.o.apps ?? [
        { package: 'com.android.settings', label: 'Settings' },
        { package: 'com.heed.trailcam', label: 'TrailCam' },
      ]
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.o.closeError) throw new DeviceError(this.o.closeError, true);
  }
}
