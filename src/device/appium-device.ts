// Device over Appium with webdriverio, using only W3C commands and `mobile:` methods that UiAutomator2 also has,
// so the same code drives the simulated phone and a real emulator or phone.
import { remote } from 'webdriverio';
import { DeviceError, HeedError } from '../core/errors.js';
import {
  KEYCODES,
  type Device,
  type DeviceAction,
  type Glance,
  type InstalledApp,
  type Observation,
} from './device.js';
import type { Size } from './coords.js';
import { parseUiTree } from './ui-tree.js';

type Browser = Awaited<ReturnType<typeof remote>>;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the PNG's IHDR chunk: no decoding on the per-step path. */
export function pngSize(png: Buffer): Size {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new HeedError(
      'The device returned a screenshot that is not a PNG',
      'check the Appium driver; heed expects W3C screenshots',
    );
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Transport failures and ended sessions: the device is gone, not refusing. */
const LOST =
  /ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|EPIPE|EHOSTUNREACH|socket hang up|fetch failed|session has been deleted|invalid session id|session is either terminated|no such session/i;

/** Any failure of a device command, as a DeviceError that says whether the device is gone. */
export function deviceError(what: string, e: unknown): DeviceError {
  if (e instanceof DeviceError) return e;
  const err = e as { message?: string; code?: string; name?: string };
  const message = String(err?.message ?? e)
    .split('\n')[0]!
    .replace(/^WebDriverError: /, '');
  const lost = LOST.test(`${err?.code ?? ''} ${err?.name ?? ''} ${message}`);
  return new DeviceError(
    `${what}: ${message}`,
    lost,
    lost ? 'the device or its Appium server went away; check them (heed doctor) and run again' : undefined,
  );
}

export interface AppiumDeviceOptions {
  /** Appium server URL, e.g. http://127.0.0.1:4723 */
  url: string;
  capabilities: Record<string, unknown>;
  /** Called by close() after the session ends (e.g. to stop an embedded server). */
  onClose?: () => Promise<void>;
}

export class AppiumDevice implements Device {
  private deviceSize?: Size;

  private constructor(
    readonly driver: Browser,
    private readonly onClose?: () => Promise<void>,
  ) {}

  static async connect(opts: AppiumDeviceOptions): Promise<AppiumDevice> {
    const u = new URL(opts.url);
    let driver: Browser;
    try {
      driver = await remote({
        protocol: u.protocol.replace(':', '') as 'http' | 'https',
        hostname: u.hostname,
        port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
        path: u.pathname === '' ? '/' : u.pathname,
        // Failures reach the caller as exceptions with advice; webdriverio's own logging would only repeat them.
        logLevel: 'silent',
        connectionRetryCount: 0,
        capabilities: opts.capabilities as WebdriverIO.Capabilities,
      });
    } catch (e) {
      throw new DeviceError(
        `Could not open an Appium session at ${opts.url}: ${(e as Error).message.split('\n')[0]}`,
        true,
        'check that Appium is running there (heed doctor) and that the capabilities match an installed driver',
      );
    }
    return new AppiumDevice(driver, opts.onClose);
  }

  private async exec<T>(method: string, args: Record<string, unknown> = {}): Promise<T> {
    return (await this.driver.execute(`mobile: ${method}`, args)) as T;
  }

  /** Every command goes through here, so a refusal or a lost session is a DeviceError, never a raw one. */
  private async guard<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw deviceError(what, e);
    }
  }

  /** A fresh page source and package, no screenshot: the pre-act check. */
  glance(): Promise<Glance> {
    return this.guard('reading the screen before acting', async () => {
      const [pageSource, pkg] = await Promise.all([
        this.driver.getPageSource(),
        this.exec<string>('getCurrentPackage'),
      ]);
      return { tree: parseUiTree(pageSource), package: pkg };
    });
  }

  observe(): Promise<Observation> {
    return this.guard('observing the screen', () => this.read());
  }

  perform(a: DeviceAction): Promise<void> {
    return this.guard(`${a.kind.replace(/_/g, ' ')}`, () => this.gesture(a));
  }

  shell(command: string, args: string[] = []): Promise<string> {
    return this.guard(`adb shell ${command}`, () => this.exec<string>('shell', { command, args }));
  }

  listApps(): Promise<InstalledApp[]> {
    return this.guard('listing the installed apps', () => this.apps());
  }

  private async read(): Promise<Observation> {
    this.deviceSize ??= await this.driver.getWindowSize();
    const [b64, pageSource, pkg, activity] = await Promise.all([
      this.driver.takeScreenshot(),
      this.driver.getPageSource(),
      this.exec<string>('getCurrentPackage'),
      this.exec<string>('getCurrentActivity'),
    ]);
    const screenshot = Buffer.from(b64, 'base64');
    return {
      screenshot,
      screenshotSize: pngSize(screenshot),
      deviceSize: this.deviceSize,
      pageSource,
      tree: parseUiTree(pageSource),
      package: pkg,
      activity,
      at: Date.now(),
    };
  }

  private async gesture(a: DeviceAction): Promise<void> {
    switch (a.kind) {
      case 'tap':
        return this.exec('clickGesture', { x: a.x, y: a.y });
      case 'double_tap':
        return this.exec('doubleClickGesture', { x: a.x, y: a.y });
      case 'long_press':
        return this.exec('longClickGesture', { x: a.x, y: a.y, duration: a.durationMs ?? 1000 });
      case 'type':
        if (a.at) await this.exec('clickGesture', a.at);
        return this.exec('type', { text: a.text });
      case 'clear_and_type': {
        await this.exec('clickGesture', { x: a.x, y: a.y });
        const focused = await this.driver.$('//*[@focused="true"]');
        if (!(await focused.isExisting()))
          throw new HeedError(`No text field took focus at (${a.x}, ${a.y})`, 'tap a text field before typing');
        return this.exec('replaceElementValue', { elementId: await focused.elementId, text: a.text });
      }
      case 'scroll': {
        const size = (this.deviceSize ??= await this.driver.getWindowSize());
        const [l, t, r, b] = a.area ?? [0, Math.round(size.height * 0.15), size.width, Math.round(size.height * 0.85)];
        await this.exec('scrollGesture', {
          left: l,
          top: t,
          width: r - l,
          height: b - t,
          direction: a.direction,
          percent: a.percent ?? 0.7,
        });
        return;
      }
      case 'swipe':
        await this.driver.performActions([
          {
            type: 'pointer',
            id: 'finger1',
            parameters: { pointerType: 'touch' },
            actions: [
              { type: 'pointerMove', duration: 0, x: a.from[0], y: a.from[1] },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerMove', duration: a.durationMs ?? 300, x: a.to[0], y: a.to[1] },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ]);
        await this.driver.releaseActions();
        return;
      case 'key':
        return this.exec('pressKey', { keycode: KEYCODES[a.key] });
      case 'open_app':
        return this.exec('activateApp', { appId: a.package });
      case 'hide_keyboard':
        if (await this.exec<boolean>('isKeyboardShown')) await this.exec('hideKeyboard');
        return;
    }
  }

  private async apps(): Promise<InstalledApp[]> {
    const apps = await this.exec<Record<string, { appName?: string }> | string[]>('listApps');
    if (Array.isArray(apps)) return apps.map((p) => ({ package: p }));
    return Object.entries(apps).map(([pkg, info]) => ({
      package: pkg,
      ...(info?.appName ? { label: info.appName } : {}),
    }));
  }

  async close(): Promise<void> {
    try {
      await this.driver.deleteSession();
    } finally {
      await this.onClose?.();
    }
  }
}
