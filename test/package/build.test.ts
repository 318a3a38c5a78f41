// `npm start` and `npm test` build first; the build is incremental (tsc -b), so when nothing changed it writes
// nothing and takes about a second instead of a full compile.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/core/paths.js';

const build = () =>
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', '--verbose', 'emulator', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );

test('a second build with nothing changed is a no-op: both projects up to date, no output rewritten', () => {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts.build;
  expect(script).toBe('tsc -b emulator tsconfig.build.json');
  build(); // whatever state the tree is in, after this it is built
  const out = join(ROOT, 'dist', 'src', 'cli', 'main.js');
  const before = statSync(out).mtimeMs;
  const log = build();
  expect(log).toMatch(/Project 'emulator\/tsconfig\.json' is up to date/);
  expect(log).toMatch(/Project 'tsconfig\.build\.json' is up to date/);
  expect(statSync(out).mtimeMs).toBe(before);
}, 120_000);

test('npm run build leaves the bin executable, so npm exec / npx heed run it in a fresh checkout', () => {
  // tsc writes 0644 files; npm sets a bin's mode only when it links one, which `npm ci` before the first build
  // cannot do (there is no dist/ yet): `npm exec heed` then failed with "sh: heed: Permission denied".
  const main = join(ROOT, 'dist', 'src', 'cli', 'main.js');
  chmodSync(main, 0o644);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  expect((statSync(main).mode & 0o111).toString(8)).toBe('111');
}, 120_000);
