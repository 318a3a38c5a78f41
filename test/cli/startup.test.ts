// The bin loads a command's modules only when that command runs: `heed --version`, `heed --help`, `heed reply` and a
// mistyped command start in a fraction of a second, without webdriverio or Appium (which `run` needs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/core/paths.js';

const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const TRACE = join(ROOT, 'test', 'support', 'load-trace.mjs');
const HEAVY = /\/node_modules\/(webdriverio|appium|sharp|openai)\//;

/** The bin with `args`; what it printed and every module it resolved. */
function traced(args: string[], input = '') {
  const file = join(mkdtempSync(join(tmpdir(), 'heed-trace-')), 'loads.txt');
  const r = spawnSync(process.execPath, ['--import', TRACE, BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LOAD_TRACE_FILE: file },
    timeout: 120_000,
  });
  const loads = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return { code: r.status, out: r.stdout, err: r.stderr, loads };
}

const heavy = (loads: string[]) => [...new Set(loads.filter((u) => HEAVY.test(u)).map((u) => u.match(HEAVY)![1]))];

describe('the bin loads only the command it runs', () => {
  test('--version, --help and a mistyped command load no command module', () => {
    for (const args of [['--version'], ['--help'], ['evl']]) {
      const r = traced(args);
      expect({ args, heavy: heavy(r.loads) }).toEqual({ args, heavy: [] });
      expect(r.loads.filter((u) => /\/dist\/src\/cli\/(run|eval|inspect|demo|doctor|report)\.js$/.test(u))).toEqual([]);
    }
  });

  test('heed reply reads a reply without the device libraries', () => {
    const r = traced(['reply', '--family', 'ui-tars-1.5', '--image', '1080x2400'], "Action: click(start_box='(1,2)')");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ action: 'tap', x: 1, y: 2 });
    // sharp comes with the model policy's frame module; webdriverio and Appium are the slow ones.
    expect(heavy(r.loads).filter((m) => m === 'webdriverio' || m === 'appium')).toEqual([]);
  });

  test('the trace sees what a command does load (so an empty list above means something)', () => {
    const r = traced(['run', '--help']);
    expect(r.code).toBe(0);
    expect(heavy(r.loads)).toEqual(expect.arrayContaining(['webdriverio']));
  });
});
