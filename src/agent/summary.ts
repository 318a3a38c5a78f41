// A run's result and its summary.json: how the run ended and what it took (steps, questions, consent decisions,
// tokens, cost, timings, warnings).
import type { Ledger } from '../consent/ledger.js';
import type { Outcome } from '../core/vocab.js';
import { Secrets } from '../core/secrets.js';
import type { RunOptions, RunResult } from './options.js';
import type { StepTimings } from './recorder.js';

export function summarise(r: RunResult, o: RunOptions): Record<string, unknown> {
  return {
    instruction: o.instruction,
    profile: o.profile.id,
    mode: o.mode ?? 'personal',
    policy: o.policy.name,
    user: o.user.kind,
    ...o.meta,
    outcome: r.outcome,
    message: r.message,
    answer: r.answer,
    steps: r.steps,
    questions: r.questions,
    consentRequests: r.consentRequests,
    blocked: r.blocked,
    invalidProposals: r.invalidProposals,
    decisions: countBy(r.ledger.entries.map((e) => `${e.verdict}:${e.source}`)),
    tokens: r.tokens,
    cost: r.cost,
    wallMs: r.wallMs,
    medianTimingsMs: medians(r.timings),
    ...(o.memory.unsaved.length ? { warnings: [...o.memory.unsaved] } : {}),
  };
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

export function medians(ts: StepTimings[]): Record<keyof StepTimings, number> {
  const keys: (keyof StepTimings)[] = ['observe', 'frame', 'propose', 'gate', 'act', 'record'];
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  return Object.fromEntries(keys.map((k) => [k, Math.round(med(ts.map((t) => t[k])) * 10) / 10])) as Record<
    keyof StepTimings,
    number
  >;
}

export function emptyResult(ledger: Ledger): RunResult {
  return {
    outcome: 'budget',
    message: '',
    steps: 0,
    questions: 0,
    consentRequests: 0,
    blocked: 0,
    invalidProposals: 0,
    tokens: { input: 0, output: 0 },
    cost: 0,
    wallMs: 0,
    ledger,
    history: [],
    trajectory: [],
    timings: [],
    frameBytes: [],
  };
}

/** Ends the run: the outcome and its cause on the result, and summary.json written. */
/** The run's end: summary.json written, and the last cassette lines, both without the run's secrets. */
export function finish(
  r: RunResult,
  o: RunOptions,
  t0: number,
  outcome: Outcome,
  message: string,
  secrets: Secrets = new Secrets(),
): RunResult {
  r.outcome = outcome;
  r.message = secrets.text(message);
  if (r.answer) r.answer = secrets.text(r.answer);
  r.wallMs = Date.now() - t0;
  o.policy.flush?.();
  o.recorder?.summary(secrets.scrub(summarise(r, o)));
  return r;
}
