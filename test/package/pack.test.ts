// heed as a user installs it: `npm pack`, the tarball installed into a fresh project (from npm's cache where it can),
// then the bin through npx, the README's library example against a scripted endpoint, and the types under tsc.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/core/paths.js';
import { act, scripted, startFakeLlm, tap, type FakeLlm } from '../support/fake-llm.js';

let work: string;
let app: string;
let files: string[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'heed-pack-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'my-tests', private: true, type: 'module' }));
  execFileSync(
    'npm',
    ['install', join(work, packed[0]!.filename), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: app, encoding: 'utf8', stdio: 'pipe' },
  );
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment of a user's shell: no Appium server shared by jest, so heed boots its own simulated phone. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.HEED_SIM_APPIUM_URL;
  delete env.APPIUM_HOME;
  return env;
}

describe('the packed package', () => {
  test('holds what a user needs and nothing else', () => {
    for (const f of [
      'package.json',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/cli/main.js',
      'tasks/profiles/privacy-first.yaml',
      'tasks/suite/trailcam-photo.yaml',
      'emulator/package.json',
      'emulator/dist/index.js',
      'emulator/apps/trailcam.yaml',
      'README.md',
    ])
      expect(files).toContain(f);
    const stray = files.filter((f) =>
      /^(test|fixtures|bench|src|dist\/bench|dist\/test|runs|node_modules)\/|\.map$|\.ts$(?<!\.d\.ts)/.test(f),
    );
    expect(stray).toEqual([]);
  });

  test('npx heed --help and npx heed inspect work in the project that installed it', () => {
    const help = spawnSync('npx', ['--offline', 'heed', '--help'], { cwd: app, encoding: 'utf8', env: userEnv() });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: heed <command> [options]');
    const dump = join(ROOT, 'fixtures', 'ui-dumps', '11-playstore-signin.xml');
    const inspect = spawnSync('npx', ['--offline', 'heed', 'inspect', dump], { cwd: app, encoding: 'utf8' });
    expect(inspect.status).toBe(0);
    expect(inspect.stdout).toMatch(/Consent points:\n\s+\[\d+\] account_signin/);
  });

  test("the README's library example runs against the installed package, the consent gate and all", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = readme.split('## Use heed as a library')[1]!.match(/```js\n([\s\S]*?)```/)![1]!;
    writeFileSync(join(app, 'example.mjs'), example);
    // The model tries to grant location while in use; privacy-first denies location, so the gate blocks the tap
    // and the model takes "Don't allow".
    let llm: FakeLlm | undefined;
    try {
      llm = await startFakeLlm(
        scripted([
          act({ action: 'open_app', app: 'TrailCam' }),
          tap('While using the app'),
          tap('Don’t allow'),
          act({ action: 'finish', status: 'success', message: 'TrailCam is open' }),
        ]),
      );
      // Asynchronously: the scripted endpoint answers from this process, which must not block on the child.
      const env = userEnv({
        HEED_AGENT_MODEL: 'scripted',
        HEED_AGENT_BASE_URL: llm.baseURL,
        HEED_HOME: join(work, 'home'),
      });
      const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          ['example.mjs'],
          { cwd: app, encoding: 'utf8', timeout: 120_000, env },
          (e, stdout, stderr) => resolve({ status: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('location allow_foreground: block by profile');
      expect(r.stdout).toContain('location stayed denied');
      expect(r.stdout).toMatch(/^\d+ consent points on screen$/m);
      expect(llm.requests.length).toBe(4);
    } finally {
      await llm?.close();
    }
  }, 180_000);

  test("its types: a consumer's TypeScript compiles against them, and a wrong use does not", () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck'];
    const good = `import { Heed, HeedError, EXIT, inspectScreen, type RunResult } from 'heed';
const heed: Heed = await Heed.open({ profile: 'privacy-first', user: 'scripted', maxSteps: 5 });
const r: RunResult = await heed.run('x');
const code: number = EXIT.usage;
console.log(r.outcome, code, inspectScreen('<hierarchy/>').consentPoints.length, new HeedError('m', 'h').message);
export {};\n`;
    writeFileSync(join(app, 'good.ts'), good);
    writeFileSync(join(app, 'bad.ts'), `import { Heed } from 'heed';\nawait Heed.open({ profil: 'x' });\nexport {};\n`);
    // One compiler run for both files: only bad.ts may have errors, and it must.
    const r = spawnSync(process.execPath, [tsc, ...flags, '--target', 'es2022', 'good.ts', 'bad.ts'], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout).not.toContain('good.ts');
    expect(r.stdout).toMatch(/^bad\.ts\(2,\d+\): error TS\d+: .*profil/m);
  });
});
