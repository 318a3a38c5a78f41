// The run directory: steps.jsonl (one line per step, flushed as it happens), frames/ as image files, ledger.jsonl,
// summary.json. Reports read these files; nothing in them may carry an API key.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GateDecision } from '../consent/gate.js';
import type { Sensitivity } from '../consent/types.js';
import type { StepStatus } from '../core/vocab.js';
import type { Action } from '../policy/actions.js';

export interface StepTimings {
  observe: number;
  frame: number;
  propose: number;
  gate: number;
  act: number;
  record: number;
}

/** What the proposal cost and why it failed, if it did. */
export interface ProposalSummary {
  attempts: number;
  error?: string;
  raw?: string[];
  usage: { input: number; output: number };
  latencyMs: number;
  cost: number;
}

/** One line of steps.jsonl: the typed record metrics and reports read. */
export interface StepRecord {
  step: number;
  at: string;
  package: string;
  activity: string;
  /** The app the step belongs to (a permission dialog belongs to the app that asked). */
  app: string;
  frame: string;
  frameBytes: number;
  /** The proposed action; absent when no usable one came. */
  action?: Action;
  /** The element the action touched: its index and what it says. */
  target?: { index: number; label: string };
  proposal: ProposalSummary;
  sensitivity?: Sensitivity;
  decision?: GateDecision;
  /** The user's consent answer in a word, when the gate asked. */
  answer?: string;
  /** The user's reply to an ask_user question. */
  reply?: string;
  /** What the step came to: scoring and reports read this. */
  status: StepStatus;
  /** Why a step was not done as proposed (the screen changed before the act, the gesture was refused). */
  note?: string;
  /** The same, for people ("done", "blocked", "asked; answer: …"). */
  outcome: string;
  timings: StepTimings;
}

export class Recorder {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(join(dir, 'frames'), { recursive: true });
  }

  get ledgerFile(): string {
    return join(this.dir, 'ledger.jsonl');
  }

  frame(step: number, jpeg: Buffer): string {
    const name = `frames/step-${String(step).padStart(3, '0')}.jpg`;
    writeFileSync(join(this.dir, name), jpeg);
    return name;
  }

  step(r: StepRecord): void {
    appendFileSync(join(this.dir, 'steps.jsonl'), JSON.stringify(r) + '\n');
  }

  summary(s: unknown): void {
    writeFileSync(join(this.dir, 'summary.json'), JSON.stringify(s, null, 2) + '\n');
  }
}

/** runs/<UTC time>-<slug of the instruction> */
export function runDirName(instruction: string, at = new Date()): string {
  const slug =
    instruction
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'run';
  return `${at.toISOString().replace(/[:.]/g, '-').slice(0, 19)}-${slug}`;
}
