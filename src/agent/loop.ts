// The controller: each step runs the stages observe → frame → propose → classify → gate → ask → act → record
// (src/agent/stages), within step, time and cost budgets. The policy proposes; only the gate and the user decide
// consent-sensitive steps, and the gate records every decision itself.
import { ConsentGate } from '../consent/consent-gate.js';
import { Ledger } from '../consent/ledger.js';
import { DEFAULT_CONFIG } from '../core/config.js';
import { Secrets } from '../core/secrets.js';
import type { Outcome } from '../core/vocab.js';
import { describeAction } from '../policy/policy.js';
import type { ControlAction } from '../policy/actions.js';
import { profileView } from '../profile/view.js';
import type { RunOptions, RunResult } from './options.js';
import { summarise } from './summary.js';
import { act } from './stages/act.js';
import { askConsent, askQuestion } from './stages/ask.js';
import { classifyStep, Unusable } from './stages/classify.js';
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
  /** The run's secrets: the profile's secret facts, then whatever typed text the classifier finds secret. */
  secrets: Secrets;
}

type End = { outcome: Outcome; message: string };

export async function runAgent(o: RunOptions): Promise<RunResult> {
  const t0 = Date.now();
  // The command line passes the configured budgets (src/core/config.ts); these are the defaults for library use.
  const maxSteps = o.maxSteps ?? DEFAULT_CONFIG.budgets.maxSteps;
  const maxMs = (o.maxSeconds ?? DEFAULT_CONFIG.budgets.maxSeconds) * 1000;
  const maxCost = o.maxCostUsd ?? Infinity;
  const secrets = Secrets.fromFacts(o.profile.personal);
  const ledger = new Ledger(o.recorder?.ledgerFile, (v) => secrets.scrub(v));
  o.policy.guard?.(secrets);
  const ctx: RunContext = {
    o,
    r: emptyResult(ledger),
    carry: { instruction: o.instruction, notes: [], stuck: 0 },
    gate: new ConsentGate({ profile: o.profile, memory: o.memory, ledger, bypass: o.gate === 'bypass' }),
    apps: new Apps(o.device),
    view: profileView(o.profile, o.mode ?? 'personal'),
    secrets,
  };
  const done = (e: End) => finish(ctx.r, o, t0, e.outcome, e.message, secrets);
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
  const { o, r, carry, gate, secrets } = ctx;
  const clock = new StepClock();
  const keep = (p: Proposed, e: StepEntry): void => {
    o.policy.flush?.();
    const rec = record(p, e, clock, { recorder: o.recorder, onStep: o.onStep, user: o.user, secrets });
    r.timings.push(rec.timings);
    r.trajectory.push(rec);
    r.history.push(historyItem(rec));
  };
  const stuck = (message: string): End | undefined =>
    ++carry.stuck >= (o.maxStuck ?? 3) ? { outcome: 'stuck', message } : undefined;

  const seen = await observe(step, o.device, ctx.apps);
  clock.lap('observe');
  const framed = await frame(seen, o.profile.redact, o.frame, secrets);
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
      keep(proposed, { status: 'finish', action });
      return { outcome: action.status, message: action.message };
    }
    if (action.action === 'answer') {
      r.answer = action.text;
      keep(proposed, { status: 'answer', action });
      return undefined;
    }
    r.questions++;
    const reply = await askQuestion(action, framed.frame, o.user, secrets);
    keep(proposed, { status: 'question', action, reply });
    return undefined;
  }

  let classified;
  try {
    classified = await classifyStep(proposed, action, o.policy, ctx.apps, o.profile.personal);
  } catch (e) {
    if (!(e instanceof Unusable)) throw e;
    r.invalidProposals++;
    carry.notes.push(`heed could not do "${secrets.text(describeAction(action))}": ${e.message}.`);
    keep(proposed, { status: 'invalid', action, note: e.message });
    return stuck(`no usable action: ${e.message}`);
  }
  // A secret is redacted from everything written from now on, this step's record and cassette lines included.
  if (classified.sensitivity?.secret) for (const p of classified.sensitivity.typed?.parts ?? []) secrets.add(p);
  let gated = gateStep(classified, gate, carry.instruction);
  if (gated.decision?.verdict === 'ask') {
    r.consentRequests++;
    gated = await askConsent(gated, o.user, gate, carry.instruction, {
      secrets,
      label: async (pkg) => (await ctx.apps.list()).find((a) => a.package === pkg)?.label ?? pkg,
    });
    if (gated.instead) carry.instruction = `${carry.instruction}\nThe user now says: ${gated.instead}`;
  }
  clock.lap('gate');

  const { sensitivity, decision } = gated;
  if (sensitivity && decision?.verdict === 'block') {
    r.blocked++;
    carry.notes.push(
      secrets.text(
        `heed blocked "${describeAction(action)}" (${sensitivity.category}, ${sensitivity.grant}): ${decision.reason}. Do not retry it; choose a protective option.`,
      ),
    );
    keep(gated, { status: 'blocked', ...gated });
    return stuck(`the agent kept proposing blocked steps: ${decision.reason}`);
  }
  const acted = await act(gated, o.device, { waitScale: o.waitScale ?? 1 });
  if (acted.status !== 'done') {
    // The screen moved on (or did not take the gesture): nothing was done; the next step looks again.
    carry.notes.push(
      `heed did not do "${secrets.text(describeAction(action))}": ${acted.why}. Look at the screen again.`,
    );
    keep(gated, { status: acted.status, ...gated, note: acted.why });
    return acted.status === 'invalid' ? stuck(`the gesture was refused: ${acted.why}`) : undefined;
  }
  carry.stuck = 0;
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

function finish(
  r: RunResult,
  o: RunOptions,
  t0: number,
  outcome: Outcome,
  message: string,
  secrets: Secrets,
): RunResult {
  r.outcome = outcome;
  r.message = secrets.text(message);
  if (r.answer) r.answer = secrets.text(r.answer);
  r.wallMs = Date.now() - t0;
  o.policy.flush?.();
  o.recorder?.summary(secrets.scrub(summarise(r, o)));
  return r;
}
