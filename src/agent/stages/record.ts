// record: one typed step record per step (steps.jsonl, flushed as it happens, and the run's trajectory), the frame
// as a file, the timings, and the same step as the policy's history and the user channel's timeline.
import type { StepStatus } from '../../core/vocab.js';
import type { Action } from '../../policy/actions.js';
import { describeAction, type HistoryItem, type Proposal } from '../../policy/policy.js';
import { actionCaption } from '../../policy/caption.js';
import type { UserChannel } from '../../user/channel.js';
import type { Secrets } from '../../core/secrets.js';
import { touchIn } from './ask.js';
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
export type StepEntry = {
  status: StepStatus;
  action?: Action;
  reply?: string;
  problem?: string;
  error?: StepRecord['error'];
} & Partial<Pick<Gated, 'resolved' | 'sensitivity' | 'decision' | 'answer'>>;

export interface Sinks {
  recorder?: Recorder;
  onStep?: (r: StepRecord) => void;
  user: UserChannel;
  /** The run's secrets: the record is redacted once, here, before any sink sees it. */
  secrets: Secrets;
}

/** What the stages had produced when the step was recorded: all of it, or less when the step failed early. */
export type Seen = Partial<Proposed> & { step: number };

export function record(p: Seen, e: StepEntry, clock: StepClock, sinks: Sinks): StepRecord {
  clock.lap('act');
  const el = e.resolved?.element;
  const touch = p.frame ? touchIn(p.frame, e.resolved) : {};
  const byCoordinates =
    e.action &&
    'x' in e.action &&
    e.action.x !== undefined &&
    !('element' in e.action && e.action.element !== undefined);
  const r: StepRecord = {
    step: p.step,
    at: new Date().toISOString(),
    package: p.obs?.package ?? '',
    activity: p.obs?.activity ?? '',
    app: p.app ?? '',
    ...(p.appLabel ? { appLabel: p.appLabel } : {}),
    frame: sinks.recorder && p.frame ? sinks.recorder.frame(p.step, p.frame.jpeg) : '',
    frameBytes: p.frame?.jpeg.length ?? 0,
    ...(p.frame ? { frameSize: { width: p.frame.geometry.image.width, height: p.frame.geometry.image.height } } : {}),
    ...(e.action ? { action: e.action } : {}),
    ...(el ? { target: { index: el.index, label: el.label, ...(touch.box ? { box: touch.box } : {}) } } : {}),
    ...(byCoordinates && touch.point ? { point: touch.point } : {}),
    proposal: summariseProposal(p.proposal),
    ...(e.sensitivity ? { sensitivity: e.sensitivity, decision: e.decision } : {}),
    ...(e.answer ? { answer: e.answer } : {}),
    ...(e.reply !== undefined ? { reply: e.reply } : {}),
    ...(e.problem ? { problem: e.problem } : {}),
    ...(e.error ? { error: e.error } : {}),
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
  const d = r.decision;
  sinks.user.notify?.({
    step: r.step,
    action: actionCaption(r.action, r.target),
    outcome: r.outcome,
    ...(d ? { decision: `${d.verdict} by ${d.source}` } : {}),
  });
  return r;
}

/** The step for people: steps.jsonl `outcome`, the terminal and the web timeline. */
function displayOutcome(r: StepRecord): string {
  switch (r.status) {
    case 'invalid':
      return `invalid: ${r.proposal.error}`;
    case 'changed':
      return `not done: ${r.problem}`;
    case 'finish':
      return `finish: ${(r.action as Extract<Action, { action: 'finish' }>).status}`;
    case 'answer':
      return 'answer recorded';
    case 'question':
      return `asked; answer: ${r.reply}`;
    case 'failed':
      return `failed: ${r.problem}`;
    case 'error':
      return `${r.error?.outcome} during ${r.error?.stage}: ${r.error?.message}`;
    case 'blocked':
    case 'done':
      return r.status;
  }
}

/** The step as the policy reads it next time ("Steps so far"). */
export function historyItem(r: StepRecord): HistoryItem {
  // Only an invalid reply is the model's: a step that stopped before any action (a device or endpoint failure) says so.
  const what = r.action ? describeAction(r.action) : r.status === 'invalid' ? '(no valid action)' : '(no action)';
  const d = r.decision;
  const outcome = {
    invalid: () => r.proposal.error ?? 'invalid',
    changed: () => `not done: ${r.problem}; look at the screen again`,
    finish: () => 'finished',
    answer: () => 'answer recorded',
    question: () => `the user answered: ${r.reply}`,
    blocked: () => `blocked: ${d?.reason}`,
    done: () => (d ? `done (${d.source}: ${d.verdict})` : 'done'),
    failed: () => `could not be done: ${r.problem}`,
    error: () => `the run ended: ${r.error?.message}`,
  }[r.status]();
  return { step: r.step, action: what, outcome };
}

function summariseProposal(p?: Proposal): StepRecord['proposal'] {
  if (!p) return { attempts: 0, usage: { input: 0, output: 0 }, latencyMs: 0, cost: 0 };
  return {
    attempts: p.attempts,
    ...(p.error ? { error: p.error } : {}),
    ...(p.ignored?.length ? { ignored: p.ignored } : {}),
    ...(p.raw.length ? { raw: p.raw } : {}),
    usage: p.usage,
    latencyMs: p.latencyMs,
    cost: p.cost,
  };
}
