// The controller: each step runs the stages observe → frame → propose → classify → gate → ask → act → record
// (src/agent/stages), within step, time and cost budgets. The policy proposes; only the gate and the user decide
// consent-sensitive steps, and the gate records every decision itself.
import { asksForSecret, secretsIn } from '../consent/typed.js';
import { ConsentGate } from '../consent/consent-gate.js';
import { Ledger } from '../consent/ledger.js';
import { untilAborted } from '../core/abort.js';
import { DEFAULT_CONFIG } from '../core/config.js';
import { DeviceError, HeedError, outcomeOf, Stopped } from '../core/errors.js';
import { Secrets } from '../core/secrets.js';
import type { Outcome } from '../core/vocab.js';
import { describeAction } from '../policy/policy.js';
import { Unusable, type ControlAction } from '../policy/actions.js';
import { profileView } from '../profile/view.js';
import { frameOptions } from '../vision/frame.js';
import type { RunOptions, RunResult } from './options.js';
import { emptyResult, finish } from './summary.js';
import { act } from './stages/act.js';
import { askConsent, askQuestion } from './stages/ask.js';
import { classifyStep } from './stages/classify.js';
import { frame } from './stages/frame.js';
import { gateStep } from './stages/gate.js';
import { Apps, observe } from './stages/observe.js';
import { propose } from './stages/propose.js';
import { historyItem, record, StepClock, type Seen, type StepEntry } from './stages/record.js';
import type { StageName } from './stages/types.js';

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
  /** The run's secrets: the profile's secret facts, then whatever typed text the classifier finds secret. */
  secrets: Secrets;
  /** Aborts on the time budget or the caller's signal: every wait of a stage ends with it. */
  signal: AbortSignal;
}

type End = { outcome: Outcome; message: string };

