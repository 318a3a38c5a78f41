// When an evaluation stops early: after --max-failures failed episodes, and after the same error three episodes in
// a row (a dead or refusing endpoint fails every episode the same way; running the rest only burns time).
import type { Outcome } from '../core/vocab.js';
import type { EpisodeRecord } from './types.js';

export const SAME_ERROR_LIMIT = 3;

/** Endings that say nothing about the agent: a scored episode that ended so still counts as an error here. */
const ENVIRONMENT: readonly Outcome[] = ['model-error', 'device-lost', 'error'];

/** The episode's error: an unscored record's, or the cause of a scored one the environment ended. */
function errorOf(rec: EpisodeRecord): string | undefined {
  return rec.error ?? (ENVIRONMENT.includes(rec.outcome) ? `${rec.outcome}: ${rec.message}` : undefined);
}

export interface StopPolicy {
  stopWhen: (rec: EpisodeRecord) => string | undefined;
  /** Why it stopped, once it has. */
  reason?: string;
  /** It stopped on repeated identical errors: the environment, not the agent (exit code 3). */
  environment?: boolean;
}

export function stopPolicy(maxFailures?: number): StopPolicy {
  let failures = 0;
  let lastError: string | undefined;
  let sameErrors = 0;
  const policy: StopPolicy = {
    stopWhen: (rec) => {
      if (!rec.success) failures++;
      const error = errorOf(rec);
      sameErrors = error && error === lastError ? sameErrors + 1 : error ? 1 : 0;
      lastError = error;
      if (sameErrors >= SAME_ERROR_LIMIT) {
        policy.environment = true;
        return (policy.reason = `the same error ${sameErrors} episodes in a row: ${error}`);
      }
      if (maxFailures !== undefined && failures >= maxFailures)
        return (policy.reason = `${failures} failed episode(s) (--max-failures ${maxFailures})`);
      return undefined;
    },
  };
  return policy;
}
