// How heed reaches the user: clarification questions and consent requests go through one interface.
import type { Category, ConsentAnswer, Grant, UserKind } from '../core/vocab.js';

/** The screen as the model saw it, with what the agent is about to touch (image pixels), for channels that show it. */
export interface Screen {
  jpeg: Buffer;
  width: number;
  height: number;
  box?: [number, number, number, number];
  point?: { x: number; y: number };
}

export interface Question {
  question: string;
  options?: string[];
  screen?: Screen;
}

export interface ConsentRequest {
  app: string;
  category: Category;
  grant: Grant;
  irreversible: boolean;
  /** What heed is about to do, in words (`tap [14] "While using the app"`). */
  action: string;
  /** What the element it would touch says ("While using the app"). */
  label?: string;
  evidence: string;
  /** Why heed asks (the gate's reason). */
  reason: string;
  /** The app's name as people know it ("TrailCam"), when heed knows it. */
  appLabel?: string;
  /** The request in the user's words (src/consent/explain.ts): what the tap grants, for how long, the default. */
  explanation?: ConsentWords;
  screen?: Screen;
}

export interface ConsentWords {
  what: string;
  lasts: string;
  narrower?: string;
  defaultText: string;
  /** The tap grants something that outlives the step (While using the app): "yes" is not "only this time". */
  lasting?: boolean;
}

/** A line of the run's timeline, for channels that show progress. */
export interface StepEvent {
  step: number;
  action: string;
  outcome: string;
  decision?: string;
}

/** Which run a request belongs to, when one channel answers for many (heed eval --user web). */
export interface EpisodeContext {
  /** Unique per eval: the episode's folder name. */
  id: string;
  task: string;
  persona: string;
  policy: string;
}

/** How a run (or an eval) ended, for a channel that is still showing it. */
export interface RunEnd {
  outcome: string;
  message: string;
  checks?: { description: string; pass: boolean }[];
}

export interface UserChannel {
  readonly kind: UserKind;
  ask(q: Question): Promise<string>;
  consent(r: ConsentRequest): Promise<ConsentAnswer>;
  /** Progress of the run (optional: the web page shows a timeline). */
  notify?(e: StepEvent): void;
  /** The run is over: how it ended (the web page shows it instead of going silent). */
  end?(e: RunEnd): void;
  /** The same person answering for one episode of many: requests and progress are labelled with it. */
  forEpisode?(c: EpisodeContext): UserChannel;
  close?(): Promise<void>;
}

export { describeAnswer } from '../core/vocab.js';
