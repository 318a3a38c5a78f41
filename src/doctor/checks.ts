// `heed doctor`: what this machine has for the simulated phone and for real Android devices, and what to fix.
// Every probe goes through DoctorEnv so tests can stand in for the machine.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../core/paths.js';
import { SYSTEM_CHROMIUMS } from '../browser/chromium.js';
import { adbDevices, adbPath, adbShell, type AdbDevice } from '../device/adb.js';

export type Status = 'ok' | 'warn' | 'fail' | 'skip';

export interface Check {
  name: string;
  status: Status;
  detail: string;
  fix?: string;
}

export interface DoctorEnv {
  env: NodeJS.ProcessEnv;
  nodeVersion: string;
  exists(path: string): boolean;
  accessible(path: string): boolean;
  resolve(spec: string): string | undefined;
  run(cmd: string, args: string[]): Promise<{ ok: boolean; out: string }>;
  httpStatus(url: string): Promise<number | undefined>;
  devices(): Promise<AdbDevice[]>;
  getprop(serial: string, prop: string): Promise<string>;
  /** Try `mobile: shell echo heed` in a UiAutomator2 session; returns the error text, or undefined when it worked. */
  tryShell(appiumUrl: string, udid: string): Promise<string | undefined>;
}

const execAsync = promisify(execFile);

export function realEnv(): DoctorEnv {
  const require = createRequire(join(ROOT, 'package.json'));
  return {
    env: process.env,
    nodeVersion: process.versions.node,
    exists: existsSync,
    accessible: (p) => {
      try {
        accessSync(p, constants.R_OK | constants.W_OK);
        return true;
      } catch {
        return false;
      }
    },
    resolve: (spec) => {
      try {
        return require.resolve(spec);
      } catch {
        return undefined;
      }
    },
    run: async (cmd, args) => {
      try {
        const { stdout, stderr } = await execAsync(cmd, args, { timeout: 10_000 });
        return { ok: true, out: `${stdout}${stderr}` };
      } catch (e) {
        return { ok: false, out: (e as Error).message };
      }
    },
    httpStatus: async (url) => {
      try {
        return (await fetch(url, { signal: AbortSignal.timeout(3000) })).status;
      } catch {
        return undefined;
      }
    },
    devices: () => adbDevices(),
    getprop: async (serial, prop) => (await adbShell(serial, ['getprop', prop])).trim(),
    tryShell: async (url, udid) => {
      const { AppiumDevice } = await import('../device/appium-device.js');
      const { emulatorCapabilities } = await import('../device/capabilities.js');
      let device;
      try {
        device = await AppiumDevice.connect({ url, capabilities: emulatorCapabilities({ udid }) });
        await device.shell('echo', ['heed']);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      } finally {
        await device?.close().catch(() => {});
      }
    },
  };
}

function versionAtLeast(v: string, min: [number, number]): boolean {
  const [a = 0, b = 0] = v.split('.').map(Number);
  return a > min[0] || (a === min[0] && b >= min[1]);
}

