// The sim's `mobile:` methods must be UiAutomator2's: same names, and no required parameter the real driver lacks
// (or the other way round), so code written against the sim runs on a real device.
import { execFileSync } from 'node:child_process';
import { executeMethodMap } from '../src/driver/execute-map.js';

type Params = { required?: readonly string[]; optional?: readonly string[] };

describe('contract with appium-uiautomator2-driver', () => {
  let real: Record<string, { command: string; params?: Params }>;

  beforeAll(() => {
    // Loaded by plain Node in a child process: the driver is CommonJS that requires ESM-only packages, which
    // Node 20 can do natively but jest's module sandbox cannot.
    const js = `import('appium-uiautomator2-driver').then((m) => {
      const D = m.AndroidUiautomator2Driver ?? m.default.AndroidUiautomator2Driver ?? m.default;
      process.stdout.write(JSON.stringify(D.executeMethodMap));
    })`;
    real = JSON.parse(execFileSync(process.execPath, ['-e', js], { encoding: 'utf8' }));
  });

  test('the real map is loaded', () => {
    expect(Object.keys(real).length).toBeGreaterThan(50);
  });

  const sim = executeMethodMap as Record<string, { command: string; params: Params }>;
  test.each(Object.keys(sim))('%s exists in UiAutomator2 with the same required parameters', (name) => {
    expect(real[name]).toBeDefined();
    expect([...(sim[name]!.params.required ?? [])]).toEqual([...(real[name]!.params?.required ?? [])]);
    // Every optional parameter the sim accepts is one the real driver accepts too.
    const realAll = [...(real[name]!.params?.required ?? []), ...(real[name]!.params?.optional ?? [])];
    for (const p of sim[name]!.params.optional ?? []) expect(realAll).toContain(p);
  });

  test('the methods a controller needs are all there', () => {
    for (const m of [
      'clickGesture',
      'longClickGesture',
      'swipeGesture',
      'scrollGesture',
      'type',
      'replaceElementValue',
      'pressKey',
      'hideKeyboard',
      'isKeyboardShown',
      'shell',
      'getPermissions',
      'changePermissions',
      'activateApp',
      'terminateApp',
      'queryAppState',
      'startActivity',
      'deepLink',
      'getCurrentPackage',
      'getCurrentActivity',
      'listApps',
    ]) {
      expect(sim[`mobile: ${m}`]).toBeDefined();
    }
  });
});
