// The run directory: steps.jsonl (one line per step, flushed as it happens), frames/ as image files, ledger.jsonl,
// summary.json. Reports read these files; nothing in them may carry an API key.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeedError } from '../core/errors.js';
import { fsReason, writableDir } from '../core/files.js';
import type { GateDecision } from '../consent/gate.js';
import type { Sensitivity } from '../consent/types.js';
import type { Outcome, StepStatus } from '../core/vocab.js';
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
  /** Further actions the reply had, described: recorded, never executed. */
  ignored?: string[];
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
  /** That app's name as people know it ("TrailCam"), when the device lists it. */
  appLabel?: string;
  frame: string;
  frameBytes: number;
  /** The frame's size in pixels (what box and point are measured in). */
  frameSize?: { width: number; height: number };
  /** The proposed action; absent when no usable one came. */
  action?: Action;
  /** The element the action touched: its index, what it says, and its box in the frame [left, top, right, bottom]. */
  target?: { index: number; label: string; box?: [number, number, number, number] };
  /** Where the finger landed in the frame, for an action given by coordinates. */
  point?: { x: number; y: number };
  proposal: ProposalSummary;
  sensitivity?: Sensitivity;
  decision?: GateDecision;
  /** The user's consent answer in a word, when the gate asked. */
  answer?: string;
  /** The user's reply to an ask_user question. */
  reply?: string;
  /** Why the action could not be done (status `failed`). */
  problem?: string;
  /** How the run ended during this step (status `error`): the stage, the outcome and its cause. */
  error?: { stage: string; outcome: Outcome; message: string; stack?: string };
  /** What the step came to: scoring and reports read this. */
  status: StepStatus;
  /** The same, for people ("done", "blocked", "asked; answer: …"). */
  outcome: string;
  timings: StepTimings;
}

export interface RecorderOptions {
  /** Called after every step line and after the summary are written (the run's report.html re-renders from them). */
  afterWrite?: (dir: string) => void;
}

export class Recorder {
  readonly dir: string;

  constructor(
    dir: string,
    private readonly o: RecorderOptions = {},
  ) {
    this.dir = dir;
    writableDir(join(dir, 'frames'), 'the run directory', 'give --out a folder you can write to');
  }

  /** Every write names the file and what to do; a full disk or a removed folder is not a raw stack. */
  private write(file: string, w: () => void): void {
    try {
      w();
    } catch (e) {
      throw new HeedError(`Cannot write ${file}: ${fsReason(e)}`, 'check the disk and the run directory (--out)');
    }
  }

  get ledgerFile(): string {
    return join(this.dir, 'ledger.jsonl');
  }

  frame(step: number, jpeg: Buffer): string {
    const name = `frames/step-${String(step).padStart(3, '0')}.jpg`;
    this.write(join(this.dir, name), () => writeFileSync(join(this.dir, name), jpeg));
    return name;
  }

  step(r: StepRecord): void {
    const file = join(this.dir, 'steps.jsonl');
    this.write(file, () => appendFileSync(file, JSON.stringify(r) + '\n'));
    this.o.afterWrite?.(this.dir);
  }

  summary(s: Record<string, unknown>): void {
    const file = join(this.dir, 'summary.json');
    this.write(file, () => writeFileSync(file, JSON.stringify(s, null, 2) + '\n'));
    this.o.afterWrite?.(this.dir);
  }

  /** Add what is known only after the run (the checks on device state) to summary.json. */
  amendSummary(extra: Record<string, unknown>): void {
    const file = join(this.dir, 'summary.json');
    const was = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    this.summary({ ...was, ...extra });
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
