// heed memory through the real bin: answers typed at the terminal prompt become rules and say so; list shows them,
// forget and clear remove them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/core/paths.js';

const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const TASK = join(ROOT, 'tasks', 'suite', 'trailcam-photo.yaml');
let home: string;

/** A hands-on run at the terminal prompt (through a pipe), answering each consent request with `answer`. */
function runAnswering(answer: string): Promise<{ code: number | null; out: string; asked: number }> {
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      [MAIN, 'run', '--task', TASK, '--profile', 'hands-on', '--user', 'terminal', '--out', join(home, 'runs')],
      {
        env: { ...process.env, HEED_HOME: home },
      },
    );
    let out = '';
    let pending = '';
    let asked = 0;
    p.stdout.on('data', (d: Buffer) => {
      out += d;
      pending += d;
      // The consent prompt (its choices, then what Enter does) ends in "> ": answer it (a piped answer sent before
      // the question would be lost).
      if (/\[i\] do something else.*> $/.test(pending)) {
        pending = '';
        asked++;
        p.stdin.write(`${answer}\n`);
      }
    });
    p.stderr.on('data', (d: Buffer) => (out += d));
    p.on('exit', (code) => resolve({ code, out, asked }));
  });
}
const memory = (...args: string[]) =>
  spawnSync(process.execPath, [MAIN, 'memory', ...args], {
    encoding: 'utf8',
    env: { ...process.env, HEED_HOME: home },
  });

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'heed-memory-'));
});

describe('heed memory', () => {
  test('"always" answers are remembered and said to be; forget and clear remove them', async () => {
    expect(memory('list').stdout).toMatch(/^Nothing remembered yet/);
    const first = await runAnswering('a');
    expect(first.code).toBe(0);
    expect(first.asked).toBe(3); // location, camera, sign-in
    expect(first.out).toMatch(
      /remembered: Allow location in com\.heed\.trailcam \(.*hands-on\.json; heed memory forget 1 --profile hands-on undoes it\)/,
    );
    const listed = JSON.parse(memory('list', '--json').stdout) as Record<string, { id: number; category: string }[]>;
    expect(listed['hands-on']!.map((e) => `${e.id} ${e.category}`)).toEqual([
      '1 location',
      '2 camera',
      '3 account_signin',
    ]);
    // Forget location (by category, in this app) and sign-in (by id).
    const forgot = memory('forget', 'location', '--app', 'com.heed.trailcam', '--profile', 'hands-on');
    expect(forgot.status).toBe(0);
    // The rule says the grant it was given to: "always" on "While using the app" covers no broader grant.
    expect(forgot.stdout).toContain('forgot: Allow location in com.heed.trailcam (up to allow_foreground) (rule 1)');
    expect(memory('forget', '3', '--profile', 'hands-on').status).toBe(0);
    const second = await runAnswering('o');
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/needs your consent \(location\)/); // hands-on: confirms every grant
    expect(second.out).not.toContain('remembered:'); // "allow once" is not a rule
    expect(memory('list', '--profile', 'hands-on').stdout).toMatch(
      /^hands-on \(.*hands-on\.json\), 1 rule:\n\s+2\s+Allow camera in com\.heed\.trailcam/,
    );
    const history = memory('list', '--profile', 'hands-on', '--history', '--json');
    expect(JSON.parse(history.stdout)['hands-on']).toHaveLength(1);
    const cleared = memory('clear', '--profile', 'hands-on');
    expect(cleared.stdout).toMatch(/^Cleared 1 entry from .*hands-on\.json\.$/m);
    expect(JSON.parse(memory('list', '--json').stdout)).toEqual({ 'hands-on': [] });
    expect(memory('list').stdout).toMatch(/^hands-on \(.*hands-on\.json\): nothing remembered$/m);
  }, 180_000);

  test('mistakes are usage errors with the way out: no profile, a typo, nothing to forget', () => {
    const noProfile = memory('clear');
    expect(noProfile.status).toBe(2);
    expect(noProfile.stderr).toContain('needs --profile');
    const typo = memory('forgt', '--profile', 'hands-on');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean forget?');
    const cat = memory('forget', 'locaton', '--profile', 'hands-on');
    expect(cat.stderr).toMatch(/did you mean location\?|has no memory/);
    expect(memory('forget', '99', '--profile', 'nobody').stderr).toContain('nobody has no memory');
  });
});
