// Append-only JSONL record of every consent decision of a run (and of the guard model's reviews), flushed line by line.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DecisionSource, Verdict } from '../core/vocab.js';
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
  constructor(private readonly file?: string) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  review(e: GuardReviewEntry): void {
    this.reviews.push(e);
    if (this.file) appendFileSync(this.file, JSON.stringify(e) + '\n');
  }

  append(e: LedgerEntry): void {
    this.entries.push(e);
    if (this.file) appendFileSync(this.file, JSON.stringify(e) + '\n');
  }
}
