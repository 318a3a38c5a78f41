// record: one typed step record per step (steps.jsonl, flushed as it happens, and the run's trajectory), the frame
// as a file, the timings, and the same step as the policy's history and the user channel's timeline.
import type { StepStatus } from '../../core/vocab.js';
import type { Action } from '../../policy/actions.js';
import { describeAction, type HistoryItem, type Proposal } from '../../policy/policy.js';
import type { UserChannel } from '../../user/channel.js';
import type { Secrets } from '../../core/secrets.js';
import type { Recorder, StepRecord, StepTimings } from '../recorder.js';
import type { Gated, Proposed } from './types.js';

/** Per-stage wall time of one step. */
export class StepClock {
  readonly timings: StepTimings = { observe: 0, frame: 0, propose: 0, gate: 0, act: 0, record: 0 };
  private t = performance.now();

  lap(k: keyof StepTimings): void {
    const now = performance.now();
    this.timings[k] += now - this.t;
    this.t = now;
  }
}

/** What a stage decided the step came to; the rest of the record comes from what the stages saw. */
export type StepEntry = { status: StepStatus; action?: Action; reply?: string; note?: string } & Partial<
  Pick<Gated, 'resolved' | 'sensitivity' | 'decision' | 'answer'>
>;

export interface Sinks {
  recorder?: Recorder;
  onStep?: (r: StepRecord) => void;
  user: UserChannel;
  /** The run's secrets: the record is redacted once, here, before any sink sees it. */
  secrets: Secrets;
}

export function record(p: Proposed, e: StepEntry, clock: StepClock, sinks: Sinks): StepRecord {
  clock.lap('act');
  const el = e.resolved?.element;
  const r: StepRecord = {
    step: p.step,
    at: new Date().toISOString(),
    package: p.obs.package,
    activity: p.obs.activity,
    app: p.app,
    frame: sinks.recorder ? sinks.recorder.frame(p.step, p.frame.jpeg) : '',
    frameBytes: p.frame.jpeg.length,
    ...(e.action ? { action: e.action } : {}),
    ...(el ? { target: { index: el.index, label: el.label } } : {}),
    proposal: summariseProposal(p.proposal),
    ...(e.sensitivity ? { sensitivity: e.sensitivity, decision: e.decision } : {}),
    ...(e.answer ? { answer: e.answer } : {}),
    ...(e.reply !== undefined ? { reply: e.reply } : {}),
    ...(e.note ? { note: e.note } : {}),
    status: e.status,
    outcome: '',
    timings: clock.timings,
  };
  r.outcome = displayOutcome(r);
  return emit(sinks.secrets.scrub(r), clock, sinks);
}

/** One redacted record to every sink: steps.jsonl, progress, the user's timeline. */
function emit(r: StepRecord, clock: StepClock, sinks: Sinks): StepRecord {
  sinks.recorder?.step(r);
  clock.lap('record');
  r.timings = clock.timings;
  sinks.onStep?.(r);
  const what = !r.action
    ? '(no valid action)'
    : r.target
      ? `${describeAction(r.action)} "${r.target.label}"`
      : describeAction(r.action);
  const d = r.decision;
  sinks.user.notify?.({
    step: r.step,
    action: what,
    outcome: r.outcome,
    ...(d ? { decision: `${d.verdict} by ${d.source}` } : {}),
  });
  return r;
}

/** The step for people: steps.jsonl `outcome`, the terminal and the web timeline. */
function displayOutcome(r: StepRecord): string {
  switch (r.status) {
    case 'invalid':
      return `invalid: ${r.note ?? r.proposal.error}`;
    case 'changed':
      return `not done: ${r.note}`;
    case 'finish':
      return `finish: ${(r.action as Extract<Action, { action: 'finish' }>).status}`;
    case 'answer':
      return 'answer recorded';
    case 'question':
      return `asked; answer: ${r.reply}`;
    case 'blocked':
    case 'done':
      return r.status;
  }
}

/** The step as the policy reads it next time ("Steps so far"). */
export function historyItem(r: StepRecord): HistoryItem {
  const what = r.action ? describeAction(r.action) : '(no valid action)';
  const d = r.decision;
  const outcome = {
    invalid: () => r.note ?? r.proposal.error ?? 'invalid',
    changed: () => `not done: ${r.note}; look at the screen again`,
    finish: () => 'finished',
    answer: () => 'answer recorded',
    question: () => `the user answered: ${r.reply}`,
    blocked: () => `blocked: ${d?.reason}`,
    done: () => (d ? `done (${d.source}: ${d.verdict})` : 'done'),
  }[r.status]();
  return { step: r.step, action: what, outcome };
}

function summariseProposal(p: Proposal): StepRecord['proposal'] {
  return {
    attempts: p.attempts,
    ...(p.error ? { error: p.error } : {}),
    ...(p.raw.length ? { raw: p.raw } : {}),
    usage: p.usage,
    latencyMs: p.latencyMs,
    cost: p.cost,
  };
}
