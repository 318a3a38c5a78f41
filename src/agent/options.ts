// What a run is given and what it gives back.
import type { Ledger } from '../consent/ledger.js';
import type { Outcome } from '../core/vocab.js';
import type { Device } from '../device/device.js';
import type { Guard } from '../policy/guard.js';
import type { HistoryItem, Policy } from '../policy/policy.js';
import type { Memory } from '../profile/memory.js';
import type { Profile } from '../profile/schema.js';
import type { ProfileMode } from '../profile/view.js';
import type { UserChannel } from '../user/channel.js';
import type { FrameOptions } from '../vision/frame.js';
import type { Recorder, StepRecord, StepTimings } from './recorder.js';

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
  /** The optional guard model: a second look at steps the rules did not flag (HEED_GUARD_MODEL). */
  guard?: Guard;
  /** Extra run facts for summary.json (task id, model description …). */
  meta?: Record<string, unknown>;
  /** Stops the run (SIGINT, SIGTERM): it ends at once as `interrupted` (the signal's reason, a Stopped, says why). */
  signal?: AbortSignal;
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
  /** The steps as the policy was told them (display text, for prompts and the judge). */
  history: HistoryItem[];
  /** The typed step records, in order: what scoring and reports read. */
  trajectory: StepRecord[];
  timings: StepTimings[];
  frameBytes: number[];
}
