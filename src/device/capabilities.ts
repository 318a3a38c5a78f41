// Capabilities per kind of device. The simulated phone and a real Android differ only here.

export interface SimOptions {
  /** Package to start once the session is up. */
  app?: string;
  /** Extra folders of app YAML files. */
  appDirs?: string[];
  /** ISO time the simulated clock starts at. */
  clock?: string;
  /** Shell commands run before the first observation (task setup). */
  setup?: string[];
  screen?: { width?: number; height?: number; density?: number };
}

export function simCapabilities(o: SimOptions = {}): Record<string, unknown> {
  return {
    platformName: 'Android',
    'appium:automationName': 'SimAndroid',
    'appium:newCommandTimeout': 0,
    ...(o.app ? { 'appium:appPackage': o.app } : {}),
    ...(o.appDirs?.length ? { 'appium:simAppDirs': o.appDirs } : {}),
    ...(o.clock ? { 'appium:simClock': o.clock } : {}),
    ...(o.setup?.length ? { 'appium:simSetup': o.setup } : {}),
    ...(o.screen?.width ? { 'appium:simScreenWidth': o.screen.width } : {}),
    ...(o.screen?.height ? { 'appium:simScreenHeight': o.screen.height } : {}),
    ...(o.screen?.density ? { 'appium:simDensity': o.screen.density } : {}),
  };
}

export interface EmulatorOptions {
  /** adb serial, e.g. emulator-5554; the first device when absent. */
  udid?: string;
  app?: string;
  activity?: string;
}

/**
 * UiAutomator2 on a real emulator or phone. autoGrantPermissions stays false: granting at install would hide the
 * very dialogs heed exists to handle.
 */
export function emulatorCapabilities(o: EmulatorOptions = {}): Record<string, unknown> {
  return {
    platformName: 'Android',
    'appium:automationName': 'UiAutomator2',
    'appium:autoGrantPermissions': false,
    'appium:noReset': true,
    'appium:newCommandTimeout': 300,
    ...(o.udid ? { 'appium:udid': o.udid } : {}),
    ...(o.app ? { 'appium:appPackage': o.app } : {}),
    ...(o.activity ? { 'appium:appActivity': o.activity } : {}),
  };
}
