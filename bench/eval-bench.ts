// Throughput of `heed eval` on the simulated phone: reference episodes of one split, with 1 and 2 phones at once.
// This is the cost of the harness itself (sessions, setup, checks, records), with no model in the loop.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPersonas, runEval } from '../src/eval/runner.js';
import { loadSuite } from '../src/tasks/suite.js';
import { median, p90, table } from './stats.js';

/** Returns the folder of the last evaluation (2 phones), for the report benchmark. */
export async function evalBench(split: string): Promise<string> {
  const suite = join(import.meta.dirname, '..', '..', 'tasks', 'suite');
  const { tasks } = loadSuite(suite, { device: 'simulated', splits: [split] });
  if (!tasks.length)
    throw new Error(`HEED_BENCH_SPLIT=${split} has no tasks: use general, personalized, proactive or privacy`);
  const personas = loadPersonas(tasks);
  const rows: string[][] = [];
  let out = '';
  for (const devices of [1, 2]) {
    out = mkdtempSync(join(tmpdir(), 'heed-bench-eval-'));
    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const t0 = Date.now();
    const { episodes: eps } = await runEval({
      tasks,
      personas,
      policies: ['reference'],
      repeats: 1,
      devices,
      out,
      mode: 'knowu',
      progress: () => {},
    });
    clearInterval(sample);
    const wall = (Date.now() - t0) / 1000;
    const ms = eps.map((e) => e.wallMs);
    rows.push([
      String(devices),
      String(eps.length),
      wall.toFixed(1),
      ((eps.length / wall) * 60).toFixed(0),
      median(ms).toFixed(0),
      p90(ms).toFixed(0),
      (peak / 2 ** 20).toFixed(0),
      eps.every((e) => e.success) ? 'all passed' : `${eps.filter((e) => !e.success).length} failed`,
    ]);
  }
  console.log(`\nEvaluation — reference episodes of the ${split} split (this process runs Appium too)\n`);
  console.log(
    table(
      ['phones', 'episodes', 'wall s', 'episodes/min', 'median episode ms', 'p90 episode ms', 'peak RSS MiB', 'note'],
      rows,
    ),
  );
  return out;
}
