// `heed run --json`: the result as data (the exit code is src/core/exit.ts exitFor's).
import type { RunResult } from '../agent/loop.js';
import type { ExitCode } from '../core/exit.js';
import type { Outcome } from '../core/vocab.js';
import type { CheckResult } from '../tasks/task.js';

/** The run as `--json` prints it: outcome, counts, checks, every consent decision (never a key or typed secret). */
export function runJson(result: RunResult, checks: CheckResult[], dir: string, outcome: Outcome, exitCode: ExitCode) {
  return {
    exitCode,
    /** With the checks folded in: a success whose checks fail is `failed`. */
    outcome,
    message: result.message,
    ...(result.answer !== undefined ? { answer: result.answer } : {}),
    dir,
    steps: result.steps,
    questions: result.questions,
    consentRequests: result.consentRequests,
    blocked: result.blocked,
    tokens: result.tokens,
    cost: result.cost,
    wallMs: result.wallMs,
    checks,
    consent: result.ledger.entries.map((e) => ({
      step: e.step,
      app: e.app,
      category: e.category,
      grant: e.grant,
      verdict: e.verdict,
      source: e.source,
      ...(e.answer ? { answer: e.answer } : {}),
    })),
  };
}
