// Model endpoint configuration for the three roles (agent, user simulator, judge). Precedence is always
// option ?? HEED_<ROLE>_* ?? OPENAI_* ?? default; the environment is read and checked once, by src/core/config.ts. The API key is kept out of every description and log.
import { ROLE_VARS, type Role, type RoleEnv, type Structured } from '../../core/config.js';
import { HeedError } from '../../core/errors.js';
import { nearest } from '../../core/suggest.js';
import { MODEL_FAMILIES, type ModelFamily } from '../../core/vocab.js';
import type { Convention } from '../../device/coords.js';

export type Slot = Role;
export type { Structured };

export interface LlmConfig {
  slot: Slot;
  model: string;
  baseURL: string;
  apiKey: string;
  temperature: number;
  maxTokens: number;
  timeoutMs: number;
  /** Retries after 429 / 5xx / timeouts, with exponential backoff from backoffMs. */
  maxRetries: number;
  backoffMs: number;
  structured: Structured;
  /** Coordinates of heed's JSON family; native families have their own regime. */
  coords: Convention;
  /** The model family heed speaks (agent role): --family ?? HEED_AGENT_FAMILY; by model name when unset. */
  family?: ModelFamily;
  /** USD per million tokens, for cost accounting; 0 when unknown. */
  pricing: { input: number; output: number };
}

export type LlmOptions = Partial<Omit<LlmConfig, 'slot' | 'family'>> & { family?: string };

/** Coordinate convention by model family: UI-TARS, Gemini and GLM speak 0–1000; others the image's pixels. */
export function conventionFor(model: string): Convention {
  if (/ui-?tars|gemini|glm|cogagent/i.test(model)) return 'norm1000';
  return 'pixels';
}

/** Known list prices (USD per 1M tokens); anything else costs 0 unless configured. */
const PRICES: [RegExp, { input: number; output: number }][] = [
  [/^gpt-4o-mini/, { input: 0.15, output: 0.6 }],
  [/^gpt-4o/, { input: 2.5, output: 10 }],
  [/^gpt-4\.1-mini/, { input: 0.4, output: 1.6 }],
  [/^gpt-4\.1/, { input: 2, output: 8 }],
];

/**
 * The configuration for a role, or undefined when no model is configured for it: option ?? environment (`env`, the
 * role's part of src/core/config.ts, already validated) ?? default.
 */
/** A `--family` value: one of MODEL_FAMILIES, or an error naming the nearest. */
export function checkFamily(family: string | undefined): ModelFamily | undefined {
  if (family === undefined || (MODEL_FAMILIES as readonly string[]).includes(family))
    return family as ModelFamily | undefined;
  const near = nearest(family, MODEL_FAMILIES);
  throw new HeedError(
    `--family must be one of ${MODEL_FAMILIES.join(', ')}, not '${family}'${near ? ` — did you mean ${near}?` : ''}`,
  );
}

export function resolveLlmConfig(slot: Slot, opts: LlmOptions = {}, env: RoleEnv = {}): LlmConfig | undefined {
  // The environment's family is checked by src/core/config.ts; an option is checked here, with or without a model.
  const family = checkFamily(opts.family ?? env.family);
  const model = opts.model ?? env.model;
  if (!model) return undefined;
  const d = ROLE_VARS;
  return {
    slot,
    model,
    baseURL: opts.baseURL ?? env.baseURL ?? 'https://api.openai.com/v1',
    apiKey: opts.apiKey ?? env.apiKey ?? 'not-needed',
    temperature: opts.temperature ?? env.temperature ?? d.TEMPERATURE.fallback,
    maxTokens: opts.maxTokens ?? env.maxTokens ?? d.MAX_TOKENS.fallback,
    timeoutMs: opts.timeoutMs ?? env.timeoutMs ?? d.TIMEOUT_MS.fallback,
    maxRetries: opts.maxRetries ?? env.maxRetries ?? d.MAX_RETRIES.fallback,
    backoffMs: opts.backoffMs ?? env.backoffMs ?? d.BACKOFF_MS.fallback,
    structured: opts.structured ?? env.structured ?? d.STRUCTURED.fallback,
    coords: opts.coords ?? env.coords ?? conventionFor(model),
    ...(family ? { family } : {}),
    pricing: opts.pricing ?? PRICES.find(([re]) => re.test(model))?.[1] ?? { input: 0, output: 0 },
  };
}

/** For logs and reports: everything but the key. */
export function describeLlm(c: LlmConfig): Record<string, unknown> {
  const { apiKey: _key, ...rest } = c;
  return { ...rest, apiKey: c.apiKey && c.apiKey !== 'not-needed' ? 'set' : 'unset' };
}
