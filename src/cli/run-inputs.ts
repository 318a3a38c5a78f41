// `heed run`'s option checks, all before anything boots: values that do not parse, and options that cannot apply
// (capabilities on the simulated phone, model options with no model) are refused rather than silently dropped.
import type { HeedConfig } from '../core/config.js';
import { HeedError } from '../core/errors.js';
import { nearest } from '../core/suggest.js';
import { checkFamily } from '../policy/llm/config.js';
import { USER_KINDS, type UserKind } from '../core/vocab.js';

export interface RunValues {
  user?: string;
  mode?: string;
  'max-steps'?: string;
  device?: string;
  caps?: string;
  model?: string;
  'base-url'?: string;
  family?: string;
  reference?: boolean;
  record?: string;
  replay?: string;
}

export interface RunInputs {
  user?: UserKind;
  mode?: 'personal' | 'knowu';
  maxSteps?: number;
}

/** `--flag must be a, b or c, not 'x'` with the nearest value when one is close. */
export function oneOf(flag: string, value: string, allowed: readonly string[]): HeedError {
  const near = nearest(value, allowed);
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  return new HeedError(`${flag} must be ${list}, not '${value}'${near ? ` — did you mean ${near}?` : ''}`);
}

export function checkRunInputs(values: RunValues, config: HeedConfig): RunInputs {
  const user = values.user as UserKind | undefined;
  if (user && !USER_KINDS.includes(user)) throw oneOf('--user', user, USER_KINDS);
  const mode = values.mode as RunInputs['mode'];
  if (mode && !['personal', 'knowu'].includes(mode)) throw oneOf('--mode', mode, ['personal', 'knowu']);
  const maxSteps = values['max-steps'] === undefined ? undefined : Number(values['max-steps']);
  if (maxSteps !== undefined && !(Number.isInteger(maxSteps) && maxSteps > 0))
    throw new HeedError(`--max-steps must be a positive whole number`);
  const device = values.device ?? config.device;
  if (values.caps && device === 'sim')
    throw new HeedError(
      '--caps applies to --device emulator or an Appium URL; the simulated phone takes no capabilities file',
      'drop --caps, or add --device emulator',
    );
  checkFamily(values.family);
  const model = values.model ?? config.llm.agent.model;
  const playing = values.reference ? '--reference plays' : 'without a model heed plays';
  for (const [flag, file] of [
    ['--replay', values.replay],
    ['--record', values.record],
  ] as const)
    if (file && (!model || values.reference))
      throw new HeedError(
        `${flag} ${file} needs a model: a cassette holds model calls, and ${playing} the task's reference steps`,
        'add --model <name> (the one the cassette was recorded with), or set HEED_AGENT_MODEL',
      );
  for (const [flag, value] of [
    ['--family', values.family],
    ['--base-url', values['base-url']],
  ] as const)
    if (value && (!model || values.reference))
      throw new HeedError(
        `${flag} ${value} applies to a model, and ${playing} the task's reference steps`,
        values.reference ? `drop ${flag}, or --reference` : 'add --model <name>, or set HEED_AGENT_MODEL',
      );
  return { ...(user ? { user } : {}), ...(mode ? { mode } : {}), ...(maxSteps ? { maxSteps } : {}) };
}
