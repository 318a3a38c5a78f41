// heed's configuration from the environment, read once at start-up (by the command line) and passed down: every
// variable heed reads is declared here, with its meaning, its parser and its default, so nothing below the CLI reads
// process.env and the README's table is generated from this list (src/core/env-doc.ts). Precedence everywhere is
// option ?? environment ?? default; this module supplies the last two. A value that does not parse is refused with
// the variable named, never turned into NaN or a silent default.
import { HeedError } from './errors.js';
import {
  appiumLogLevel,
  bool,
  device,
  Expected,
  folders,
  number,
  oneOf,
  text,
  url,
  whole,
  type Spec,
} from './env-values.js';
import { COORD_CONVENTIONS, MODEL_FAMILIES } from './vocab.js';

export type { Spec };

/** A declared variable; with a fallback, its value is never undefined. */
function spec<T>(s: Spec<T> & { fallback: T }): Spec<T> & { fallback: T };
function spec<T>(s: Spec<T>): Spec<T>;
function spec<T>(s: Spec<T>): Spec<T> {
  return s;
}

/** Structured-output modes an endpoint may take (src/policy/llm/client.ts steps down through them). */
export const STRUCTURED_OUTPUTS = ['json_schema', 'json_object', 'none'] as const;
export type Structured = (typeof STRUCTURED_OUTPUTS)[number];

/** The variables of one model role, `HEED_<ROLE>_<KEY>` for ROLE = AGENT, USER, JUDGE, GUARD. */
export const ROLE_VARS = {
  MODEL: spec({ meaning: 'model name for the role', parse: text, shown: 'none (agent: reference steps)' }),
  BASE_URL: spec({ meaning: 'OpenAI-compatible endpoint', parse: url, shown: '`OPENAI_BASE_URL`, else OpenAI' }),
  API_KEY: spec({ meaning: 'API key (never written anywhere)', parse: text, shown: '`OPENAI_API_KEY`' }),
  TEMPERATURE: spec({ meaning: 'sampling temperature', parse: number(0, { max: 2 }), fallback: 0 }),
  MAX_TOKENS: spec({ meaning: 'longest reply, in tokens', parse: whole(1), fallback: 1024 }),
  TIMEOUT_MS: spec({ meaning: 'one request’s timeout, the whole reply included', parse: whole(1), fallback: 60_000 }),
  MAX_RETRIES: spec({ meaning: 'retries after 429 / 5xx / timeouts', parse: whole(0, 20), fallback: 3 }),
  BACKOFF_MS: spec({ meaning: 'first retry’s backoff (doubles each time)', parse: whole(0), fallback: 500 }),
  STRUCTURED: spec({
    meaning: 'structured output: `json_schema`, `json_object` or `none`',
    parse: oneOf(STRUCTURED_OUTPUTS),
    fallback: 'json_schema' as Structured,
    shown: '`json_schema`, stepping down if refused',
  }),
  COORDS: spec({
    meaning: 'how a `json`-family model writes x, y: `pixels`, `norm1000`, `norm999` or `norm1`',
    parse: oneOf(COORD_CONVENTIONS),
    shown: 'Gemini, GLM: 0–1000; others pixels',
  }),
} as const;

export const ROLES = ['agent', 'user', 'judge', 'guard'] as const;
export type Role = (typeof ROLES)[number];

