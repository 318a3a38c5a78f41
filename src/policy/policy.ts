// The Policy port: given what the agent knows at a step, propose one action.
import type { Convention } from '../device/coords.js';
import type { UiTree } from '../device/ui-tree.js';
import type { Frame, FrameOptions } from '../vision/frame.js';
import type { Action } from './actions.js';
import type { Secrets } from '../core/secrets.js';

export interface HistoryItem {
  step: number;
  action: string;
  outcome: string;
}

export interface StepContext {
  instruction: string;
  step: number;
  frame: Frame;
  package: string;
  activity: string;
  /** The parsed screen (the element list and frame are derived from it). */
  tree: UiTree;
  history: HistoryItem[];
  profileView: string;
  memory: string[];
  /** What heed told the agent about the previous step (a block and why, an answer from the user). */
  notes: string[];
  /** Aborts with the run (its time budget, a signal): pass it to every model call. */
  signal?: AbortSignal;
}

export interface Proposal {
  action?: Action;
  /** Why no action: the last validation error after the allowed re-asks. */
  error?: string;
  /** Further actions the reply had beyond the one proposed: recorded, never executed. */
  ignored?: string[];
  attempts: number;
  raw: string[];
  usage: { input: number; output: number };
  latencyMs: number;
  cost: number;
}

export interface Policy {
  readonly name: string;
  /** The coordinate convention of x, y in this policy's actions. */
  readonly convention: Convention;
  /** The image this policy's model expects (size rule, set-of-mark); the run's own frame options win. */
  readonly frame?: FrameOptions;
  propose(ctx: StepContext): Promise<Proposal>;
  /** The run's secrets, for whatever the policy writes (a cassette): held until `flush`, then redacted. */
  guard?(secrets: Secrets): void;
  flush?(): void;
}

export function emptyProposal(action: Action | undefined, error?: string): Proposal {
  return { action, error, attempts: 1, raw: [], usage: { input: 0, output: 0 }, latencyMs: 0, cost: 0 };
}

export function describeAction(a: Action): string {
  const { action, ...rest } = a as Action & Record<string, unknown>;
  const args = Object.entries(rest)
    .filter(([k]) => k !== 'sensitive')
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
  return args ? `${action} ${args}` : action;
}
