// Append-only JSONL record of every consent decision of a run (and of the guard model's reviews), flushed line by line.
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

/** A guard model's review of a step the rules did not flag (HEED_GUARD_MODEL): kept here, never shown to the agent. */
export interface GuardReviewEntry {
  step: number;
  at: string;
  app: string;
  guard: {
    model: string;
    verdict: 'sensitive' | 'clear' | 'error';
    category?: Sensitivity['category'];
    reasoning: string;
  };
}

export class Ledger {
  readonly entries: LedgerEntry[] = [];
  /** Guard reviews, in the same file as lines with a `guard` field (decision lines have none). */
  readonly reviews: GuardReviewEntry[] = [];
  constructor(
    private readonly file?: string,
    /** Redacts the run's secrets from each line (evidence can show a field's text) before it is kept or written. */
    private readonly scrub: <T>(v: T) => T = (v) => v,
  ) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  review(entry: GuardReviewEntry): void {
    const e = this.scrub(entry);
    this.reviews.push(e);
    if (this.file) appendFileSync(this.file, JSON.stringify(e) + '\n');
  }

  append(entry: LedgerEntry): void {
    const e = this.scrub(entry);
    this.entries.push(e);
    if (this.file) appendFileSync(this.file, JSON.stringify(e) + '\n');
  }
}
