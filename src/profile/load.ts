// Profiles come from a file path or a name in tasks/profiles. Errors name the file and the field.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { HeedError } from '../core/errors.js';
import { nearest } from '../core/suggest.js';
import { LIMITS, readLimited } from '../core/files.js';
import { ROOT } from '../core/paths.js';
import { Profile } from './schema.js';

export const PROFILES_DIR = join(ROOT, 'tasks', 'profiles');

export function parseProfile(text: string, file: string): Profile {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (e) {
    throw new HeedError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = Profile.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new HeedError(
      `${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
      'see tasks/profiles/*.yaml for examples',
    );
  }
  return r.data;
}

export function profileNames(): string[] {
  return readdirSync(PROFILES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** A file path, or the name of a bundled profile (privacy-first, utility-first, …). */
export function loadProfile(nameOrPath: string): Profile {
  const file = existsSync(nameOrPath) ? nameOrPath : join(PROFILES_DIR, `${nameOrPath}.yaml`);
  if (!existsSync(file)) {
    const near = nearest(nameOrPath, profileNames());
    throw new HeedError(
      `No profile '${nameOrPath}'${near ? ` — did you mean ${near}?` : ''}`,
      `give a YAML file or one of: ${profileNames().join(', ')}`,
    );
  }
  return parseProfile(readLimited(file, 'profile', LIMITS.profile), file);
}
