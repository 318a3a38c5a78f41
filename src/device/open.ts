// One entry point for "give me a device": the embedded simulated phone, or an Appium server the user runs.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import { DeviceError, HeedError } from '../core/errors.js';
import { nearest } from '../core/suggest.js';
import { LIMITS, readLimited } from '../core/files.js';
import { adbDevices } from './adb.js';
import { AppiumDevice } from './appium-device.js';
import { startAppium } from './appium-server.js';
import { emulatorCapabilities, simCapabilities, type SimOptions } from './capabilities.js';

export interface OpenDeviceOptions {
  /**
   * 'sim' (default): an embedded Appium server with the simulated phone. 'emulator': the Appium server at
   * HEED_APPIUM_URL (default http://127.0.0.1:4723) with UiAutomator2 and the first booted adb device. Otherwise an
   * Appium server URL.
   */
  device?: string;
  /** Extra capabilities (merged over the defaults for 'emulator' and URLs). */
  capabilities?: Record<string, unknown>;
  /** A JSON file of capabilities, merged like `capabilities`. */
  capabilitiesFile?: string;
  sim?: SimOptions;
  /** The default device, Appium servers and adb serial (src/core/config.ts; the command line reads it once). */
  config?: Pick<HeedConfig, 'device' | 'appium' | 'androidSerial'> & Partial<Pick<HeedConfig, 'simApps'>>;
}

/** A `--caps` JSON file: capabilities merged over the defaults. */
export function readCaps(file?: string): Record<string, unknown> {
  if (!file) return {};
  const text = readLimited(file, 'capabilities', LIMITS.caps);
  try {
    const caps = JSON.parse(text) as unknown;
    if (!caps || typeof caps !== 'object' || Array.isArray(caps)) throw new Error('not a JSON object');
    return caps as Record<string, unknown>;
  } catch (e) {
    throw new HeedError(
      `Cannot use capabilities file ${file}: ${(e as Error).message}`,
      'give a JSON object such as {"appium:udid": "emulator-5554"}',
    );
  }
}

/**
 * The serial of the first attached device that is ready, as `adb devices` lists it. No adb, or no device, is the
 * environment's problem (a DeviceError: exit 3), not the command line's.
 */
async function firstDevice(): Promise<string> {
  let devices;
  try {
    devices = await adbDevices();
  } catch (e) {
    throw new DeviceError(
      `adb could not be run: ${(e as Error).message.split('\n')[0]}`,
      false,
      'install platform-tools and set ANDROID_HOME (heed doctor checks this)',
    );
  }
  const ready = devices.find((d) => d.state === 'device');
  if (!ready) {
    throw new DeviceError(
      devices.length
        ? `No ready device (adb sees ${devices.map((d) => `${d.serial} ${d.state}`).join(', ')})`
        : 'No Android device is attached',
      false,
      'start one with emulator/scripts/emulator-start.sh, or connect a phone with USB debugging on',
    );
  }
  return ready.serial;
}

export async function openDevice(o: OpenDeviceOptions = {}): Promise<AppiumDevice> {
  const config = o.config ?? DEFAULT_CONFIG;
  const target = o.device ?? config.device;
  if (target === 'sim') {
    // Extra app folders: the option's, else HEED_SIM_APPS'; each must exist (a typo would silently drop an app).
    const appDirs: string[] = o.sim?.appDirs ?? config.simApps ?? [];
    for (const d of appDirs)
      if (!existsSync(d) || !statSync(d).isDirectory())
        throw new HeedError(
          `No app folder at ${d}`,
          'give folders of simulated-app YAML files (--sim-apps, HEED_SIM_APPS)',
        );
    o = { ...o, sim: { ...o.sim, appDirs: appDirs.map((d) => resolve(d)) } };
    // An Appium server that already has the sim driver loaded (tests, a long-running eval) can be reused.
    const shared = config.appium.simUrl;
    if (shared) return AppiumDevice.connect({ url: shared, capabilities: simCapabilities(o.sim) });
    const server = await startAppium({ port: config.appium.port, logLevel: config.appium.logLevel });
    try {
      return await AppiumDevice.connect({
        url: server.url,
        capabilities: simCapabilities(o.sim),
        onClose: () => server.close(),
      });
    } catch (e) {
      await server.close();
      throw e;
    }
  }
  const extra = { ...readCaps(o.capabilitiesFile), ...o.capabilities };
  if (target === 'emulator') {
    const udid = (extra['appium:udid'] as string | undefined) ?? config.androidSerial ?? (await firstDevice());
    const url = config.appium.url;
    return AppiumDevice.connect({ url, capabilities: { ...emulatorCapabilities({ udid }), ...extra } });
  }
  if (!/^https?:\/\//.test(target)) {
    const near = nearest(target, ['sim', 'emulator']);
    throw new HeedError(
      `Unknown device '${target}'${near ? ` — did you mean ${near}?` : ''}`,
      'use sim, emulator, or an Appium server URL such as http://127.0.0.1:4723',
    );
  }
  // Only the capabilities differ from the simulated phone: the same AppiumDevice drives it.
  return AppiumDevice.connect({ url: target, capabilities: { ...emulatorCapabilities(), ...extra } });
}
