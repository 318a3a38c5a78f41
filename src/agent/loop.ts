// The controller: observe → frame → propose → classify → gate → (ask) → act → record, within step, time and cost
// budgets. The policy proposes; only the gate and the user decide consent-sensitive steps.
import type { Outcome } from '../core/vocab.js';
import type { Device, DeviceAction, InstalledApp, Observation } from '../device/device.js';
import { deviceToImage, fromModel, imageToDevice } from '../device/coords.js';
import { center, elementAt, type UiElement } from '../device/ui-tree.js';
import { classify, isPermissionScreen } from '../consent/classify.js';
import { decide, Session, type GateDecision } from '../consent/gate.js';
import { Ledger } from '../consent/ledger.js';
import type { Sensitivity, Step } from '../consent/types.js';
import type { Action } from '../policy/actions.js';
import { describeAction, type HistoryItem, type Policy, type Proposal } from '../policy/policy.js';
import type { Memory } from '../profile/memory.js';
import type { Profile } from '../profile/schema.js';
import { profileView, type ProfileMode } from '../profile/view.js';
import { describeAnswer, type Screen, type UserChannel } from '../user/channel.js';
import { frameOptions, makeFrame, type Frame, type FrameOptions } from '../vision/frame.js';
import { Recorder, type StepRecord, type StepTimings } from './recorder.js';

export interface RunOptions {
  instruction: string;
  device: Device;
  policy: Policy;
  profile: Profile;
  memory: Memory;
  user: UserChannel;
  mode?: ProfileMode;
  maxSteps?: number;
  maxSeconds?: number;
  maxCostUsd?: number;
  /** Run directory; nothing is written when absent. */
  recorder?: Recorder;
  frame?: FrameOptions;
  /** Multiplies `wait` actions (0 in tests and on the simulated phone). */
  waitScale?: number;
  /** Stop after this many proposals in a row that could not be used (invalid or blocked). */
  maxStuck?: number;
  /** Called after each step (progress output). */
  onStep?: (r: StepRecord) => void;
  /** 'bypass' runs without the consent gate: the always-allow baseline, never for real users. */
  gate?: 'heed' | 'bypass';
  /** Extra run facts for summary.json (task id, model description …). */
  meta?: Record<string, unknown>;
}

export interface RunResult {
  outcome: Outcome;
  message: string;
  answer?: string;
  steps: number;
  questions: number;
  consentRequests: number;
  blocked: number;
  invalidProposals: number;
  tokens: { input: number; output: number };
  cost: number;
  wallMs: number;
  ledger: Ledger;
  history: HistoryItem[];
  timings: StepTimings[];
  frameBytes: number[];
}

/** The element a resolved action touches, and where, in device pixels. */
interface Resolved {
  device?: DeviceAction;
  /** A second device action right after the first (Enter after typing). */
  then?: DeviceAction;
  element?: UiElement;
  step: Step;
}

