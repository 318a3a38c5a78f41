// `heed eval` through main() into a fresh folder, with its printed lines and results.json.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Results } from '../../src/eval/results.js';

export const TASKS = join(import.meta.dirname ?? '', '..', '..', 'tasks');
export const SUITE = join(TASKS, 'suite');

export async function evalRun(
  args: string[],
  suite = SUITE,
): Promise<{ code: number; out: string; results: Results; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'heed-eval-'));
  const lines: string[] = [];
  const code = await main(['eval', '--suite', suite, '--out', dir, ...args], (s) => lines.push(s));
  return { code, out: lines.join('\n'), results: JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')), dir };
}
