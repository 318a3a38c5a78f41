// The controller: each step runs the stages observe → frame → propose → classify → gate → ask → act → record
// (src/agent/stages), within step, time and cost budgets. The policy proposes; only the gate and the user decide
// consent-sensitive steps, and the gate records every decision itself.
import { ConsentGate } from '../consent/consent-gate.js';
import { Ledger } from '../consent/ledger.js';
import { DEFAULT_CONFIG } from '../core/config.js';
import type { Outcome } from '../core/vocab.js';
import { describeAction } from '../policy/policy.js';
import type { ControlAction } from '../policy/actions.js';
import { profileView } from '../profile/view.js';
import { frameOptions } from '../vision/frame.js';
import type { RunOptions, RunResult } from './options.js';
import { summarise } from './summary.js';
import { act } from './stages/act.js';
import { askConsent, askQuestion } from './stages/ask.js';
import { classifyStep } from './stages/classify.js';
import { frame } from './stages/frame.js';
import { gateStep } from './stages/gate.js';
import { Apps, observe } from './stages/observe.js';
import { propose } from './stages/propose.js';
import { historyItem, record, StepClock, type StepEntry } from './stages/record.js';
import type { Proposed } from './stages/types.js';

export type { RunOptions, RunResult } from './options.js';

/** What the loop carries from step to step. */
interface Carry {
  instruction: string;
  /** What heed tells the policy about the previous step. */
  notes: string[];
  /** Unusable proposals (invalid or blocked) in a row. */
  stuck: number;
}

/** Everything a step's stages share for the whole run. */
interface RunContext {
  o: RunOptions;
  r: RunResult;
  carry: Carry;
  gate: ConsentGate;
  apps: Apps;
  view: string;
}

type End = { outcome: Outcome; message: string };

export async function runAgent(o: RunOptions): Promise<RunResult> {
  const t0 = Date.now();
  // The command line passes the configured budgets (src/core/config.ts); these are the defaults for library use.
  const maxSteps = o.maxSteps ?? DEFAULT_CONFIG.budgets.maxSteps;
  const maxMs = (o.maxSeconds ?? DEFAULT_CONFIG.budgets.maxSeconds) * 1000;
  const maxCost = o.maxCostUsd ?? Infinity;
  const ledger = new Ledger(o.recorder?.ledgerFile);
  const ctx: RunContext = {
    o,
    r: emptyResult(ledger),
    carry: { instruction: o.instruction, notes: [], stuck: 0 },
    gate: new ConsentGate({ profile: o.profile, memory: o.memory, ledger, bypass: o.gate === 'bypass' }),
    apps: new Apps(o.device),
    view: profileView(o.profile, o.mode ?? 'personal'),
  };
  const done = (e: End) => finish(ctx.r, o, t0, e.outcome, e.message);
  for (let step = 1; step <= maxSteps; step++) {
    if (Date.now() - t0 > maxMs)
      return done({ outcome: 'budget', message: `time budget of ${maxMs / 1000} s used up` });
    if (ctx.r.cost > maxCost) return done({ outcome: 'budget', message: `cost budget of $${maxCost} used up` });
    ctx.r.steps = step;
    const end = await takeStep(ctx, step);
    if (end) return done(end);
  }
  return done({ outcome: 'budget', message: `step budget of ${maxSteps} used up` });
}

/** One step through the stages; how the run ends, when this step ends it. */
async function takeStep(ctx: RunContext, step: number): Promise<End | undefined> {
  const { o, r, carry, gate } = ctx;
  const clock = new StepClock();
  const keep = (p: Proposed, e: StepEntry): void => {
    const rec = record(p, e, clock, { recorder: o.recorder, onStep: o.onStep, user: o.user });
    r.timings.push(rec.timings);
    r.trajectory.push(rec);
    r.history.push(historyItem(rec));
  };
  const stuck = (message: string): End | undefined =>
    ++carry.stuck >= (o.maxStuck ?? 3) ? { outcome: 'stuck', message } : undefined;

  const seen = await observe(step, o.device, ctx.apps);
  clock.lap('observe');
  // The run's frame options (HEED_FRAME_*) ?? what the policy's model family expects ?? heed's defaults.
  const framed = await frame(seen, o.profile.redact, frameOptions(o.frame, o.policy.frame));
  r.frameBytes.push(framed.frame.jpeg.length);
  clock.lap('frame');
  const proposed = await propose(o.policy, framed, {
    instruction: carry.instruction,
    history: r.history,
    profileView: ctx.view,
    memory: o.memory.describe(),
    notes: carry.notes,
  });
  const { proposal } = proposed;
  r.tokens.input += proposal.usage.input;
  r.tokens.output += proposal.usage.output;
  r.cost += proposal.cost;
  clock.lap('propose');
  carry.notes = [];

  const action = proposal.action;
  if (!action) {
    r.invalidProposals++;
    keep(proposed, { status: 'invalid' });
    return stuck(`no usable action: ${proposal.error}`);
  }
  if (isControl(action)) {
    if (action.action === 'finish') {
      // Families whose terminal action carries the report (UI-TARS finished(content), AutoGLM finish(message))
      // answer a question with it, unless an answer was given already.
      if (action.answer && r.answer === undefined) r.answer = action.answer;
      keep(proposed, { status: 'finish', action });
      return { outcome: action.status, message: action.message };
    }
    if (action.action === 'answer') {
      r.answer = action.text;
      keep(proposed, { status: 'answer', action });
      return undefined;
    }
    r.questions++;
    const reply = await askQuestion(action, framed.frame, o.user);
    keep(proposed, { status: 'question', action, reply });
    return undefined;
  }

  const classified = await classifyStep(
    proposed,
    action,
    o.policy,
    ctx.apps,
    o.guard ? { guard: o.guard, instruction: carry.instruction } : undefined,
  );
  if (classified.review)
    r.ledger.review({
      step: classified.step,
      at: new Date().toISOString(),
      app: classified.app,
      guard: classified.review,
    });
  let gated = gateStep(classified, gate, carry.instruction);
  if (gated.decision?.verdict === 'ask') {
    r.consentRequests++;
    gated = await askConsent(gated, o.user, gate, carry.instruction);
    if (gated.instead) carry.instruction = `${carry.instruction}\nThe user now says: ${gated.instead}`;
  }
  clock.lap('gate');

  const { sensitivity, decision } = gated;
  if (sensitivity && decision?.verdict === 'block') {
    r.blocked++;
    carry.notes.push(
      `heed blocked "${describeAction(action)}" (${sensitivity.category}, ${sensitivity.grant}): ${decision.reason}. Do not retry it; choose a protective option.`,
    );
    keep(gated, { status: 'blocked', ...gated });
    return stuck(`the agent kept proposing blocked steps: ${decision.reason}`);
  }
  carry.stuck = 0;
  await act(gated, o.device, { waitScale: o.waitScale ?? 1 });
  keep(gated, { status: 'done', ...gated });
  return undefined;
}

function isControl(a: { action: string }): a is ControlAction {
  return a.action === 'finish' || a.action === 'answer' || a.action === 'ask_user';
}

function emptyResult(ledger: Ledger): RunResult {
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

function finish(r: RunResult, o: RunOptions, t0: number, outcome: Outcome, message: string): RunResult {
  r.outcome = outcome;
  r.message = message;
  r.wallMs = Date.now() - t0;
  o.recorder?.summary(summarise(r, o));
  return r;
}
