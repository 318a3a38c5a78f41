// classify: the proposed action resolved to a gesture on this screen (src/policy/actions.ts, beside its schema), and
// what that gesture would consent to. Rules first; the model's own flag may add a sensitivity where the rules found
// none, never remove one.
import { classify as rules } from '../../consent/classify.js';
import type { Sensitivity, Step } from '../../consent/types.js';
import { fromModel, imageToDevice } from '../../device/coords.js';
import { resolveAction, type Action, type ControlAction } from '../../policy/actions.js';
import type { Policy } from '../../policy/policy.js';
import type { Apps } from './observe.js';
import type { Classified, Proposed } from './types.js';

export async function classifyStep(
  p: Proposed,
  action: Exclude<Action, ControlAction>,
  policy: Policy,
  apps: Apps,
): Promise<Classified> {
  const { obs, frame } = p;
  const resolved = (await resolveAction(action, {
    tree: obs.tree,
    deviceSize: obs.deviceSize,
    toDevice: (x, y) => imageToDevice(frame.geometry, fromModel(frame.geometry, { x, y }, policy.convention)),
    packageOf: (app) => apps.packageOf(app),
  }))!;
  return { ...p, action, resolved, sensitivity: sensitivityOf(p, resolved.touch, action) };
}

/** A flagged step carries the flag, so the gate asks rather than allow it by profile. */
function sensitivityOf(p: Proposed, step: Step, action: Action): Sensitivity | undefined {
  const found = rules(p.obs.tree, p.obs.package, step);
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
