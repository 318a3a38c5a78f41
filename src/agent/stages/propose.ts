// propose: the policy sees the step (task, profile view, memory, history, notes, frame) and proposes one action.
import { untilAborted } from '../../core/abort.js';
import type { HistoryItem, Policy } from '../../policy/policy.js';
import type { Framed, Proposed } from './types.js';

/** What the policy is told beyond the screen. */
export interface Briefing {
  instruction: string;
  history: HistoryItem[];
  profileView: string;
  memory: string[];
  /** What heed told the agent about the previous step (a block and why). */
  notes: string[];
  signal?: AbortSignal;
}

export async function propose(policy: Policy, f: Framed, b: Briefing): Promise<Proposed> {
  // The signal reaches the model call; untilAborted also stops a policy that does not pass it on.
  const proposal = await untilAborted(
    policy.propose({
      instruction: b.instruction,
      step: f.step,
      frame: f.frame,
      package: f.obs.package,
      activity: f.obs.activity,
      tree: f.obs.tree,
      history: b.history,
      profileView: b.profileView,
      memory: b.memory,
      notes: b.notes,
      signal: b.signal,
    }),
    b.signal,
  );
  return { ...f, proposal };
}