/** Every other variable heed reads, in the order the README lists them. */
export const VARS = {
  HEED_DEVICE: spec({ meaning: '`sim`, `emulator` or an Appium server URL', parse: device, fallback: 'sim' }),
  HEED_PROFILE: spec({ meaning: 'default profile for `heed run`', parse: text, fallback: 'balanced' }),
  HEED_HOME: spec({ meaning: 'where memory lives', parse: text, shown: '`~/.heed`' }),
  HEED_MAX_STEPS: spec({ meaning: 'step budget of a run (a task’s own wins)', parse: whole(1), fallback: 30 }),
  HEED_MAX_SECONDS: spec({
    meaning: 'time budget of a run, in seconds',
    parse: number(0, { above: true }),
    fallback: 600,
  }),
  HEED_MAX_COST_USD: spec({ meaning: 'cost budget of a run, in USD', parse: number(0), shown: 'none' }),
  HEED_FRAME_MAX_SIDE: spec({
    meaning: 'longest side of the model’s image, in pixels',
    parse: whole(64, 8192),
    fallback: 1280,
  }),
  HEED_FRAME_QUALITY: spec({ meaning: 'JPEG quality of the model’s image', parse: whole(1, 100), fallback: 60 }),
  HEED_SET_OF_MARK: spec({ meaning: 'number the interactive elements on the image', parse: bool, fallback: true }),
  HEED_LOGS: spec({
    meaning: '`clean` or `noisy` behaviour logs in `heed eval`',
    parse: oneOf(['clean', 'noisy'] as const),
    fallback: 'clean' as 'clean' | 'noisy',
  }),
  HEED_WEB_PORT: spec({ meaning: 'approval page port', parse: whole(0, 65535), shown: 'a free port' }),
  HEED_WEB_TIMEOUT_S: spec({
    meaning: 'approval page answer timeout (then: deny)',
    parse: number(0, { above: true }),
    fallback: 300,
  }),
  HEED_APPIUM_URL: spec({
    meaning: 'Appium server for `--device emulator`',
    parse: url,
    fallback: 'http://127.0.0.1:4723',
  }),
  HEED_SIM_APPS: spec({
    meaning: 'extra app YAML folders for the simulated phone (`:`-separated; `heed run --sim-apps`)',
    parse: folders,
    shown: 'none',
  }),
  HEED_SIM_APPIUM_URL: spec({
    meaning: 'reuse this Appium server (with the sim driver) instead of starting one',
    parse: url,
  }),
  HEED_APPIUM_PORT: spec({
    meaning: 'port for the embedded Appium server',
    parse: whole(0, 65535),
    shown: 'a free port',
  }),
  HEED_APPIUM_LOG_LEVEL: spec({ meaning: 'Appium’s log level', parse: appiumLogLevel, fallback: 'error' }),
  ANDROID_SERIAL: spec({
    meaning: 'the adb device for `--device emulator`',
    parse: text,
    shown: 'the first booted device',
  }),
  HEED_CHROMIUM: spec({
    meaning: 'Chromium for the browser tests: a binary, or `bundled`',
    parse: text,
    shown: 'system, else the bundled one',
  }),
  HEED_AGENT_FAMILY: spec({
    meaning: 'the agent model’s family: its prompt template, reply grammar and coordinates (`heed reply --help`)',
    parse: oneOf(MODEL_FAMILIES),
    shown: 'by model name, else `json`',
  }),
  HEED_MODEL: spec({ meaning: 'model for every role without its own `HEED_<ROLE>_MODEL`', parse: text }),
  OPENAI_MODEL: spec({ meaning: 'agent model when `HEED_AGENT_MODEL` is unset', parse: text }),
  OPENAI_BASE_URL: spec({ meaning: 'endpoint for every role without its own', parse: url, shown: 'OpenAI' }),
  OPENAI_API_KEY: spec({ meaning: 'API key for every role without its own', parse: text }),
  HEED_BENCH_RUNS: spec({ meaning: 'runs per row in `npm run bench`', parse: whole(1), fallback: 50 }),
  HEED_BENCH_STEPS: spec({ meaning: 'steps of the loop benchmark', parse: whole(1), fallback: 60 }),
  HEED_BENCH_SPLIT: spec({
    meaning: 'split whose reference episodes the evaluation benchmark runs (1 and 2 phones)',
    parse: oneOf(['general', 'personalized', 'proactive', 'privacy'] as const),
    fallback: 'privacy' as 'general' | 'personalized' | 'proactive' | 'privacy',
  }),
} as const;

type Value<S> = S extends Spec<infer T> ? T : never;

/** One role's settings from the environment; unset ones are undefined (the role's defaults are in ROLE_VARS). */
export type RoleEnv = { [K in keyof typeof ROLE_VARS as CamelKey<K & string>]?: Value<(typeof ROLE_VARS)[K]> } & {
  /** Agent only: HEED_AGENT_FAMILY. */
  family?: Value<typeof VARS.HEED_AGENT_FAMILY>;
};
type CamelKey<K extends string> = K extends 'BASE_URL' ? 'baseURL' : Lower<K>;
type Lower<K extends string> = K extends `${infer A}_${infer B}`
  ? `${Lowercase<A>}${Capitalize<Lower<B>>}`
  : Lowercase<K>;

export interface HeedConfig {
  device: string;
  profile: string;
  /** Unset: the caller's default (~/.heed). */
  home?: string;
  budgets: { maxSteps: number; maxSeconds: number; maxCostUsd?: number };
  /** What HEED_FRAME_* set (unset: the model family's frame, else frameDefaults). */
  frame: { maxSide?: number; quality?: number; setOfMark?: boolean };
  frameDefaults: { maxSide: number; quality: number; setOfMark: boolean };
  logs: 'clean' | 'noisy';
  web: { port?: number; timeoutS: number };
  appium: { url: string; simUrl?: string; port?: number; logLevel: string };
  /** Extra folders of app YAML for the simulated phone. */
  simApps: string[];
  androidSerial?: string;
  chromium?: string;
  llm: Record<Role, RoleEnv>;
  bench: { runs: number; steps: number; split: Value<typeof VARS.HEED_BENCH_SPLIT> };
}

