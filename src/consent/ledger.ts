// Append-only JSONL record of every consent decision of a run, flushed line by line.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnswerSource, DecisionSource, Verdict } from '../core/vocab.js';
import type { Sensitivity } from './types.js';

export interface LedgerEntry {
  step: number;
  at: string;
  app: string;
  category: Sensitivity['category'];
  grant: Sensitivity['grant'];
  irreversible: boolean;
  precision?: Sensitivity['precision'];
  evidence: Sensitivity['evidence'];
  detectedBy: Sensitivity['source'];
  verdict: Verdict;
  source: DecisionSource | 'simulated-user';
  reason: string;
  /** The user's answer when heed asked. */
  answer?: string;
  /** Where that answer came from: the user, the default they took, a timeout, or a channel that closed. */
  answerSource?: AnswerSource;
}

export class Ledger {
  readonly entries: LedgerEntry[] = [];
  constructor(
    private readonly file?: string,
    /** Redacts the run's secrets from each line (evidence can show a field's text) before it is kept or written. */
    private readonly scrub: <T>(v: T) => T = (v) => v,
  ) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  append(entry: LedgerEntry): void {
    const e = this.scrub(entry);
    this.entries.push(e);
    if (this.file) appendFileSync(this.file, JSON.stringify(e) + '\n');
  }
}
