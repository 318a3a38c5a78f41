// A suite is a task file or a folder of them. Loading checks what a single task cannot: ids are unique (episode
// folders and resume are keyed by id) and the tasks can run on the devices at hand.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HeedError } from '../core/errors.js';
import { nearest } from '../core/suggest.js';
import { loadTask, type Task } from './task.js';

function taskFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) =>
      d.isDirectory()
        ? // Profiles are YAML too, but not tasks.
          d.name === 'profiles'
          ? []
          : taskFiles(join(path, d.name))
        : d.name.endsWith('.yaml')
          ? [join(path, d.name)]
          : [],
    );
}

export interface Suite {
  tasks: Task[];
  /** Tasks left out because they need another kind of device, and why. */
  skipped: { id: string; why: string }[];
}

export interface SuiteFilter {
  splits?: string[];
  personas?: string[];
  /** The devices the run has: the simulated phone or real Android (emulators, phones). */
  device: Task['device'];
}

export function loadSuite(path: string, f: SuiteFilter): Suite {
  if (!existsSync(path)) throw new HeedError(`No such suite: ${path}`, 'give a task YAML file or a folder of them');
  const seen = new Map<string, string>();
  const tasks: Task[] = [];
  const skipped: Suite['skipped'] = [];
  const seenSplits = new Set<string>();
  const seenPersonas = new Set<string>();
  for (const file of taskFiles(path)) {
    const t = loadTask(file);
    seenSplits.add(t.split);
    for (const p of t.personas) seenPersonas.add(p);
    const first = seen.get(t.id);
    if (first) throw new HeedError(`Task id '${t.id}' is used by ${first} and ${file}`, 'give each task its own id');
    seen.set(t.id, file);
    if (f.splits && !f.splits.includes(t.split)) continue;
    if (t.device !== f.device) {
      skipped.push({
        id: t.id,
        why: t.device === 'android' ? 'needs a real Android device (--appium)' : "uses heed's simulated apps",
      });
      continue;
    }
    const personas = f.personas ? t.personas.filter((p) => f.personas!.includes(p)) : t.personas;
    if (personas.length) tasks.push({ ...t, personas });
  }
  // A split or persona no task has is a typo, not an empty selection.
  for (const [flag, what, asked, seen] of [
    ['--split', 'split', f.splits, seenSplits],
    ['--personas', 'persona', f.personas, seenPersonas],
  ] as const)
    for (const v of asked ?? [])
      if (!seen.has(v)) {
        const near = nearest(v, [...seen]);
        throw new HeedError(
          `${flag} ${v}: no task in ${path} has this ${what}${near ? ` — did you mean ${near}?` : ''}`,
          `${what === 'split' ? 'splits' : 'personas'} there: ${[...seen].sort().join(', ')}`,
        );
      }
  return { tasks, skipped };
}
