// The cost of heed's reports: rendering an eval's report.html (and each episode's), its page weight, and the
// per-step re-render a run pays for a report that is readable while it goes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readEval } from '../src/report/read.js';
import { writeRunReport } from '../src/report/run-report.js';
import { writeEvalReport } from '../src/report/write.js';
import { median, p90, table } from './stats.js';

export function reportBench(evalDir: string): void {
  const { results } = readEval(evalDir);
  const t0 = performance.now();
  const file = writeEvalReport(results, evalDir);
  const evalMs = performance.now() - t0;
  const html = readFileSync(file);
  const episodes = readdirSync(join(evalDir, 'episodes')).map((k) => join(evalDir, 'episodes', k));
  const runMs: number[] = [];
  const runKb: number[] = [];
  for (const dir of episodes) {
    const t = performance.now();
    writeRunReport(dir);
    runMs.push(performance.now() - t);
    runKb.push(statSync(join(dir, 'report.html')).size / 1024);
  }
  const steps = results.episodes.reduce((a, e) => a + e.steps, 0);
  console.log(`\nReports — the evaluation above (${results.episodes.length} episodes, ${steps} steps)\n`);
  console.log(
    table(
      ['report', 'render ms (median)', 'p90 ms', 'size KB', 'gzip KB', 'note'],
      [
        [
          'eval report.html, with every episode report',
          evalMs.toFixed(0),
          '',
          (html.length / 1024).toFixed(0),
          (gzipSync(html).length / 1024).toFixed(0),
          'frames are files beside it, not inlined',
        ],
        [
          'one run report.html (what each step re-renders)',
          median(runMs).toFixed(1),
          p90(runMs).toFixed(1),
          median(runKb).toFixed(0),
          '',
          `${episodes.length} episode folders`,
        ],
      ],
    ),
  );
}
