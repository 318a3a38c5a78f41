import { doctorCommand } from '../../src/cli/doctor.js';
import { runChecks, type DoctorEnv } from '../../src/doctor/checks.js';

/** A machine where everything is in place; tests take pieces away. */
function machine(over: Partial<DoctorEnv> = {}): DoctorEnv {
  return {
    env: { ANDROID_HOME: '/sdk', HOME: '/home/u' },
    nodeVersion: '20.20.2',
    exists: () => true,
    accessible: () => true,
    resolve: (spec) => `/app/node_modules/${spec}`,
    run: async () => ({ ok: true, out: 'Android Debug Bridge version 1.0.41\n' }),
    httpStatus: async () => 200,
    devices: async () => [{ serial: 'emulator-5554', state: 'device' }],
    getprop: async () => '1',
    tryShell: async () => undefined,
    ...over,
  };
}

const by = async (d: DoctorEnv, real = false) => Object.fromEntries((await runChecks(d, real)).map((c) => [c.name, c]));

describe('heed doctor', () => {
  test('a complete machine passes every check', async () => {
    const checks = await runChecks(machine(), true);
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['node', 'ok'],
      ['fonts', 'ok'],
      ['appium', 'ok'],
      ['simulated phone', 'ok'],
      ['chromium', 'ok'],
      ['android sdk', 'ok'],
      ['adb', 'ok'],
      ['kvm', 'ok'],
      ['device', 'ok'],
      ['appium server', 'ok'],
      ['uiautomator2 driver', 'ok'],
      ['adb_shell', 'ok'],
    ]);
  });

  test('without adb: advice for the simulated phone, failures with --real, each with a fix', async () => {
    const d = machine({ run: async () => ({ ok: false, out: 'spawn adb ENOENT' }), env: {} });
    const soft = await by(d);
    expect(soft.adb).toMatchObject({ status: 'warn', fix: expect.stringContaining('sdk-install.sh') });
    expect(soft['android sdk']).toMatchObject({ status: 'warn', detail: 'ANDROID_HOME is not set' });
    expect(soft.device).toMatchObject({ status: 'skip' });
    const hard = await by(d, true);
    expect(hard.adb!.status).toBe('fail');
    const lines: string[] = [];
    expect(await doctorCommand(['--real'], (s) => lines.push(s), d)).toBe(1);
    expect(lines.join('\n')).toContain('fix: emulator/scripts/sdk-install.sh');
    expect(await doctorCommand([], () => {}, d)).toBe(0);
  });

  test('KVM, device, Appium and adb_shell problems each name their fix', async () => {
    const c = await by(
      machine({
        accessible: (p) => p !== '/dev/kvm',
        devices: async () => [{ serial: 'emulator-5554', state: 'device' }],
        getprop: async () => '0',
      }),
      true,
    );
    expect(c.kvm).toMatchObject({ status: 'fail', fix: expect.stringContaining('usermod -aG kvm') });
    expect(c.device).toMatchObject({ status: 'fail', detail: 'emulator-5554 has not finished booting' });
    expect(c.adb_shell!.status).toBe('skip');
    const shell = await by(
      machine({ tryShell: async () => "Potentially insecure feature 'adb_shell' has not been enabled" }),
      true,
    );
    expect(shell.adb_shell).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining("--allow-insecure '*:adb_shell'"),
    });
    const down = await by(machine({ httpStatus: async () => undefined }), true);
    expect(down['appium server']).toMatchObject({ status: 'fail', fix: expect.stringContaining('appium-start.sh') });
  });

  test('an old Node and missing fonts fail even for the simulated phone', async () => {
    const c = await by(
      machine({ nodeVersion: '18.19.0', resolve: (s) => (s.startsWith('dejavu') ? undefined : `/x/${s}`) }),
    );
    expect(c.node!.status).toBe('fail');
    expect(c.fonts).toMatchObject({ status: 'fail', fix: 'npm install' });
  });

  test('chromium: HEED_CHROMIUM, then a system one, then the one npm installs; a wrong HEED_CHROMIUM is named', async () => {
    const none = (s: string) => (s === '@sparticuz/chromium' ? undefined : `/x/${s}`);
    const set = await by(machine({ env: { HEED_CHROMIUM: '/opt/c' }, exists: (p) => p !== '/opt/c' }));
    expect(set.chromium).toMatchObject({ status: 'warn', detail: expect.stringContaining('HEED_CHROMIUM=/opt/c') });
    const system = await by(machine({ exists: (p) => p === '/usr/bin/chromium', resolve: none }));
    expect(system.chromium).toMatchObject({ status: 'ok', detail: expect.stringContaining('/usr/bin/chromium') });
    const bundled = await by(machine({ exists: (p) => !p.includes('chrom') }));
    expect(bundled.chromium).toMatchObject({ status: 'ok', detail: expect.stringContaining('@sparticuz/chromium') });
    const missing = await by(machine({ exists: (p) => !p.includes('chrom'), resolve: none }));
    expect(missing.chromium).toMatchObject({ status: 'warn', fix: expect.stringContaining('npm install') });
  });

  test('--json on this machine: the simulated phone is ready', async () => {
    const lines: string[] = [];
    await doctorCommand(['--json'], (s) => lines.push(s));
    const r = JSON.parse(lines.join('\n'));
    const names = Object.fromEntries(r.checks.map((c: { name: string; status: string }) => [c.name, c.status]));
    expect(names).toMatchObject({ node: 'ok', fonts: 'ok', appium: 'ok', 'simulated phone': 'ok', chromium: 'ok' });
    for (const c of r.checks) expect(['ok', 'warn', 'fail', 'skip']).toContain(c.status);
  });

  test('without --model, a configured model is named as not checked, with the command that checks it', async () => {
    const env = { ANDROID_HOME: '/sdk', HOME: '/home/u', HEED_AGENT_MODEL: 'gpt-4o', HEED_JUDGE_MODEL: 'judge-m' };
    const lines: string[] = [];
    // Nothing is sent to the endpoint: only --model talks to it.
    expect(await doctorCommand([], (s) => lines.push(s), machine({ env }))).toBe(0);
    const text = lines.join('\n');
    expect(text).toMatch(
      /– agent model +gpt-4o at https:\/\/api\.openai\.com\/v1: not checked \(heed doctor --model checks/,
    );
    expect(text).toMatch(/– judge model +judge-m at /);
    expect(text).not.toMatch(/user model|guard model/);
    const none: string[] = [];
    await doctorCommand([], (s) => none.push(s), machine());
    expect(none.join('\n')).not.toContain('model');
  });
});
