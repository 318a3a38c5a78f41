// The real `heed` bin, started the ways users start it: through a symlink laid out as `npm link` and global
// installs lay it (prefix/bin/heed → prefix/lib/node_modules/heed → the checkout), through `npm exec`, and directly.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/core/paths.js';
import { version } from '../../src/cli/main.js';

const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
let prefix: string;
let linked: string;

beforeAll(() => {
  prefix = mkdtempSync(join(tmpdir(), 'heed-prefix-'));
  mkdirSync(join(prefix, 'lib', 'node_modules'), { recursive: true });
  mkdirSync(join(prefix, 'bin'));
  symlinkSync(ROOT, join(prefix, 'lib', 'node_modules', 'heed'));
  linked = join(prefix, 'bin', 'heed');
  symlinkSync(join('..', 'lib', 'node_modules', 'heed', 'dist', 'src', 'cli', 'main.js'), linked);
});
afterAll(() => rmSync(prefix, { recursive: true, force: true }));

const heed = (bin: string, args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: tmpdir(), timeout: 180_000 });

describe('the heed bin', () => {
  test('through an npm-link style symlink it runs: --help, --version, inspect', () => {
    const help = heed(linked, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^heed — a mobile GUI agent/);
    const v = heed(linked, ['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(version());
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const dump = join(ROOT, 'fixtures', 'ui-dumps', '04-perm-location-precise-approx.xml');
    const inspect = heed(linked, ['inspect', dump, '--json']);
    expect(inspect.status).toBe(0);
    const parsed = JSON.parse(inspect.stdout) as { consentPoints: { category: string }[] };
    expect(parsed.consentPoints.map((c) => c.category)).toContain('location');
  }, 400_000); // spawned bins; minutes when the machine is shared

  test('npm exec heed (what npx runs inside a checkout) prints the version', () => {
    const r = spawnSync('npm', ['exec', '--offline', '--', 'heed', '--version'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version());
  }, 400_000); // spawned bins; minutes when the machine is shared

  test('a typo gets the nearest command or option and exit code 2 (usage); nothing runs', () => {
    const cmd = heed(MAIN, ['evl', '--suite', 'tasks']);
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toContain("unknown command 'evl' — did you mean 'eval'?");
    const opt = heed(MAIN, ['run', '--task', 'x.yaml', '--max-step', '3']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).toContain('unknown option --max-step — did you mean --max-steps?');
    const far = heed(MAIN, ['inspect', '--zzzzzz']);
    expect(far.status).toBe(2);
    expect(far.stderr).toContain('unknown option --zzzzzz');
    expect(far.stderr).not.toContain('did you mean');
  }, 400_000);
});