/** Runs every check. `real`: Android checks are required (fail) rather than advisory (warn). */
export async function runChecks(d: DoctorEnv, real: boolean): Promise<Check[]> {
  const out: Check[] = [];
  const need: Status = real ? 'fail' : 'warn';
  const add = (c: Check) => out.push(c);

  add(
    versionAtLeast(d.nodeVersion, [20, 19])
      ? { name: 'node', status: 'ok', detail: `Node ${d.nodeVersion}` }
      : { name: 'node', status: 'fail', detail: `Node ${d.nodeVersion}`, fix: 'install Node 20.19 or newer' },
  );

  const font = d.resolve('dejavu-fonts-ttf/package.json');
  const fontFile = font && join(dirname(font), 'ttf', 'DejaVuSans.ttf');
  add(
    fontFile && d.exists(fontFile)
      ? { name: 'fonts', status: 'ok', detail: `DejaVu from npm (${fontFile})` }
      : {
          name: 'fonts',
          status: 'fail',
          detail: 'dejavu-fonts-ttf is missing: screenshots and set-of-mark labels would show boxes',
          fix: 'npm install',
        },
  );

  add(
    d.resolve('appium/package.json')
      ? { name: 'appium', status: 'ok', detail: 'appium is installed with heed (embedded server)' }
      : { name: 'appium', status: 'fail', detail: 'appium is not installed', fix: 'npm install' },
  );

  const sim = d.resolve('@heed/sim-android/package.json');
  add(
    sim && d.exists(join(dirname(sim), 'dist', 'index.js'))
      ? { name: 'simulated phone', status: 'ok', detail: 'SimAndroid driver built' }
      : { name: 'simulated phone', status: 'fail', detail: 'the SimAndroid driver is not built', fix: 'npm run build' },
  );

  add(chromiumCheck(d));

  // Real devices from here on.
  const sdk = d.env.ANDROID_HOME ?? d.env.ANDROID_SDK_ROOT;
  add(
    sdk && d.exists(sdk)
      ? { name: 'android sdk', status: 'ok', detail: sdk }
      : {
          name: 'android sdk',
          status: need,
          detail: sdk ? `${sdk} does not exist` : 'ANDROID_HOME is not set',
          fix: 'install the command-line tools, set ANDROID_HOME, run emulator/scripts/sdk-install.sh --yes',
        },
  );

  const adb = await d.run(adbPath(d.env), ['version']);
  add(
    adb.ok
      ? { name: 'adb', status: 'ok', detail: adb.out.split('\n')[0]!.trim() }
      : {
          name: 'adb',
          status: need,
          detail: 'adb cannot be run',
          fix: 'emulator/scripts/sdk-install.sh (platform-tools), and put $ANDROID_HOME/platform-tools on PATH',
        },
  );

  add(
    d.exists('/dev/kvm') && d.accessible('/dev/kvm')
      ? { name: 'kvm', status: 'ok', detail: '/dev/kvm is usable' }
      : {
          name: 'kvm',
          status: need,
          detail: d.exists('/dev/kvm')
            ? '/dev/kvm is not accessible to this user'
            : 'no /dev/kvm: the x86_64 emulator needs hardware virtualisation',
          fix: d.exists('/dev/kvm')
            ? 'add yourself to the kvm group (sudo usermod -aG kvm $USER) and log in again'
            : 'enable virtualisation in the BIOS / VM settings, or use a physical phone',
        },
  );

  let serial: string | undefined;
  if (adb.ok) {
    const devices = await d.devices().catch(() => []);
    const ready = devices.find((x) => x.state === 'device');
    const booted = ready && (await d.getprop(ready.serial, 'sys.boot_completed').catch(() => '')) === '1';
    if (ready && booted) serial = ready.serial;
    add(
      serial
        ? { name: 'device', status: 'ok', detail: `${serial} booted` }
        : {
            name: 'device',
            status: need,
            detail: ready
              ? `${ready.serial} has not finished booting`
              : devices.length
                ? `adb sees ${devices.map((x) => `${x.serial} ${x.state}`).join(', ')}`
                : 'no device attached',
            fix: 'emulator/scripts/emulator-start.sh (or connect a phone with USB debugging)',
          },
    );
  } else add({ name: 'device', status: 'skip', detail: 'needs adb' });

  const url = d.env.HEED_APPIUM_URL ?? 'http://127.0.0.1:4723';
  const status = await d.httpStatus(`${url}/status`);
  add(
    status === 200
      ? { name: 'appium server', status: 'ok', detail: `${url} answers` }
      : {
          name: 'appium server',
          status: need,
          detail: `${url}/status: ${status ?? 'no answer'}`,
          fix: 'emulator/scripts/appium-start.sh (or set HEED_APPIUM_URL)',
        },
  );

  const ua2 =
    d.resolve('appium-uiautomator2-driver/package.json') ??
    (d.exists(
      join(d.env.APPIUM_HOME ?? join(d.env.HOME ?? '', '.appium'), 'node_modules', 'appium-uiautomator2-driver'),
    )
      ? 'APPIUM_HOME'
      : undefined);
  add(
    ua2
      ? {
          name: 'uiautomator2 driver',
          status: 'ok',
          detail: ua2 === 'APPIUM_HOME' ? 'installed in APPIUM_HOME' : 'installed with heed',
        }
      : {
          name: 'uiautomator2 driver',
          status: need,
          detail: 'not installed',
          fix: 'npx appium driver install uiautomator2 (appium-start.sh does it)',
        },
  );

  if (status === 200 && serial) {
    const err = await d.tryShell(url, serial);
    add(
      err === undefined
        ? { name: 'adb_shell', status: 'ok', detail: 'mobile: shell works (task checks can read device state)' }
        : /adb_shell|insecure/i.test(err)
          ? {
              name: 'adb_shell',
              status: 'fail',
              detail: 'Appium refuses mobile: shell',
              fix: "restart Appium with --allow-insecure '*:adb_shell' (appium-start.sh does)",
            }
          : {
              name: 'adb_shell',
              status: 'fail',
              detail: `a UiAutomator2 session failed: ${err.split('\n')[0]}`,
              fix: 'see the Appium log',
            },
    );
  } else add({ name: 'adb_shell', status: 'skip', detail: 'needs a reachable Appium server and a booted device' });
  return out;
}

/** The browser the page tests use, in findChromium's order (without inflating the bundled one). */
function chromiumCheck(d: DoctorEnv): Check {
  const chosen = d.env.HEED_CHROMIUM;
  if (chosen && chosen !== 'bundled')
    return d.exists(chosen)
      ? { name: 'chromium', status: 'ok', detail: `HEED_CHROMIUM=${chosen}` }
      : {
          name: 'chromium',
          status: 'warn',
          detail: `HEED_CHROMIUM=${chosen} does not exist (only the approval-page tests need a browser)`,
          fix: 'point HEED_CHROMIUM at a Chromium binary, or unset it to use the one npm installs',
        };
  const system = chosen ? undefined : SYSTEM_CHROMIUMS.find((p) => d.exists(p));
  if (system) return { name: 'chromium', status: 'ok', detail: `${system} (for the approval-page tests)` };
  return d.resolve('@sparticuz/chromium')
    ? { name: 'chromium', status: 'ok', detail: 'the one npm installs (@sparticuz/chromium, for the page tests)' }
    : {
        name: 'chromium',
        status: 'warn',
        detail: 'no Chromium (only the approval-page tests need one; a user install has none)',
        fix: 'npm install in a heed checkout (brings @sparticuz/chromium), or set HEED_CHROMIUM',
      };
}
