// The import direction of ARCHITECTURE.md ("Boundaries"), as data: eslint.config.js turns it into one
// no-restricted-imports rule per folder of src/, and test/layers.test.ts checks the rules and the real import graph.
// A folder may import only folders of a lower rank — so no cycle between folders can exist.
export const LAYERS = {
  core: 0,
  device: 1,
  profile: 1,
  vision: 2,
  consent: 3,
  policy: 3,
  browser: 3,
  user: 4,
  tasks: 4,
  doctor: 4,
  agent: 5,
  eval: 6,
  report: 7,
  cli: 8,
};

/** Modules that speak Appium or adb: what consent, policy, vision and profile must know nothing of. */
export const APPIUM_MODULES = ['appium-device', 'appium-server', 'open', 'adb', 'capabilities'];
export const KNOW_NOTHING_OF_APPIUM = ['core', 'profile', 'vision', 'consent', 'policy'];

/** The folders `layer` may import. */
export function allowed(layer) {
  return Object.keys(LAYERS).filter((l) => LAYERS[l] < LAYERS[layer]);
}
