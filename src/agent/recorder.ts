// The run directory: steps.jsonl (one line per step, flushed as it happens), frames/ as image files, ledger.jsonl,
// summary.json. Reports read these files; nothing in them may carry an API key.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StepTimings {
  observe: number;
  frame: number;
  propose: number;
  gate: number;
  act: number;
  record: number;
}

export interface StepRecord {
  step: number;
  at: string;
  package: string;
  activity: string;
  frame: string;
  frameBytes: number;
  action?: unknown;
  /** The element the action touched: its index and what it says. */
  target?: { index: number; label: string };
  proposal: {
    attempts: number;
    error?: string;
    raw?: string[];
    usage: { input: number; output: number };
    latencyMs: number;
    cost: number;
  };
  sensitivity?: unknown;
  decision?: unknown;
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
    this.o.afterWrite?.(this.dir);
  }

  summary(s: unknown): void {
    writeFileSync(join(this.dir, 'summary.json'), JSON.stringify(s, null, 2) + '\n');
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
