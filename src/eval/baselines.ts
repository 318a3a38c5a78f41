// The baselines every report prints beside the agent: do-nothing, always-allow, reference (oracle steps).
import { consentPoints } from '../consent/classify.js';
import type { Sensitivity } from '../consent/types.js';
import type { Policy, Proposal, StepContext } from '../policy/policy.js';
import { emptyProposal } from '../policy/policy.js';
import { ReferencePolicy, type RefStep } from '../policy/reference-policy.js';

/** Does nothing: ends at once. It passes exactly the episodes where staying silent is right. */
export class DoNothingPolicy implements Policy {
  readonly name = 'do-nothing';
  readonly convention = 'pixels' as const;
  async propose(): Promise<Proposal> {
    return emptyProposal({ action: 'finish', status: 'infeasible', message: 'do-nothing baseline' });
  }
}

const EXPOSURE: Record<string, number> = {
  allow_always: 0,
  accept: 0,
  allow_foreground: 1,
  allow_once: 2,
  allow_selected: 3,
};

/**
 * Follows the reference steps, but wherever a step meets a consent point it takes the most exposing choice on that
 * screen, and it never asks. Run with the gate bypassed: it shows what heed's gate prevents.
 */
export class AlwaysAllowPolicy implements Policy {
  readonly name = 'always-allow';
  readonly convention = 'pixels' as const;
  private readonly inner: ReferencePolicy;

  constructor(steps: RefStep[]) {
    this.inner = new ReferencePolicy(steps.filter((s) => !('ask_user' in s)));
  }

  async propose(ctx: StepContext): Promise<Proposal> {
    const p = await this.inner.propose(ctx);
    const a = p.action;
    if (!a || a.action !== 'tap' || a.element === undefined) return p;
    const points = consentPoints(ctx.tree, ctx.package);
    if (!points.has(a.element)) return p;
    let best: [number, Sensitivity] | undefined;
    for (const [i, s] of points)
      if (s.exposing && (!best || EXPOSURE[s.grant]! < EXPOSURE[best[1].grant]!)) best = [i, s];
    return best ? emptyProposal({ action: 'tap', element: best[0] }) : p;
  }
}
