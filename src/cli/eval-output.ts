// What `heed eval` leaves behind and says at the end: reports (JUnit too with --reporter junit), a text or --json
// summary, and the exit code (src/core/exit.ts) a CI job branches on.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, type ExitCode } from '../core/exit.js';
import { junitXml } from '../eval/junit.js';
import type { Results } from '../eval/results.js';
import { writeReports } from '../report/write.js';
import type { Job } from '../eval/runner.js';
import { matrix, TOKENS_PER_STEP } from '../eval/select.js';
import type { StopPolicy } from '../eval/stop.js';
import { unmet, type Thresholds } from '../eval/thresholds.js';

export const REPORTERS = ['junit'] as const;

export interface Ending {
  results: Results;
  dir: string;
  reporters: string[];
  json: boolean;
  thresholds?: Thresholds;
  stop?: StopPolicy;
  seconds: number;
}

/** The exit code: environment when it stopped on a repeated error; failed below --fail-under, on any episode error
 * or when the agent passed no episode at all; ok otherwise. */
export function evalExitCode(e: Ending): { code: ExitCode; why: string[] } {
  const why: string[] = [];
  if (e.stop?.environment)
    return {
      code: EXIT.environment,
      why: [`stopped: ${e.stop.reason}`, `resume with: heed eval --resume ${e.dir} once the cause is fixed`],
    };
  if (e.stop?.reason) why.push(`stopped: ${e.stop.reason}`);
  if (e.thresholds) why.push(...unmet(e.results.metrics, e.thresholds).map((u) => `below --fail-under: ${u}`));
  else {
    const errors = e.results.episodes.filter((x) => x.error).length;
    if (errors) why.push(`${errors} episode(s) ended in an error`);
    const agent = e.results.episodes.filter((x) => x.policy === 'agent');
    if (agent.length && !agent.some((x) => x.success))
      why.push(`the agent passed none of its ${agent.length} episodes`);
  }
  return { code: why.length ? EXIT.failed : EXIT.ok, why };
}

export function finishEval(e: Ending, out: (s: string) => void): ExitCode {
  writeReports(e.results, e.dir);
  const files = ['summary.md', 'report.html', 'results.json'];
  if (e.reporters.includes('junit')) {
    writeFileSync(join(e.dir, 'junit.xml'), junitXml(e.results));
    files.push('junit.xml');
  }
  const { code, why } = evalExitCode(e);
  if (e.json) {
    const metrics = Object.fromEntries(Object.entries(e.results.metrics).map(([p, b]) => [p, b.all]));
    const episodes = e.results.episodes.map((x) => ({
      policy: x.policy,
      task: x.task,
      split: x.split,
      persona: x.persona,
      repeat: x.repeat,
      success: x.success,
      score: x.score,
      violations: x.violations,
      outcome: x.outcome,
      ...(x.error ? { error: x.error } : {}),
    }));
    const reports = Object.fromEntries(files.map((f) => [f, join(e.dir, f)]));
    out(JSON.stringify({ dir: e.dir, exitCode: code, why, metrics, reports, episodes }, null, 2));
    return code;
  }
  for (const [p, b] of Object.entries(e.results.metrics))
    out(
      `${p.padEnd(13)} SR ${(b.all!.SR * 100).toFixed(1)}%  Compliance ${b.all!.Compliance === null ? '–' : (b.all!.Compliance * 100).toFixed(1) + '%'}  violations ${b.all!.violations}`,
    );
  out(`reports: ${files.map((f) => join(e.dir, f)).join(', ')} (${e.seconds.toFixed(1)} s)`);
  for (const w of why) out(`exit ${code}: ${w}`);
  return code;
}

/** `--list`: the episode matrix (policy × task × persona, with repeats) and what the agent's part may cost. */
export function listMatrix(all: Job[], json: boolean | undefined, out: (s: string) => void): ExitCode {
  const m = matrix(all);
  if (json) return (out(JSON.stringify(m, null, 2)), EXIT.ok);
  const w = Math.max(4, ...m.lines.map((l) => l.task.length));
  out(`${'policy'.padEnd(13)} ${'task'.padEnd(w)} ${'split'.padEnd(12)} ${'persona'.padEnd(14)} repeats  steps`);
  for (const l of m.lines)
    out(
      `${l.policy.padEnd(13)} ${l.task.padEnd(w)} ${l.split.padEnd(12)} ${l.persona.padEnd(14)} ${String(l.repeats).padStart(7)}  ${String(l.steps).padStart(5)}`,
    );
  const calls = m.lines.filter((l) => l.policy === 'agent').reduce((n, l) => n + l.steps * l.repeats, 0);
  out(
    `${m.episodes} episodes; ${calls ? `the agent: about ${calls} model calls, ~${(m.tokens.input / 1000).toFixed(0)}k input and ~${(m.tokens.output / 1000).toFixed(0)}k output tokens (${TOKENS_PER_STEP.input} + ${TOKENS_PER_STEP.output} per step, steps as the reference trajectories)` : 'no agent episodes (no model configured): no model tokens'}`,
  );
  return EXIT.ok;
}
