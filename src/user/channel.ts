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
  /** What heed is about to do, in words. */
  action: string;
  evidence: string;
  /** Why heed asks (the gate's reason). */
  reason: string;
  /** The app's name as people know it ("TrailCam"); `app` is its package. */
  appLabel?: string;
  /** In plain words (src/consent/explain.ts): what it grants, for how long, the narrower choice, the default. */
  explanation?: { what: string; lasts: string; narrower?: string; defaultText: string };
  screen?: Screen;
}

/** A line of the run's timeline, for channels that show progress. */
export interface StepEvent {
  step: number;
  action: string;
  outcome: string;
  decision?: string;
}

export interface UserChannel {
  readonly kind: UserKind;
  ask(q: Question): Promise<string>;
  consent(r: ConsentRequest): Promise<ConsentAnswer>;
  /** Progress of the run (optional: the web page shows a timeline). */
  notify?(e: StepEvent): void;
  close?(): Promise<void>;
}

export { describeAnswer } from '../core/vocab.js';
