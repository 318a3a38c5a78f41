// How heed reaches the user: clarification questions and consent requests go through one interface.
import type { Category } from '../policy/actions.js';
import type { Grant } from '../consent/types.js';

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
  screen?: Screen;
}

/** A line of the run's timeline, for channels that show progress. */
export interface StepEvent {
  step: number;
  action: string;
  outcome: string;
  decision?: string;
}

/** allow_once: this step only; always / never: remembered for this app and category; instead: do something else. */
export type ConsentAnswer =
  | { kind: 'allow_once' }
  | { kind: 'always' }
  | { kind: 'deny' }
  | { kind: 'never' }
  | { kind: 'instead'; instruction: string };

export interface UserChannel {
  readonly kind: 'terminal' | 'scripted' | 'simulated' | 'web';
  ask(q: Question): Promise<string>;
  consent(r: ConsentRequest): Promise<ConsentAnswer>;
  /** Progress of the run (optional: the web page shows a timeline). */
  notify?(e: StepEvent): void;
  close?(): Promise<void>;
}

export function describeAnswer(a: ConsentAnswer): string {
  return a.kind === 'instead' ? `instead: ${a.instruction}` : a.kind;
}