/** Every variable name heed reads, role variables spelled out. */
export function variableNames(): string[] {
  return [...Object.keys(VARS), ...ROLES.flatMap((r) => Object.keys(ROLE_VARS).map((k) => roleVar(r, k)))];
}

export const roleVar = (role: Role, key: string): string => `HEED_${role.toUpperCase()}_${key}`;

/**
 * The configuration from `env` (process.env at the command line). Every variable that is set is parsed; all that do
 * not parse are named in one error. Empty values count as unset.
 */
export function loadConfig(env: Record<string, string | undefined>): HeedConfig {
  const problems: string[] = [];
  const read = <T>(name: string, s: Spec<T>): T | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    try {
      return s.parse(raw);
    } catch (e) {
      if (!(e instanceof Expected)) throw e;
      // Some variables are read twice (a setting and its default; OPENAI_* for every model slot): say each once.
      const problem = `${name} must be ${e.message}, not '${raw}'`;
      if (!problems.includes(problem)) problems.push(problem);
      return undefined;
    }
  };
  const v = <K extends keyof typeof VARS>(k: K): Value<(typeof VARS)[K]> | undefined =>
    read(k, VARS[k] as Spec<Value<(typeof VARS)[K]>>);
  const d = <K extends keyof typeof VARS>(k: K): Value<(typeof VARS)[K]> =>
    (v(k) ?? (VARS[k] as Spec).fallback) as Value<(typeof VARS)[K]>;

  const role = (r: Role): RoleEnv => {
    const get = <K extends keyof typeof ROLE_VARS>(k: K) =>
      read(roleVar(r, k), ROLE_VARS[k] as Spec<Value<(typeof ROLE_VARS)[K]>>);
    const out: RoleEnv = {
      model: get('MODEL') ?? (r === 'agent' ? v('OPENAI_MODEL') : undefined) ?? v('HEED_MODEL'),
      baseURL: get('BASE_URL') ?? v('OPENAI_BASE_URL'),
      apiKey: get('API_KEY') ?? v('OPENAI_API_KEY'),
      temperature: get('TEMPERATURE'),
      maxTokens: get('MAX_TOKENS'),
      timeoutMs: get('TIMEOUT_MS'),
      maxRetries: get('MAX_RETRIES'),
      backoffMs: get('BACKOFF_MS'),
      structured: get('STRUCTURED'),
      coords: get('COORDS'),
      family: r === 'agent' ? v('HEED_AGENT_FAMILY') : undefined,
    };
    return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined)) as RoleEnv;
  };

  const config: HeedConfig = {
    device: d('HEED_DEVICE'),
    profile: d('HEED_PROFILE'),
    home: v('HEED_HOME'),
    budgets: { maxSteps: d('HEED_MAX_STEPS'), maxSeconds: d('HEED_MAX_SECONDS'), maxCostUsd: v('HEED_MAX_COST_USD') },
    frame: Object.fromEntries(
      Object.entries({
        maxSide: v('HEED_FRAME_MAX_SIDE'),
        quality: v('HEED_FRAME_QUALITY'),
        setOfMark: v('HEED_SET_OF_MARK'),
      }).filter(([, x]) => x !== undefined),
    ),
    frameDefaults: {
      maxSide: d('HEED_FRAME_MAX_SIDE'),
      quality: d('HEED_FRAME_QUALITY'),
      setOfMark: d('HEED_SET_OF_MARK'),
    },
    logs: d('HEED_LOGS'),
    web: { port: v('HEED_WEB_PORT'), timeoutS: d('HEED_WEB_TIMEOUT_S') },
    appium: {
      url: d('HEED_APPIUM_URL'),
      simUrl: v('HEED_SIM_APPIUM_URL'),
      port: v('HEED_APPIUM_PORT'),
      logLevel: d('HEED_APPIUM_LOG_LEVEL'),
    },
    simApps: v('HEED_SIM_APPS') ?? [],
    androidSerial: v('ANDROID_SERIAL'),
    chromium: v('HEED_CHROMIUM'),
    llm: { agent: role('agent'), user: role('user'), judge: role('judge'), guard: role('guard') },
    bench: { runs: d('HEED_BENCH_RUNS'), steps: d('HEED_BENCH_STEPS'), split: d('HEED_BENCH_SPLIT') },
  };
  if (problems.length)
    throw new HeedError(
      problems.length === 1 ? problems[0]! : `Invalid environment:\n  ${problems.join('\n  ')}`,
      'fix or unset the variable (the README lists every variable and its values)',
    );
  return config;
}

/** The configuration with nothing set: every default. For library use and tests. */
export const DEFAULT_CONFIG: HeedConfig = loadConfig({});
