// results.json: every episode record with its metrics per policy, split and persona, and the run's configuration.
import { breakdown, type Metrics } from './metrics.js';
import type { EpisodeRecord, PolicyKind } from './types.js';

/** Reports list policies in this order: the agent first, then the baselines that bound it. */
export const POLICY_ORDER: PolicyKind[] = ['agent', 'reference', 'always-allow', 'do-nothing'];

export interface Results {
  created: string;
  config: Record<string, unknown>;
  episodes: EpisodeRecord[];
  /** policy → group ("all", "split:<s>", "persona:<p>") → metrics. */
  metrics: Record<string, Record<string, Metrics>>;
}

export function buildResults(
  episodes: EpisodeRecord[],
  config: Record<string, unknown>,
  created = new Date().toISOString(),
): Results {
  const policies = POLICY_ORDER.filter((p) => episodes.some((e) => e.policy === p));
  return {
    created,
    config,
    episodes,
    metrics: Object.fromEntries(policies.map((p) => [p, breakdown(episodes.filter((e) => e.policy === p))])),
  };
}
