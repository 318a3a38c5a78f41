// `heed memory`: what heed learned from the user's answers ("always", "never"), per profile, to list and undo.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import { HeedError } from '../core/errors.js';
import { nearest } from '../core/suggest.js';
import { CATEGORIES, type Category } from '../core/vocab.js';
import { heedHome } from '../agent/session.js';
import { describeEntry, Memory, type MemoryEntry } from '../profile/memory.js';

export const MEMORY_HELP = `Usage: heed memory list [--profile <id>] [--history] [--json]
       heed memory forget <rule id | category> [--app <package>] --profile <id>
       heed memory clear --profile <id>

What heed remembered from your answers ("always", "never"), kept per profile in $HEED_HOME/memory/<profile>.json
(default ~/.heed). A rule in force decides the next consent request of its kind without asking.

  list       the rules in force (of every profile, or of --profile); --history adds replaced ones
  forget     forget one rule by its id (as list shows it), or every rule for a category (location, camera, …),
             in every app or in --app; the next request of that kind asks again
  clear      forget everything remembered for the profile, history included

Options:
  --profile <id>   the profile whose memory to read or change
  --app <package>  with forget <category>: only the rule for this app
  --history        with list: replaced rules too
  --json           with list: { "<profile>": [ { "id", "decision", "category", "app", "provenance", "at", … } ] }
  -h, --help       this text`;

function fileOf(config: HeedConfig, profile: string): string {
  if (!/^[\w.-]+$/.test(profile)) throw new HeedError(`--profile ${profile}: not a profile id`);
  return join(heedHome(config), 'memory', `${profile}.json`);
}

const line = (e: MemoryEntry) =>
  `  ${String(e.id).padStart(3)}  ${describeEntry(e)}  · ${e.provenance}, ${e.at.slice(0, 16).replace('T', ' ')}${e.supersededBy ? ` · replaced by ${e.supersededBy}` : ''}`;

export async function memoryCommand(
  argv: string[],
  out: (s: string) => void,
  config: HeedConfig = DEFAULT_CONFIG,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      app: { type: 'string' },
      history: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [verb, ...rest] = positionals;
  if (values.help || !verb) return (out(MEMORY_HELP), values.help ? 0 : 2);
  const dir = join(heedHome(config), 'memory');
  if (verb === 'list') {
    const profiles = values.profile
      ? [values.profile]
      : existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.json'))
            .map((f) => f.slice(0, -5))
            .sort()
        : [];
    const listed = Object.fromEntries(
      profiles.map((p) => {
        const m = Memory.open(fileOf(config, p));
        return [p, values.history ? m.history() : m.rules()];
      }),
    );
    if (values.json) return (out(JSON.stringify(listed, null, 2)), 0);
    if (!profiles.length) return (out(`Nothing remembered yet (${dir} has no memory files).`), 0);
    for (const [p, entries] of Object.entries(listed)) {
      const n = entries.length;
      const noun = values.history ? (n === 1 ? 'entry' : 'entries') : n === 1 ? 'rule' : 'rules';
      out(`${p} (${fileOf(config, p)})${n ? `, ${n} ${noun}:` : ': nothing remembered'}`);
      for (const e of entries) out(line(e));
    }
    return 0;
  }
  if (verb !== 'forget' && verb !== 'clear') {
    const near = nearest(verb, ['list', 'forget', 'clear']);
    throw new HeedError(
      `unknown memory command '${verb}'${near ? ` — did you mean ${near}?` : ''}`,
      'list, forget or clear',
    );
  }
  if (!values.profile)
    throw new HeedError(`heed memory ${verb} needs --profile <id>`, 'heed memory list shows the profiles with memory');
  const file = fileOf(config, values.profile);
  if (!existsSync(file)) throw new HeedError(`${values.profile} has no memory (${file} does not exist)`);
  const m = Memory.open(file);
  try {
    return change(m, verb, rest[0], values.profile, values.app, out);
  } catch (e) {
    if (e instanceof HeedError) throw e;
    throw new HeedError(`cannot change ${file}: ${(e as Error).message}`, 'check that HEED_HOME is writable');
  }
}

function change(
  m: Memory,
  verb: 'forget' | 'clear',
  target: string | undefined,
  profile: string,
  app: string | undefined,
  out: (s: string) => void,
): number {
  const file = m.file!;
  if (verb === 'clear') {
    const n = m.clear();
    return (out(`Cleared ${n} ${n === 1 ? 'entry' : 'entries'} from ${file}.`), 0);
  }
  if (!target) throw new HeedError('heed memory forget needs a rule id or a category', 'heed memory list shows them');
  let gone: MemoryEntry[];
  if (/^\d+$/.test(target)) gone = m.forget({ id: Number(target) });
  else {
    if (!(CATEGORIES as readonly string[]).includes(target)) {
      const near = nearest(target, [...CATEGORIES]);
      throw new HeedError(`'${target}' is neither a rule id nor a category${near ? ` — did you mean ${near}?` : ''}`);
    }
    gone = m.forget({ category: target as Category, ...(app ? { app } : {}) });
  }
  if (!gone.length)
    throw new HeedError(`no rule in force matches '${target}' for ${profile}`, 'heed memory list --profile ' + profile);
  for (const e of gone) out(`forgot: ${describeEntry(e)} (rule ${e.id}); heed will ask again`);
  return 0;
}
