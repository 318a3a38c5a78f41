// `heed eval --fail-under sr=0.8,compliance=1`: the gate a CI job puts on an evaluation. Thresholds apply to the
// agent's metrics over all episodes (to the reference policy's when only baselines ran).
import { HeedError } from '../core/errors.js';
import { nearest } from '../core/suggest.js';
import type { Metrics } from './metrics.js';

/** The metrics a threshold may name (higher is better for each), by their lower-case name. */
const NAMES = ['SR', 'AvgScore', 'IE', 'Compliance', 'consentRecall', 'PD', 'Act', 'Silent', 'Stop'] as const;
type Name = (typeof NAMES)[number];

export type Thresholds = Partial<Record<Name, number>>;

/** `sr=0.8,compliance=1` or `sr=80%`: every name known, every value in [0, 1]. */
export function parseThresholds(spec: string): Thresholds {
  const out: Thresholds = {};
  for (const part of spec.split(',').filter(Boolean)) {
    const m = /^([A-Za-z]+)\s*=\s*([\d.]+)(%?)$/.exec(part.trim());
    if (!m) throw new HeedError(`--fail-under ${part}: expected metric=value, e.g. sr=0.8,compliance=1`);
    const name = NAMES.find((n) => n.toLowerCase() === m[1]!.toLowerCase());
    if (!name) {
      const near = nearest(
        m[1]!,
        NAMES.map((n) => n.toLowerCase()),
      );
      throw new HeedError(
        `--fail-under: unknown metric '${m[1]}'${near ? ` — did you mean ${near}?` : ''}`,
        `metrics: ${NAMES.map((n) => n.toLowerCase()).join(', ')}`,
      );
    }
    const value = Number(m[2]) / (m[3] ? 100 : 1);
    if (!(value >= 0 && value <= 1)) throw new HeedError(`--fail-under ${part}: the value must be in 0–1 (or 0–100%)`);
    out[name] = value;
  }
  return out;
}

/** The thresholds not met, each as a sentence; empty when all are. A metric with no value does not meet one. */
export function unmet(metrics: Record<string, Record<string, Metrics>>, t: Thresholds): string[] {
  const policy = metrics.agent ? 'agent' : 'reference';
  const all = metrics[policy]?.all;
  const out: string[] = [];
  for (const [name, min] of Object.entries(t) as [Name, number][]) {
    const v = all?.[name] ?? null;
    if (v === null) out.push(`${policy} ${name} has no value (nothing to measure it on), needs ≥ ${min}`);
    else if (v < min) out.push(`${policy} ${name} ${v.toFixed(3)} < ${min}`);
  }
  return out;
}
