// Command-contract tests for the real-emulator scripts: a fake SDK on PATH records what each script runs, so the
// exact sdkmanager / avdmanager / emulator / adb invocations are checked without an Android SDK.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApps } from '../src/model/world.js';
import { Phone } from '../src/phone/phone.js';
import { runShell } from '../src/shell/shell.js';

const SCRIPTS = join(import.meta.dirname ?? '', '..', 'scripts');
const scripts = readdirSync(SCRIPTS).filter((f) => f.endsWith('.sh') && f !== 'lib.sh');

/** A folder of fake SDK tools that append their argv to calls.log; adb answers from a simulated phone's shell. */
function fakeSdk(): { bin: string; calls: () => string[] } {
  const bin = mkdtempSync(join(tmpdir(), 'heed-sdk-'));
  const log = join(bin, 'calls.log');
  const phone = new Phone(loadApps());
  writeFileSync(join(bin, 'dumpsys.txt'), runShell(phone, 'dumpsys package com.heed.trailcam').stdout);
  const tool = (name: string, body = '') =>
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\nprintf '%s\\n' "${name} $*" >> "${log}"\n${body}\n`, {
      mode: 0o755,
    });
  tool('sdkmanager');
  tool('avdmanager', 'cat >/dev/null');
  tool('emulator', 'exit 0');
  tool(
    'adb',
    `case "$*" in
  "shell getprop sys.boot_completed") echo 1 ;;
  "shell dumpsys package com.heed.trailcam") cat "${join(bin, 'dumpsys.txt')}" ;;
  "shell pm path com.nope") exit 1 ;;
  "shell pm path "*) echo "package:/data/app/x/base.apk" ;;
  "get-serialno") echo emulator-5554 ;;
esac`,
  );
  for (const f of readdirSync(bin)) chmodSync(join(bin, f), 0o755);
  return { bin, calls: () => readFileSync(log, 'utf8').trim().split('\n') };
}

function run(script: string, args: string[], bin: string) {
  return spawnSync('bash', [join(SCRIPTS, script), ...args], {
    encoding: 'utf8',
    cwd: bin,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ANDROID_HOME: join(bin, 'no-sdk') },
  });
}

describe('real-emulator scripts', () => {
  // shellcheck is a lint step of its own (npm run lint:sh, which .ci/run runs), not part of npm test: Debian ships
  // it, npm does not, and npm test needs nothing beyond npm install.
  test.each(scripts)('%s has --help and set -euo pipefail', (script) => {
    const r = spawnSync('bash', [join(SCRIPTS, script), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: /);
    expect(readFileSync(join(SCRIPTS, script), 'utf8')).toContain('set -euo pipefail');
  });

  test('sdk-install installs the four packages with sdkmanager and accepts licences on --yes', () => {
    const sdk = fakeSdk();
    expect(run('sdk-install.sh', ['--yes'], sdk.bin).status).toBe(0);
    expect(sdk.calls()).toEqual([
      'sdkmanager --licenses',
      'sdkmanager --install platform-tools emulator platforms;android-34 system-images;android-34;google_apis;x86_64',
    ]);
  });

  test('avd-create makes a Pixel AVD from the Android 34 image', () => {
    const sdk = fakeSdk();
    expect(run('avd-create.sh', [], sdk.bin).status).toBe(0);
    expect(sdk.calls()).toEqual([
      'avdmanager create avd --force --name heed-pixel --device pixel_7 --package system-images;android-34;google_apis;x86_64',
    ]);
  });

  test('emulator-start runs headless and waits for sys.boot_completed; bad ports are refused', () => {
    const sdk = fakeSdk();
    const r = run('emulator-start.sh', ['--no-snapshot-save'], sdk.bin);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('emulator-5554');
    // The emulator runs in the background, so its line may come before or after adb's; adb's order is fixed.
    const calls = sdk.calls();
    expect(calls).toContain('emulator -avd heed-pixel -port 5554 -no-window -no-audio -no-boot-anim -no-snapshot-save');
    expect(calls.filter((c) => c.startsWith('adb '))).toEqual([
      'adb wait-for-device',
      'adb shell getprop sys.boot_completed',
    ]);
    expect(calls).toHaveLength(3);
    expect(run('emulator-start.sh', ['--port', '5555'], sdk.bin).stderr).toContain('--port must be an even number');
  });

  test('reset-permissions revokes and clears the flags of every runtime permission dumpsys lists', () => {
    const sdk = fakeSdk();
    expect(run('reset-permissions.sh', ['com.heed.trailcam'], sdk.bin).status).toBe(0);
    const calls = sdk.calls();
    expect(calls).toContain('adb shell pm revoke com.heed.trailcam android.permission.CAMERA');
    expect(calls).toContain(
      'adb shell pm clear-permission-flags com.heed.trailcam android.permission.ACCESS_FINE_LOCATION user-set user-fixed',
    );
    expect(calls.filter((c) => c.includes('pm revoke'))).toHaveLength(7);
    expect(calls.at(-1)).toBe('adb shell am force-stop com.heed.trailcam');
    expect(run('reset-permissions.sh', ['com.nope'], sdk.bin).stderr).toContain('com.nope is not installed');
  });

  test('snapshot save / load use the emulator console through adb', () => {
    const sdk = fakeSdk();
    expect(run('snapshot.sh', ['save'], sdk.bin).status).toBe(0);
    expect(run('snapshot.sh', ['load', 'clean2'], sdk.bin).status).toBe(0);
    expect(sdk.calls().slice(0, 2)).toEqual([
      'adb emu avd snapshot save heed-clean',
      'adb emu avd snapshot load clean2',
    ]);
  });

  test('a missing SDK tool says what to install', () => {
    const r = spawnSync('bash', [join(SCRIPTS, 'avd-create.sh')], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', HOME: tmpdir() },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('avdmanager not found');
    expect(r.stderr).toContain('Install the Android command-line tools');
  });
});
