// Re-rendering a folder's report: a run directory (heed run, or one eval episode) or an eval folder, in today's
// format or an older one. What `heed report` does, and what a library user calls.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeedError } from '../core/errors.js';
import { summaryMarkdown } from './markdown.js';
import { isEvalDir, isRunDir, readEval } from './read.js';
import { writeRunReport } from './run-report.js';
import { writeEvalReport } from './write.js';

export interface Rendered {
  kind: 'run' | 'eval';
  file: string;
  /** Eval: episodes in the report; run: steps. */
  count: number;
  /** Eval: it did not finish (rebuilt from the episodes' records). */
  partial: boolean;
}

export function renderFolder(dir: string): Rendered {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new HeedError(
      `${dir} is not a folder`,
      'give a run directory (runs/<time>-…) or an eval folder (runs/eval-…)',
    );
  if (isEvalDir(dir)) {
    const { results, partial } = readEval(dir);
    if (!partial) writeFileSync(join(dir, 'summary.md'), summaryMarkdown(results));
    return { kind: 'eval', file: writeEvalReport(results, dir, partial), count: results.episodes.length, partial };
  }
  if (isRunDir(dir)) {
    const file = writeRunReport(dir);
    return { kind: 'run', file, count: 0, partial: false };
  }
  throw new HeedError(
    `${dir} holds no run (steps.jsonl, summary.json) and no eval (results.json, episodes/)`,
    'give a run directory (runs/<time>-…) or an eval folder (runs/eval-…)',
  );
}