export async function runAgent(o: RunOptions): Promise<RunResult> {
  const t0 = Date.now();
  const maxSteps = o.maxSteps ?? Number(process.env.HEED_MAX_STEPS ?? 30);
  const maxMs = (o.maxSeconds ?? Number(process.env.HEED_MAX_SECONDS ?? 600)) * 1000;
  const maxCost = o.maxCostUsd ?? Number(process.env.HEED_MAX_COST_USD ?? Infinity);
  const session = new Session();
  const ledger = new Ledger(o.recorder?.ledgerFile);
  const view = profileView(o.profile, o.mode ?? 'personal');
  const r: RunResult = {
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
    timings: [],
    frameBytes: [],
  };
  let instruction = o.instruction;
  let notes: string[] = [];
  let stuck = 0;
  // A permission dialog belongs to the app that asked, not to the permission controller. Its message names the app
  // ("Allow TrailCam to …"); failing that, the last app seen is the one that asked.
  let app = '';
  // Installed apps do not change during a run: one listApps for dialog attribution and open_app by name.
  let installed: Promise<InstalledApp[]> | undefined;
  const apps = () => (installed ??= o.device.listApps());
  const appOf = async (obs: Observation): Promise<string> => {
    if (!isPermissionScreen(obs.tree, obs.package)) return (app = obs.package);
    const named = requestingLabel(obs);
    const pkg = named && (await apps()).find((a) => a.label === named)?.package;
    if (pkg) return (app = pkg);
    return app || obs.package;
  };

  for (let step = 1; step <= maxSteps; step++) {
    if (Date.now() - t0 > maxMs) return finish(r, o, t0, 'budget', `time budget of ${maxMs / 1000} s used up`);
    if (r.cost > maxCost) return finish(r, o, t0, 'budget', `cost budget of $${maxCost} used up`);
    r.steps = step;
    const tm: StepTimings = { observe: 0, frame: 0, propose: 0, gate: 0, act: 0, record: 0 };
    let t = performance.now();
    const lap = (k: keyof StepTimings) => {
      const now = performance.now();
      tm[k] += now - t;
      t = now;
    };

    const obs = await o.device.observe();
    const stepApp = await appOf(obs);
    lap('observe');
    const frame = await makeFrame(obs, o.profile.redact, frameOptions(o.frame, o.policy.frame));
    r.frameBytes.push(frame.jpeg.length);
    lap('frame');
    const proposal = await o.policy.propose({
      instruction,
      step,
      frame,
      package: obs.package,
      activity: obs.activity,
      tree: obs.tree,
      history: r.history,
      profileView: view,
      memory: o.memory.describe(),
      notes,
    });
    r.tokens.input += proposal.usage.input;
    r.tokens.output += proposal.usage.output;
    r.cost += proposal.cost;
    lap('propose');
    notes = [];

    const rec = (outcome: string, extra: Partial<StepRecord> = {}): void => {
      lap('act');
      const framePath = o.recorder ? o.recorder.frame(step, frame.jpeg) : '';
      const record: StepRecord = {
        step,
        at: new Date().toISOString(),
        package: obs.package,
        activity: obs.activity,
        frame: framePath,
        frameBytes: frame.jpeg.length,
        action: proposal.action,
        proposal: summariseProposal(proposal),
        outcome,
        timings: tm,
        ...extra,
      };
      o.recorder?.step(record);
      lap('record');
      r.timings.push(tm);
      o.onStep?.(record);
      const d = record.decision as { verdict?: string; source?: string } | undefined;
      const what = record.target
        ? `${describeAction(record.action as Action)} "${record.target.label}"`
        : record.action
          ? describeAction(record.action as Action)
          : '(no valid action)';
      o.user.notify?.({ step, action: what, outcome, ...(d ? { decision: `${d.verdict} by ${d.source}` } : {}) });
    };

    const action = proposal.action;
    if (!action) {
      r.invalidProposals++;
      r.history.push({ step, action: '(no valid action)', outcome: proposal.error ?? 'invalid' });
      rec(`invalid: ${proposal.error}`);
      if (++stuck >= (o.maxStuck ?? 3)) return finish(r, o, t0, 'stuck', `no usable action: ${proposal.error}`);
      continue;
    }
    const what = describeAction(action);

    if (action.action === 'finish') {
      // Families whose terminal action carries the report (UI-TARS finished(content), AutoGLM finish(message)) answer
      // a question with it, unless an answer was given already.
      if (action.answer && r.answer === undefined) r.answer = action.answer;
      rec(`finish: ${action.status}`);
      r.history.push({ step, action: what, outcome: 'finished' });
      return finish(r, o, t0, action.status, action.message);
    }
    if (action.action === 'answer') {
      r.answer = action.text;
      r.history.push({ step, action: what, outcome: 'answer recorded' });
      rec('answer recorded');
      continue;
    }
    if (action.action === 'ask_user') {
      r.questions++;
      const reply = await o.user.ask({ question: action.question, options: action.options, screen: screenOf(frame) });
      r.history.push({ step, action: what, outcome: `the user answered: ${reply}` });
      rec(`asked; answer: ${reply}`);
      continue;
    }

    const resolved = await resolve(action, obs, frame, o.policy, apps);
    const sensitivity = sensitivityOf(obs, resolved.step, action);
    let decision: GateDecision | undefined;
    let answer: string | undefined;
    if (sensitivity) {
      decision =
        o.gate === 'bypass'
          ? { verdict: 'allow', source: 'bypass', reason: 'baseline without a consent gate' }
          : decide(sensitivity, { app: stepApp, instruction, profile: o.profile, memory: o.memory, session });
      if (decision.verdict === 'ask') {
        r.consentRequests++;
        const a = await o.user.consent({
          app: stepApp,
          category: sensitivity.category,
          grant: sensitivity.grant,
          irreversible: sensitivity.irreversible,
          action: resolved.element?.label ? `${what} ("${resolved.element.label}")` : what,
          evidence: sensitivity.evidence.reason,
          reason: decision.reason,
          screen: screenOf(frame, resolved, obs),
        });
        answer = describeAnswer(a);
        const source = o.user.kind === 'simulated' ? 'simulated-user' : 'user';
        if (a.kind === 'allow_once' || a.kind === 'always') {
          // "Allow once" covers this step only; "always" covers the rest of the run and goes to memory.
          if (a.kind === 'always') session.allow(stepApp, sensitivity.category, sensitivity.grant);
          if (a.kind === 'always')
            o.memory.remember({ app: stepApp, category: sensitivity.category, decision: 'allow', provenance: 'asked' });
          decision = { verdict: 'allow', source: 'user', reason: `the user answered ${a.kind}` };
        } else {
          session.refuse(stepApp, sensitivity.category, `answered ${answer}`);
          if (a.kind === 'never')
            o.memory.remember({ app: stepApp, category: sensitivity.category, decision: 'deny', provenance: 'asked' });
          if (a.kind === 'instead') instruction = `${instruction}\nThe user now says: ${a.instruction}`;
          decision = { verdict: 'block', source: 'user', reason: `the user answered ${answer}` };
        }
        ledger.append(
          ledgerLine(
            step,
            stepApp,
            sensitivity,
            decision,
            source === 'simulated-user' ? 'simulated-user' : 'user',
            answer,
          ),
        );
      } else {
        ledger.append(ledgerLine(step, stepApp, sensitivity, decision, decision.source));
      }
    }
    lap('gate');

    if (decision?.verdict === 'block') {
      r.blocked++;
      const msg = `heed blocked "${what}" (${sensitivity!.category}, ${sensitivity!.grant}): ${decision.reason}. Do not retry it; choose a protective option.`;
      notes.push(msg);
      r.history.push({ step, action: what, outcome: `blocked: ${decision.reason}` });
      rec('blocked', { ...target(resolved), sensitivity, decision });
      if (++stuck >= (o.maxStuck ?? 3))
        return finish(r, o, t0, 'stuck', `the agent kept proposing blocked steps: ${decision.reason}`);
      continue;
    }
    stuck = 0;
    if (resolved.device) await o.device.perform(resolved.device);
    if (resolved.then) await o.device.perform(resolved.then);
    else if (action.action === 'wait')
      await new Promise((res) => setTimeout(res, (action.seconds ?? 1) * 1000 * (o.waitScale ?? 1)));
    r.history.push({
      step,
      action: what,
      outcome: decision ? `done (${decision.source}: ${decision.verdict})` : 'done',
    });
    rec('done', {
      ...target(resolved),
      ...(sensitivity ? { sensitivity, decision } : {}),
      ...(answer ? { answer } : {}),
    });
  }
  return finish(r, o, t0, 'budget', `step budget of ${maxSteps} used up`);
}

