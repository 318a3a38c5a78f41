// Writing an eval's reports into its folder: results.json, summary.md, report.html, and each episode's own
// report.html (its run directory's report, now with the decision points judged against the persona).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../eval/results.js';
import { evalReportHtml } from './eval-report.js';
import { writeAtomic } from './html.js';
import { summaryMarkdown } from './markdown.js';
import { episodeKey } from './read.js';
import { writeRunReport } from './run-report.js';

/** The episode reports first: the eval report links to the ones that exist. */
export function writeEvalReport(r: Results, dir: string, partial = false): string {
  for (const e of r.episodes) {
    const ep = join(dir, 'episodes', episodeKey(e));
    if (existsSync(ep)) writeRunReport(ep);
  }
  const file = join(dir, 'report.html');
  writeAtomic(file, evalReportHtml(r, dir, partial));
  return file;
}

export function writeReports(r: Results, dir: string): void {
  writeFileSync(join(dir, 'results.json'), JSON.stringify(r, null, 2));
  writeFileSync(join(dir, 'summary.md'), summaryMarkdown(r));
  writeEvalReport(r, dir);
}
