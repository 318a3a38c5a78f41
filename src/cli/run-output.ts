// What `heed run` ends with: its exit code (src/core/exit.ts) and, with --json, the result as data.
import type { RunResult } from '../agent/loop.js';
import { EXIT, type ExitCode } from '../core/exit.js';
import type { Outcome } from '../core/vocab.js';
import type { CheckResult } from '../tasks/task.js';

/** 0 success with every check passed; 3 when the endpoint or the device gave out; 1 for any other ending. */
export function runExitCode(outcome: Outcome, checks: CheckResult[]): ExitCode {
  if (outcome === 'success') return checks.every((c) => c.pass) ? EXIT.ok : EXIT.failed;
  return outcome === 'model-error' || outcome === 'device-lost' ? EXIT.environment : EXIT.failed;
}

/** The run as `--json` prints it: outcome, counts, checks, every consent decision (never a key or typed secret). */
export function runJson(result: RunResult, checks: CheckResult[], dir: string, exitCode: ExitCode) {
  return {
    exitCode,
    outcome: result.outcome,
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