export async function runAgent(o: RunOptions): Promise<RunResult> {
  const t0 = Date.now();
  // The command line passes the configured budgets (src/core/config.ts); these are the defaults for library use.
  const maxSteps = o.maxSteps ?? DEFAULT_CONFIG.budgets.maxSteps;
  const maxMs = (o.maxSeconds ?? DEFAULT_CONFIG.budgets.maxSeconds) * 1000;
  const maxCost = o.maxCostUsd ?? Infinity;
  // The time budget is a signal, not a check between steps: a model call, a question or a gesture that outlasts it
  // is abandoned when it runs out.
  const budget = new AbortController();
  const timer = setTimeout(
    () => budget.abort(new Stopped('budget', `time budget of ${maxMs / 1000} s used up`)),
    Math.max(0, maxMs),
  );
  const signal = o.signal ? AbortSignal.any([o.signal, budget.signal]) : budget.signal;
  const secrets = Secrets.fromFacts(o.profile.personal);
  const ledger = new Ledger(o.recorder?.ledgerFile, (v) => secrets.scrub(v));
  o.policy.guard?.(secrets);
  const ctx: RunContext = {
    o,
    r: emptyResult(ledger),
    carry: { instruction: o.instruction, notes: [], stuck: 0 },
    gate: new ConsentGate({ profile: o.profile, memory: o.memory, ledger, bypass: o.gate === 'bypass' }),
    apps: new Apps(o.device, signal),
    view: profileView(o.profile, o.mode ?? 'personal'),
    signal,
    secrets,
  };
  const done = (e: End) => finish(ctx.r, o, t0, e.outcome, e.message, secrets);
  try {
    for (let step = 1; step <= maxSteps; step++) {
      if (signal.aborted) return done(outcomeOf(signal.reason));
      if (ctx.r.cost > maxCost) return done({ outcome: 'budget', message: `cost budget of $${maxCost} used up` });
      ctx.r.steps = step;
      const end = await takeStep(ctx, step);
      if (end) return done(end);
    }
    return done({ outcome: 'budget', message: `step budget of ${maxSteps} used up` });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One step through the stages; how the run ends, when this step ends it. Whatever a stage throws ends the run with
 * an outcome (model-error, device-lost, budget, interrupted, error) and leaves the step's line in steps.jsonl.
 */
async function takeStep(ctx: RunContext, step: number): Promise<End | undefined> {
  const { o, r, carry, gate, signal, secrets } = ctx;
  const clock = new StepClock();
  const keep = (p: Seen, e: StepEntry): void => {
    o.policy.flush?.();
    const rec = record(p, e, clock, { recorder: o.recorder, onStep: o.onStep, user: o.user, secrets });
    r.timings.push(rec.timings);
    r.trajectory.push(rec);
    r.history.push(historyItem(rec));
  };
  const stuck = (message: string): End | undefined =>
    ++carry.stuck >= (o.maxStuck ?? 3) ? { outcome: 'stuck', message } : undefined;
  let stage: StageName = 'observe';
  let seen: Seen = { step };
  try {
    const observed = await observe(step, o.device, ctx.apps, signal);
    seen = observed;
    clock.lap('observe');
    stage = 'frame';
    // The run's frame options (HEED_FRAME_*) ?? what the policy's model family expects ?? heed's defaults.
    const framed = await frame(observed, o.profile.redact, frameOptions(o.frame, o.policy.frame), secrets);
    seen = framed;
    r.frameBytes.push(framed.frame.jpeg.length);
    clock.lap('frame');
    stage = 'propose';
    const proposed = await propose(o.policy, framed, {
      instruction: carry.instruction,
      history: r.history,
      profileView: ctx.view,
      memory: o.memory.describe(),
      notes: carry.notes,
      signal,
    });
    seen = proposed;
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
      stage = 'ask';
      r.questions++;
      const reply = await askQuestion(action, framed.frame, o.user, secrets, signal);
      // An answer to a question that asks for a secret is one, and so is a secret written inside any answer: known
      // before the reply is recorded, prompted or shown.
      if (asksForSecret(action.question)) secrets.add(reply);
      for (const part of secretsIn(reply)) secrets.add(part);
      keep(proposed, { status: 'question', action, reply });
      return undefined;
    }
    const what = secrets.text(describeAction(action));
    // A model mistake (an element that is not there, an app that is not installed, a gesture the device refuses) is
    // this step's outcome: the agent is told and proposes again.
    const failed = (problem: string): End | undefined => {
      carry.notes.push(`"${what}" could not be done: ${problem}.`);
      keep(proposed, { status: 'failed', action, problem });
      return stuck(`the agent kept proposing steps that could not be done: ${problem}`);
    };

    stage = 'classify';
    let classified;
    try {
      // The guard model's call (HEED_GUARD_MODEL) is a wait like any other: the budget and a signal end it (and cancel
      // its HTTP request) too.
      classified = await untilAborted(
        classifyStep(
          proposed,
          action,
          o.policy,
          ctx.apps,
          o.profile.personal,
          secrets,
          o.guard ? { guard: o.guard, instruction: carry.instruction } : undefined,
          signal,
        ),
        signal,
      );
    } catch (e) {
      if (e instanceof Unusable) return failed(e.message);
      throw e;
    }
    // The guard's verdict and reasoning go to the ledger only: never into the notes or history the agent reads.
    if (classified.review)
      r.ledger.review({
        step: classified.step,
        at: new Date().toISOString(),
        app: classified.app,
        guard: classified.review,
      });
    stage = 'gate';
    let gated = gateStep(classified, gate, carry.instruction);
    if (gated.decision?.verdict === 'ask') {
      stage = 'ask';
      r.consentRequests++;
      gated = await askConsent(gated, o.user, gate, carry.instruction, secrets, signal);
      if (gated.instead) carry.instruction = `${carry.instruction}\nThe user now says: ${gated.instead}`;
    }
    clock.lap('gate');

    const { sensitivity, decision } = gated;
    if (sensitivity && decision?.verdict === 'block') {
      r.blocked++;
      carry.notes.push(
        secrets.text(
          `heed blocked "${what}" (${sensitivity.category}, ${sensitivity.grant}): ${decision.reason.replace(/\.$/, '')}. Do not retry it; choose a protective option.`,
        ),
      );
      keep(gated, { status: 'blocked', ...gated });
      return stuck(`the agent kept proposing blocked steps: ${decision.reason}`);
    }
    stage = 'act';
    let acted;
    try {
      acted = await act(gated, o.device, { waitScale: o.waitScale ?? 1, signal });
    } catch (e) {
      if (e instanceof DeviceError && !e.lost) return failed(`the phone refused it (${e.message})`);
      throw e;
    }
    if (acted.status === 'changed') {
      // The screen moved on between the decision and the act: nothing was done; the next step looks again.
      carry.notes.push(`heed did not do "${what}": ${acted.why}. Look at the screen again.`);
      keep(gated, { status: 'changed', ...gated, problem: acted.why });
      return undefined;
    }
    carry.stuck = 0;
    if (acted.note) carry.notes.push(`"${what}": ${acted.note}. Look at the screen again.`);
    keep(gated, { status: 'done', ...gated });
    return undefined;
  } catch (e) {
    const end = outcomeOf(signal.aborted ? signal.reason : e);
    const stack = end.outcome === 'error' && !(e instanceof HeedError) ? (e as Error).stack : undefined;
    try {
      keep(seen, {
        status: 'error',
        ...(seen.proposal?.action ? { action: seen.proposal.action } : {}),
        error: { stage, ...end, ...(stack ? { stack } : {}) },
      });
    } catch {
      // The run directory itself failed (the disk, --out removed): the summary's write says so, the loop must end.
    }
    return end;
  }
}

function isControl(a: { action: string }): a is ControlAction {
  return a.action === 'finish' || a.action === 'answer' || a.action === 'ask_user';
}
