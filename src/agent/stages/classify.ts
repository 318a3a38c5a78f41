// classify: the proposed action resolved to a gesture on this screen (src/policy/actions.ts, beside its schema), and
// what that gesture would consent to. Every touch the gesture makes counts (the focus tap of typing, the element a
// swipe or scroll starts on): the most exposing one is what the gate decides. Rules first; the model's own flag may
// add a sensitivity where the rules found none, never remove one.
import { classify as rules } from '../../consent/classify.js';
import type { Sensitivity, Step } from '../../consent/types.js';
import { HeedError } from '../../core/errors.js';
import { fromModel, imageToDevice } from '../../device/coords.js';
import type { Observation } from '../../device/device.js';
import { resolveAction, type Action, type ControlAction, type Resolved } from '../../policy/actions.js';
import type { Policy } from '../../policy/policy.js';
import type { Apps } from './observe.js';
import type { Classified, Proposed } from './types.js';

/** A proposal that cannot be carried out on this screen (an unknown app or fact): a step outcome, not a crash. */
export class Unusable extends Error {}

export async function classifyStep(
  p: Proposed,
  action: Exclude<Action, ControlAction>,
  policy: Policy,
  apps: Apps,
  facts: Record<string, string>,
): Promise<Classified> {
  const { obs, frame } = p;
  let resolved: Resolved;
  try {
    resolved = (await resolveAction(action, {
      tree: obs.tree,
      deviceSize: obs.deviceSize,
      toDevice: (x, y) => imageToDevice(frame.geometry, fromModel(frame.geometry, { x, y }, policy.convention)),
      packageOf: (app) => apps.packageOf(app),
      fact: (name) => {
        const v = facts[name];
        if (v === undefined)
          throw new HeedError(`The profile has no fact "${name}"`, `facts: ${Object.keys(facts).join(', ') || 'none'}`);
        return v;
      },
    }))!;
  } catch (e) {
    throw new Unusable((e as Error).message.split('\n')[0]);
  }
  return { ...p, action, resolved, sensitivity: sensitivityOf(obs, resolved, action) };
}

/** Most exposing first: an irreversible exposing step, then any exposing one, then a protective one. */
const rank = (s: Sensitivity) => (s.exposing ? (s.irreversible ? 3 : 2) : 1);

/** What the gesture would consent to, judged on `obs` (also what the pre-act check compares against). */
export function sensitivityOf(obs: Observation, resolved: Resolved, action: Action): Sensitivity | undefined {
  const touches: Step[] = [...(resolved.activates ?? []), resolved.touch];
  let found: Sensitivity | undefined;
  for (const t of touches) {
    const s = rules(obs.tree, obs.package, t);
    if (s && (!found || rank(s) > rank(found))) found = s;
  }
  if (found) return found;
  const flag = (action as { sensitive?: { category: Sensitivity['category']; reason: string } }).sensitive;
  if (!flag) return undefined;
  const step = resolved.touch;
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
  };
}
