// The stock-app suite cannot run here (no emulator). What can be checked is checked: it parses, its regexes
// compile, and every command it sends is one the simulated phone's shell knows (the same command forms).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTask } from '../../src/tasks/task.js';
// The simulated phone's modules, not its package index (which loads the Appium driver, CommonJS that jest cannot).
import { loadApps } from '../../emulator/src/model/world.js';
import { Phone } from '../../emulator/src/phone/phone.js';
import { runShell } from '../../emulator/src/shell/shell.js';

const dir = join(import.meta.dirname ?? '', '..', '..', 'tasks', 'android');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('the real-emulator task suite', () => {
  test('there are tasks for Settings, the Camera, Chrome and Messages', () => {
    const apps = files.map((f) => loadTask(join(dir, f)).apps[0]);
    expect(apps).toEqual(
      expect.arrayContaining([
        'com.android.settings',
        'com.android.camera2',
        'com.android.chrome',
        'com.google.android.apps.messaging',
      ]),
    );
  });

  test.each(files)('%s parses, its checks compile, its commands are known to the shell', (f) => {
    const task = loadTask(join(dir, f));
    const checks = [...task.checks, ...Object.values(task.expect).flat()];
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) {
      if (c.expect) expect(() => new RegExp(c.expect!, 'm')).not.toThrow();
      if (c.not) expect(() => new RegExp(c.not!, 'm')).not.toThrow();
    }
    const phone = new Phone(loadApps());
    for (const cmd of [...task.setup, ...checks.map((c) => c.shell)]) {
      // The package is not on the simulated phone, so many commands fail there; what matters is that the
      // command itself exists in the same form (a real shell would not say "not found").
      expect(runShell(phone, cmd).code).not.toBe(127);
      expect(runShell(phone, cmd).stderr).not.toMatch(/^Unknown command|unknown list type|Unsupported operation/);
    }
  });
});
