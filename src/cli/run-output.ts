// What `heed run` prints: a line per step as it happens, and with --json the result as data (the exit code is
// src/core/exit.ts exitFor's).
import type { RunResult } from '../agent/loop.js';
import type { StepRecord } from '../agent/recorder.js';
import type { ExitCode } from '../core/exit.js';
import { categoryWords, type Outcome } from '../core/vocab.js';
import { actionCaption } from '../policy/caption.js';
import type { CheckResult } from '../tasks/task.js';
import { decisionWords } from '../user/web-timeline.js';

/**
 * A step as the terminal prints it; the caption is the reports' and the approval page's too (policy/caption.ts), and
 * the decision is worded as the approval page words it: "Don't allow" reads "refuses location — a protective choice:
 * needs no consent", never "location deny → allow".
 */
export function formatStep(r: StepRecord): string {
  const d = r.decision;
  const s = r.sensitivity;
  const what = s && (s.exposing ? `${categoryWords(s.category)} ${s.grant}` : `refuses ${categoryWords(s.category)}`);
  const gate = d && s ? `  [${what} — ${decisionWords(`${d.verdict} by ${d.source}`)}]` : '';
  return `  ${String(r.step).padStart(2)}. ${actionCaption(r.action, r.target)} → ${r.outcome}${gate}`;
}

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
