// Model endpoint configuration for the three roles (agent, user simulator, judge). Precedence is always
// option ?? HEED_<ROLE>_* ?? OPENAI_* ?? default. The API key is kept out of every description and log.
import { CONVENTIONS, type Convention } from '../../device/coords.js';
import { HeedError } from '../../core/errors.js';
import { FAMILY_NAMES } from '../families/index.js';

export type Slot = 'agent' | 'user' | 'judge';
export type Structured = 'json_schema' | 'json_object' | 'none';

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
  /** The model family heed speaks (agent slot): --family ?? HEED_AGENT_FAMILY; by model name when unset. */
  family?: string;
  /** USD per million tokens, for cost accounting; 0 when unknown. */
  pricing: { input: number; output: number };
}

export type LlmOptions = Partial<Omit<LlmConfig, 'slot'>>;

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

function num(v: string | undefined): number | undefined {
  return v === undefined || v === '' ? undefined : Number(v);
}

/** The configuration for a slot, or undefined when no model is configured for it. */
export function resolveLlmConfig(
  slot: Slot,
  opts: LlmOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): LlmConfig | undefined {
  const S = `HEED_${slot.toUpperCase()}_`;
  const pick = (key: string) => env[S + key] ?? env[`OPENAI_${key}`];
  const model = opts.model ?? env[`${S}MODEL`] ?? (slot === 'agent' ? env.OPENAI_MODEL : undefined) ?? env.HEED_MODEL;
  if (!model) return undefined;
  const coords = (opts.coords ?? env[`${S}COORDS`] ?? conventionFor(model)) as Convention;
  if (!CONVENTIONS.includes(coords)) throw new Error(`${S}COORDS must be ${CONVENTIONS.join(', ')}, not '${coords}'`);
  const family = opts.family ?? (env[`${S}FAMILY`] || undefined);
  if (family !== undefined && !FAMILY_NAMES.includes(family))
    throw new HeedError(`${S}FAMILY (or --family) must be one of ${FAMILY_NAMES.join(', ')}, not '${family}'`);
  const structured = (opts.structured ?? env[`${S}STRUCTURED`] ?? 'json_schema') as Structured;
  return {
    slot,
    model,
    baseURL: opts.baseURL ?? pick('BASE_URL') ?? 'https://api.openai.com/v1',
    apiKey: opts.apiKey ?? pick('API_KEY') ?? 'not-needed',
    temperature: opts.temperature ?? num(env[`${S}TEMPERATURE`]) ?? 0,
    maxTokens: opts.maxTokens ?? num(env[`${S}MAX_TOKENS`]) ?? 1024,
    timeoutMs: opts.timeoutMs ?? num(env[`${S}TIMEOUT_MS`]) ?? 60_000,
    maxRetries: opts.maxRetries ?? num(env[`${S}MAX_RETRIES`]) ?? 3,
    backoffMs: opts.backoffMs ?? num(env[`${S}BACKOFF_MS`]) ?? 500,
    structured,
    coords,
    ...(family ? { family } : {}),
    pricing: opts.pricing ?? PRICES.find(([re]) => re.test(model))?.[1] ?? { input: 0, output: 0 },
  };
}

/** For logs and reports: everything but the key. */
export function describeLlm(c: LlmConfig): Record<string, unknown> {
  const { apiKey: _key, ...rest } = c;
  return { ...rest, apiKey: c.apiKey && c.apiKey !== 'not-needed' ? 'set' : 'unset' };
}
