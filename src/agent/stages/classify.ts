// classify: the proposed action resolved to a gesture on this screen (src/policy/actions.ts, beside its schema), and
// what that gesture would consent to. Every touch the gesture makes counts (the control a swipe or scroll starts
// on, besides what it types or taps): the most exposing one is what the gate decides. Rules first; the model's own
// flag may add a sensitivity where the rules found none, never remove one; so may the optional guard model
// (HEED_GUARD_MODEL), on steps nothing else flagged.
import { classify as rules } from '../../consent/classify.js';
import type { Sensitivity, Step } from '../../consent/types.js';
import type { Secrets } from '../../core/secrets.js';
import { fromModel, imageToDevice } from '../../device/coords.js';
import type { Observation } from '../../device/device.js';
import { resolveAction, Unusable, type Action, type ControlAction, type Resolved } from '../../policy/actions.js';
import type { Guard, GuardInput, GuardReview } from '../../policy/guard.js';
import { describeAction, type Policy } from '../../policy/policy.js';
import type { Apps } from './observe.js';
import type { Classified, Proposed } from './types.js';

export async function classifyStep(
  p: Proposed,
  action: Exclude<Action, ControlAction>,
  policy: Policy,
  apps: Apps,
  facts: Record<string, string>,
  secrets: Secrets,
  guard?: { guard: Guard; instruction: string },
  signal?: AbortSignal,
): Promise<Classified> {
  const { obs, frame } = p;
  const resolved = (await resolveAction(action, {
    tree: obs.tree,
    deviceSize: obs.deviceSize,
    toDevice: (x, y) => imageToDevice(frame.geometry, fromModel(frame.geometry, { x, y }, policy.convention)),
    packageOf: (app) => apps.packageOf(app),
    fact: (name) => {
      const v = facts[name];
      if (v === undefined)
        throw new Unusable(`the profile has no fact "${name}" (it has: ${Object.keys(facts).join(', ') || 'none'})`);
      return v;
    },
  }))!;
  const sensitivity = sensitivityOf(obs, resolved, action);
  // A secret is redacted from everything written from now on, this step's record and cassette lines included.
  if (sensitivity?.secret) for (const part of sensitivity.typed?.parts ?? []) secrets.add(part);
  // The guard looks only at steps nothing flagged, and only at steps that touch or type: it can add, never remove.
  if (sensitivity || !guard || resolved.touch.kind === 'other') return { ...p, action, resolved, sensitivity };
  const review = await guard.guard.review(
    secrets.scrub(guardInput(p, resolved.touch, action, guard.instruction)),
    signal,
  );
  return {
    ...p,
    action,
    resolved,
    review,
    ...(review.verdict === 'sensitive' ? { sensitivity: guarded(review, resolved.touch) } : {}),
  };
}

function guardInput(p: Proposed, step: Step, action: Action, instruction: string): GuardInput {
  const e = step.element;
  return {
    instruction,
    app: p.app,
    action: describeAction(action),
    ...(e ? { target: { label: e.label, resourceId: e.resourceId, class: e.class } } : {}),
    screen: p.obs.tree.elements.map((x) => x.text || x.contentDesc).filter((t) => t.trim()),
    jpeg: p.frame.jpeg,
  };
}

/** A sensitivity the guard added. Its reasoning stays in the ledger's review line, out of what the agent is told. */
function guarded(r: GuardReview, step: Step): Sensitivity {
  const category = r.category ?? 'unknown';
  return {
    category,
    grant: 'accept',
    exposing: true,
    irreversible: category === 'payment_purchase' || category === 'destructive',
    evidence: {
      index: step.element?.index,
      text: step.element?.label ?? step.text ?? '',
      resourceId: step.element?.resourceId ?? '',
      reason: `the guard model (${r.model}) flagged it as ${category}`,
    },
    source: 'guard',
  };
}

/** Most exposing first: an irreversible exposing step, then any exposing one, then a protective one. */
const rank = (s: Sensitivity) => (s.exposing ? (s.irreversible ? 3 : 2) : 1);

/**
 * What the gesture would consent to on `obs`: the most exposing of its touches (also what the pre-act check
 * compares). A flagged step carries the flag, so the gate asks rather than allow it by profile.
 */
export function sensitivityOf(obs: Observation, resolved: Resolved, action: Action): Sensitivity | undefined {
  const step = resolved.touch;
  let found: Sensitivity | undefined;
  for (const t of [...(resolved.activates ?? []), step]) {
    const s = rules(obs.tree, obs.package, t);
    if (s && (!found || rank(s) > rank(found))) found = s;
  }
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
      text: step.element?.label ?? '',
      resourceId: step.element?.resourceId ?? '',
      reason: `the agent flagged it: ${flag.reason}`,
    },
    source: 'model',
    flagged: flag.reason,
  };
}
