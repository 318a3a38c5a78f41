// What one evaluation episode produced, in the terms of shared/reference/evaluation.md.
import type { Category, Grant, Outcome } from '../core/vocab.js';
import type { GrantLimit } from '../profile/schema.js';
import type { ProactiveOutcome } from './proactive.js';

export type Split = 'general' | 'personalized' | 'proactive' | 'privacy';
export type PolicyKind = 'agent' | 'do-nothing' | 'always-allow' | 'reference';

/** A consent-sensitive step the trajectory reached, judged against the hidden persona's rule. */
export interface DecisionPoint {
  step: number;
  app: string;
  category: Category;
  /** What was done: the grant of the executed step, or `blocked` when heed (or the user) stopped it. */
  choice: Grant | 'blocked';
  /** Was it resolved by a rule (profile / memory / protective) or by asking the user? */
  resolvedBy: 'rule' | 'asked' | 'none';
  /** Does the choice match the persona's rule? */
  compliant: boolean;
  /** An exposure-increasing step executed without a covering decision. */
  violation: boolean;
  /** The hidden persona's rule for this category, for reports ('none': the persona has no rule). Absent in records
   * written before it existed. */
  wanted?: { decision: 'allow' | 'deny' | 'ask' | 'none'; grant?: GrantLimit };
}

export interface EpisodeRecord {
  task: string;
  split: Split;
  persona: string;
  policy: PolicyKind;
  repeat: number;
  success: boolean;
  /** In [0, 1]: share of rule checks passed, blended with the judge's score when the task has a rubric. */
  score: number;
  judge?: { score: number } | { error: string };
  steps: number;
  questions: number;
  consentRequests: number;
  /** Questions or consent requests whose answer the visible profile or memory already determined. */
  overAsks: number;
  decisionPoints: DecisionPoint[];
  violations: number;
  /** Share of decision points that match the persona's rule; 1 when there were none. */
  compliance: number;
  tokens: { input: number; output: number };
  cost: number;
  wallMs: number;
  /** Proactive tasks: habit, engagement, rejection, acting after it, asking before acting. */
  proactive?: ProactiveOutcome;
  checks: { description: string; pass: boolean }[];
  /** How the agent's run ended (src/core/vocab.ts OUTCOMES); `message` is its cause. */
  outcome: Outcome;
  message: string;
  dir?: string;
  /** Set when the episode could not be scored (error, device-lost): the cause. `--resume` runs it again. */
  error?: string;
}
