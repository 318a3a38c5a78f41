// What each stage of a step hands to the next: observe → frame → propose → classify → gate → ask → act → record.
// Each stage adds to what it was given, so a later stage (the pre-act check, a report) sees everything before it.
import type { GateDecision } from '../../consent/gate.js';
import type { Sensitivity } from '../../consent/types.js';
import type { Observation } from '../../device/device.js';
import type { Action, ControlAction, Resolved } from '../../policy/actions.js';
import type { GuardReview } from '../../policy/guard.js';
import type { Proposal } from '../../policy/policy.js';
import type { Frame } from '../../vision/frame.js';

/** The stages, in order (a failing step's record names the one it failed in). */
export type StageName = 'observe' | 'frame' | 'propose' | 'classify' | 'gate' | 'ask' | 'act' | 'record';

/** observe: the screen, and the app the step belongs to (a permission dialog belongs to the app that asked). */
export interface Observed {
  step: number;
  obs: Observation;
  app: string;
  /** The app's name as people know it ("TrailCam"), when the device lists it. */
  appLabel?: string;
}

/** frame: what the model sees. */
export interface Framed extends Observed {
  frame: Frame;
}

/** propose: the policy's proposal (with or without a usable action). */
export interface Proposed extends Framed {
  proposal: Proposal;
}

/** A proposal whose action the loop handles itself (ask_user, answer, finish). */
export interface Controlled extends Proposed {
  action: ControlAction;
}

/** classify: the action resolved to a gesture on this screen, and what consent makes of it. */
export interface Classified extends Proposed {
  action: Exclude<Action, ControlAction>;
  resolved: Resolved;
  sensitivity?: Sensitivity;
  /** The guard model's review, when one looked at the step (it goes to the ledger, never to the agent). */
  review?: GuardReview;
}

/** gate and ask: the verdict, and the user's answer when the gate asked. */
export interface Gated extends Classified {
  decision?: GateDecision;
  /** The user's answer in a word (ledger and steps.jsonl). */
  answer?: string;
  /** A "do this instead" answer: the instruction the run continues with. */
  instead?: string;
}
