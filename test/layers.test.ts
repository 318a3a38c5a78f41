// The import direction of ARCHITECTURE.md is enforced: npm run lint's rules (eslint.config.js, from eslint.layers.js)
// refuse an import against the layer order and an Appium import where Appium must be unknown, and the real import
// graph of src/ follows the order, so no two folders import each other.
import { describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { promisify } from 'node:util';
// @ts-expect-error: plain data in a .js file at the root, shared with eslint.config.js
import { allowed, LAYERS } from '../eslint.layers.js';

const ROOT = join(import.meta.dirname ?? '', '..');
const ranks = LAYERS as Record<string, number>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

describe('npm run lint enforces the layer order', () => {
  test('every fixture against the order fails with the layer rule, every one in order passes', async () => {
    // The same eslint and config `npm run lint` runs; the fixtures are ignored there, so name them here.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--no-ignore', '--format', 'json', 'fixtures/layers'],
      { cwd: ROOT, maxBuffer: 16 << 20 },
    ).catch((e: { stdout: string }) => e); // eslint exits 1 when it finds errors: that is the point
    const results = (JSON.parse(stdout) as LintResult[]).map((r) => ({
      file: relative(join(ROOT, 'fixtures', 'layers'), r.filePath),
      rules: r.messages.map((m) => m.ruleId),
      messages: r.messages.map((m) => m.message),
    }));
    const bad = results.filter((r) => /against-the-order|knows-appium/.test(r.file));
    const good = results.filter((r) => /in-order/.test(r.file));
    // One fixture against the order per folder that has anything above or beside it, and the nested and Appium ones.
    expect(bad.length).toBe(Object.keys(ranks).filter((l) => l !== 'cli').length + 3);
    for (const r of bad)
      expect({ file: r.file, rules: r.rules }).toEqual({ file: r.file, rules: ['no-restricted-imports'] });
    for (const r of good) expect({ file: r.file, messages: r.messages }).toEqual({ file: r.file, messages: [] });
    expect(results.find((r) => r.file === 'src/device/against-the-order.ts')!.messages[0]).toMatch(
      /src\/device may import only core \(the layer order of ARCHITECTURE\.md/,
    );
    expect(results.find((r) => r.file === 'src/consent/knows-appium.ts')!.messages[0]).toMatch(
      /src\/consent knows nothing of Appium or adb/,
    );
  }, 120_000);
});

describe('the import graph of src/', () => {
  const edges: { from: string; to: string; file: string }[] = [];
  // src/index.ts, the library's entry point, stands above every folder (as cli/ does).
  for (const f of files(join(ROOT, 'src')).filter((f) => dirname(f) !== join(ROOT, 'src'))) {
    const from = relative(join(ROOT, 'src'), f).split('/')[0]!;
    for (const m of readFileSync(f, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const to = relative(join(ROOT, 'src'), normalize(join(dirname(f), m[1]!))).split('/');
      if (to.length > 1 && to[0] !== from) edges.push({ from, to: to[0]!, file: relative(ROOT, f) });
    }
  }

  test('every folder of src/ has a rank, so every folder is under a rule', () => {
    const folders = readdirSync(join(ROOT, 'src')).filter((f) => statSync(join(ROOT, 'src', f)).isDirectory());
    expect(folders.filter((f) => !(f in ranks))).toEqual([]);
  });

  test('every import between folders goes down the order', () => {
    expect(edges.filter((e) => !allowed(e.from).includes(e.to))).toEqual([]);
    expect(edges.length).toBeGreaterThan(50);
  });

  test('no cycle between folders', () => {
    const next = new Map<string, Set<string>>();
    for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
    const state = new Map<string, 'open' | 'done'>();
    const cycle: string[] = [];
    const visit = (n: string, path: string[]): boolean => {
      if (state.get(n) === 'done') return false;
      if (state.get(n) === 'open') return cycle.push(...path, n) > 0;
      state.set(n, 'open');
      for (const m of next.get(n) ?? []) if (visit(m, [...path, n])) return true;
      state.set(n, 'done');
      return false;
    };
    for (const n of next.keys()) if (visit(n, [])) break;
    expect(cycle).toEqual([]);
  });
});
