// A model family: how heed talks to one kind of GUI model in the model's own template, reads the model's own
// grammar, and which coordinate regime its points are in. Every family produces heed's actions (actions.ts stays the
// one action schema); none has a way to approve anything — asking and handing over become heed's ask_user.
import type { Regime } from '../../device/coords.js';
import type { FrameOptions } from '../../vision/frame.js';
import type { Action } from '../actions.js';
import type { Message } from '../llm/client.js';
import type { StepContext } from '../policy.js';

/** A reply heed cannot act on; the message goes back to the model in the family's own wording. */
export class ReplyError extends Error {}

/** One earlier step of this run, for families whose template replays history. */
export interface PastStep {
  step: number;
  /** The frame the model saw then, as a data URL, and the app that was in front. */
  image: string;
  package: string;
  /** The model's reply heed acted on (the last attempt of that step). */
  reply: string;
  /** The reasoning the reply carried, if any. */
  thought?: string;
  /** What heed made of it, e.g. `tap x=120 y=340` (image pixels); undefined when the reply was unusable. */
  action?: string;
  /** What happened: done, blocked and why, the user's answer. */
  outcome: string;
}

export interface FamilyInput extends StepContext {
  /** This step's frame as a data URL, and its size (the resolution the prompt states where the template asks). */
  image: string;
  /** Earlier steps of this run, oldest first. */
  past: PastStep[];
  /** Today, for templates that state the date. */
  now: Date;
}

/** What a reply says, in the model's own coordinates (the regime's space). */
export interface Reading {
  actions: Action[];
  thought?: string;
}

export interface Family {
  /** The --family / HEED_AGENT_FAMILY value. */
  name: string;
  /** Who makes it and which models it is for (README table, `heed reply --help`). */
  title: string;
  /** Model names that select this family by themselves (matched case-insensitively, anywhere in the name). */
  models?: RegExp;
  /** How the model's x, y are meant. */
  regime: Regime;
  /** The image the model is trained to see (size rule, set-of-mark): the frame stage makes exactly this. */
  frame: FrameOptions;
  /** Ask the endpoint for heed's JSON schema as structured output (only heed's own JSON family). */
  structured?: boolean;
  messages(input: FamilyInput): Message[];
  /** Read a reply; throws ReplyError (with a message for the model) when no action can be taken from it. */
  read(text: string): Reading;
  /** The family's own words for "that reply could not be used, answer again". */
  reask(error: string): string;
}