/** The frame with what the agent is about to touch, in image pixels. */
function screenOf(frame: Frame, r?: Resolved, obs?: Observation): Screen {
  const { width, height } = frame.geometry.image;
  const s: Screen = { jpeg: frame.jpeg, width, height };
  const el = r?.element && frame.elements.find((e) => e.index === r.element!.index);
  if (el) s.box = el.bounds;
  else if (r?.device && 'x' in r.device && obs) {
    const p = deviceToImage(frame.geometry, { x: r.device.x, y: r.device.y });
    s.point = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  return s;
}

function requestingLabel(obs: Observation): string | undefined {
  const msg = obs.tree.elements.find((e) => e.resourceId.endsWith(':id/permission_message'))?.text ?? '';
  return /^Allow (.+?) to /.exec(msg)?.[1];
}

function target(r: Resolved): Pick<StepRecord, 'target'> {
  return r.element ? { target: { index: r.element.index, label: r.element.label } } : {};
}

function summariseProposal(p: Proposal): StepRecord['proposal'] {
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

function ledgerLine(
  step: number,
  app: string,
  s: Sensitivity,
  d: GateDecision,
  source: GateDecision['source'] | 'simulated-user',
  answer?: string,
) {
  return {
    step,
    at: new Date().toISOString(),
    app,
    category: s.category,
    grant: s.grant,
    irreversible: s.irreversible,
    ...(s.precision ? { precision: s.precision } : {}),
    evidence: s.evidence,
    detectedBy: s.source,
    verdict: d.verdict,
    source,
    reason: d.reason,
    ...(answer ? { answer } : {}),
  };
}

/**
 * Rules first; the model's own flag may add a sensitivity where the rules found none, never remove one. A flagged
 * step carries the flag, so the gate asks rather than allow it by profile.
 */
function sensitivityOf(obs: Observation, step: Step, action: Action): Sensitivity | undefined {
  const found = classify(obs.tree, obs.package, step);
  const flag = (action as { sensitive?: { category: Sensitivity['category']; reason: string } }).sensitive;
  if (found) return flag && found.exposing ? { ...found, flagged: flag.reason } : found;
  if (!flag) return undefined;
  return {
    category: flag.category,
    grant: 'accept',
    exposing: true,
    irreversible: ['payment_purchase', 'destructive'].includes(flag.category),
    evidence: {
      index: step.element?.index,
      text: step.element?.label ?? step.text ?? '',
      resourceId: step.element?.resourceId ?? '',
      reason: `the agent flagged it: ${flag.reason}`,
    },
    source: 'model',
    flagged: flag.reason,
  };
}

async function resolve(
  a: Action,
  obs: Observation,
  frame: Frame,
  policy: Policy,
  apps: () => Promise<InstalledApp[]>,
): Promise<Resolved> {
  const byIndex = (i?: number) => (i === undefined ? undefined : obs.tree.elements[i]);
  const point = (x: number, y: number) =>
    imageToDevice(frame.geometry, fromModel(frame.geometry, { x, y }, policy.convention));
  switch (a.action) {
    case 'tap':
    case 'long_press':
    case 'double_tap': {
      let el = byIndex(a.element);
      let p = el ? center(el.bounds) : point(a.x!, a.y!);
      // A coordinate tap is classified by the element under the finger, so coordinates cannot slip past the gate.
      if (!el) el = elementAt(obs.tree, p.x, p.y);
      else p = center(el.bounds);
      // A double tap is two taps on the same element: consent sees a tap.
      return {
        device: { kind: a.action, ...p },
        element: el,
        step: { kind: a.action === 'long_press' ? 'long_press' : 'tap', element: el },
      };
    }
    case 'type': {
      const at = a.x !== undefined && a.y !== undefined ? point(a.x, a.y) : undefined;
      const named = byIndex(a.element) ?? (at && elementAt(obs.tree, at.x, at.y));
      const el = named ?? obs.tree.elements.find((e) => e.focused && /EditText/.test(e.class));
      const where = named ? center(named.bounds) : at;
      const device: DeviceAction = !where
        ? { kind: 'type', text: a.text }
        : a.clear
          ? { kind: 'clear_and_type', ...where, text: a.text }
          : { kind: 'type', text: a.text, at: where };
      return {
        device,
        ...(a.submit ? { then: { kind: 'key', key: 'enter' } as DeviceAction } : {}),
        element: el,
        step: { kind: 'type', element: el, text: a.text, ...(a.submit ? { submit: true } : {}) },
      };
    }
    case 'scroll': {
      const at = a.x !== undefined && a.y !== undefined ? point(a.x, a.y) : undefined;
      const el = byIndex(a.element) ?? (at && scrollableAt(obs, at));
      return {
        device: { kind: 'scroll', direction: a.direction, ...(el ? { area: el.bounds } : {}) },
        step: { kind: 'other' },
      };
    }
    case 'swipe': {
      if (a.from && a.to) {
        const from = point(a.from[0], a.from[1]);
        const to = point(a.to[0], a.to[1]);
        // A swipe that starts and ends on the same element is a tap on it on Android (a view stays pressed while the
        // finger stays inside it): consent sees a tap, so a short drag cannot slip a grant past the gate.
        const el = elementAt(obs.tree, from.x, from.y);
        const tapLike = el && inside(el.bounds, to);
        return {
          device: { kind: 'swipe', from: [from.x, from.y], to: [to.x, to.y] },
          ...(tapLike ? { element: el } : {}),
          step: tapLike ? { kind: 'tap', element: el } : { kind: 'other' },
        };
      }
      const el = byIndex(a.element);
      const [l, t, r, b] = el?.bounds ?? [0, 0, obs.deviceSize.width, obs.deviceSize.height];
      const cx = Math.round((l + r) / 2);
      const cy = Math.round((t + b) / 2);
      const dx = Math.round((r - l) * 0.35);
      const dy = Math.round((b - t) * 0.3);
      const d = { up: [0, -dy], down: [0, dy], left: [-dx, 0], right: [dx, 0] }[a.direction!] as [number, number];
      return {
        device: { kind: 'swipe', from: [cx - d[0], cy - d[1]], to: [cx + d[0], cy + d[1]] },
        step: { kind: 'other' },
      };
    }
    case 'back':
      return { device: { kind: 'key', key: 'back' }, step: { kind: 'other' } };
    case 'home':
      return { device: { kind: 'key', key: 'home' }, step: { kind: 'other' } };
    case 'key': {
      const focused = obs.tree.elements.find((e) => e.focused && /EditText/.test(e.class));
      // Enter submits what the focused field holds: consent sees a submit (it may send or post).
      return {
        device: { kind: 'key', key: a.key },
        step: a.key === 'enter' ? { kind: 'submit', element: focused } : { kind: 'other' },
      };
    }
    case 'open_app':
      return { device: { kind: 'open_app', package: await packageFor(a.app, apps) }, step: { kind: 'other' } };
    default:
      return { step: { kind: 'other' } };
  }
}

function inside(b: [number, number, number, number], p: { x: number; y: number }): boolean {
  return p.x >= b[0] && p.x < b[2] && p.y >= b[1] && p.y < b[3];
}

/** The scrollable element under a point (the innermost), for a scroll a model aimed at a list. */
function scrollableAt(obs: Observation, p: { x: number; y: number }): UiElement | undefined {
  let best: UiElement | undefined;
  for (const e of obs.tree.elements)
    if (e.scrollable && inside(e.bounds, p) && (!best || area(e.bounds) <= area(best.bounds))) best = e;
  return best;
}

const area = (b: [number, number, number, number]) => (b[2] - b[0]) * (b[3] - b[1]);

async function packageFor(app: string, installed: () => Promise<InstalledApp[]>): Promise<string> {
  if (/^[a-z][\w]*(\.[\w]+)+$/.test(app)) return app;
  const apps = await installed();
  const want = app.toLowerCase();
  const hit =
    apps.find((a) => a.label?.toLowerCase() === want) ??
    apps.find(
      (a) => a.label?.toLowerCase().includes(want) || a.package.toLowerCase().includes(want.replace(/\s+/g, '')),
    );
  if (!hit) throw new Error(`No installed app matches "${app}"`);
  return hit.package;
}

function finish(r: RunResult, o: RunOptions, t0: number, outcome: Outcome, message: string): RunResult {
  r.outcome = outcome;
  r.message = message;
  r.wallMs = Date.now() - t0;
  o.recorder?.summary({
    instruction: o.instruction,
    profile: o.profile.id,
    mode: o.mode ?? 'personal',
    policy: o.policy.name,
    user: o.user.kind,
    ...o.meta,
    outcome,
    message,
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
  });
  return r;
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
