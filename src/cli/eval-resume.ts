// `heed eval --resume <dir>`: the options an evaluation ran with are saved in its folder (eval.json), so a resume
// needs nothing else. An option given again must agree with the saved one; a folder that is not an evaluation's is
// refused before anything is written. Which episodes run again is the runner's rule (src/eval/runner.ts RERUN).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HeedError } from '../core/errors.js';

/** The options that decide which episodes exist and how they are scored: a resume cannot change them. */
const DEFINING = [
  'suite',
  'split',
  'personas',
  'model',
  'family',
  'user-model',
  'judge-model',
  'guard-model',
  'baselines',
  'clear',
  'mode',
  'logs',
  'repeats',
  'task',
  'grep',
  'shard',
] as const;
/** Options of how to run, not what: saved as defaults, free to change on a resume (more phones, another device). */
const RUNTIME = ['devices', 'appium', 'caps'] as const;

export type EvalValues = Partial<Record<(typeof DEFINING)[number] | (typeof RUNTIME)[number], unknown>> &
  Record<string, unknown>;

const FILE = 'eval.json';

interface Saved {
  heed: 'eval';
  version: 1;
  created: string;
  options: EvalValues;
}

/** The options an eval in `dir` was started with, or undefined for a folder from before eval.json existed. */
function readSaved(dir: string): Saved | undefined {
  const file = join(dir, FILE);
  if (!existsSync(file)) {
    if (existsSync(join(dir, 'episodes'))) return undefined;
    throw new HeedError(
      `${dir} is not an evaluation folder (it has no ${FILE} and no episodes/)`,
      'give --resume the output folder of an earlier heed eval',
    );
  }
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    if (saved?.heed !== 'eval' || typeof saved.options !== 'object') throw new Error('not an eval.json heed wrote');
    return saved;
  } catch (e) {
    throw new HeedError(`${file} cannot be used: ${(e as Error).message}`, 'start a new evaluation with --out');
  }
}

const same = (k: string, a: unknown, b: unknown) =>
  k === 'suite' ? resolve(String(a)) === resolve(String(b)) : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The options for this run: as given, or — with --resume — the saved ones, with what was given again checked
 * against them. A folder without eval.json (older heed) resumes with the options given, as before.
 */
export function resumeOptions<V extends EvalValues>(values: V): V {
  const dir = values.resume as string | undefined;
  if (!dir) return values;
  if (values.out !== undefined && resolve(String(values.out)) !== resolve(dir))
    throw new HeedError('--out and --resume name different folders', 'a resumed evaluation writes into its own folder');
  const saved = readSaved(dir);
  if (!saved) return values;
  for (const k of DEFINING)
    if (values[k] !== undefined && !same(k, values[k], saved.options[k]))
      throw new HeedError(
        `--${k} ${JSON.stringify(values[k])} contradicts the saved --${k} ${JSON.stringify(saved.options[k] ?? null)} in ${join(dir, FILE)}`,
        'resume with the options the evaluation started with (or none), or start a new one with --out',
      );
  const merged: EvalValues = { ...values };
  for (const k of [...DEFINING, ...RUNTIME]) merged[k] = values[k] ?? saved.options[k];
  return merged as V;
}

/**
 * Saves what this evaluation is: the defining options as resolved (model names included, whether they came from an
 * option or the environment; never a key or an endpoint) and the runtime ones as defaults for a resume.
 */
export function saveOptions(
  dir: string,
  values: EvalValues,
  models: Record<'agent' | 'user' | 'judge' | 'guard', string | undefined>,
) {
  if (values.resume && existsSync(join(dir, FILE))) return;
  const options: EvalValues = {};
  for (const k of [...DEFINING, ...RUNTIME]) if (values[k] !== undefined) options[k] = values[k];
  options.suite = resolve(String(values.suite));
  if (models.agent) options.model = models.agent;
  if (models.user) options['user-model'] = models.user;
  if (models.judge) options['judge-model'] = models.judge;
  if (models.guard) options['guard-model'] = models.guard;
  const saved: Saved = { heed: 'eval', version: 1, created: new Date().toISOString(), options };
  writeFileSync(join(dir, FILE), JSON.stringify(saved, null, 2) + '\n');
}
