// `heed eval --merge <shard dir>… --out <dir>`: the folders of `--shard i/n` runs (one per CI machine) become one
// evaluation: their episode folders are copied side by side and the reports are built over all of them.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeedError } from '../core/errors.js';
import type { EpisodeRecord } from './types.js';

/** What shards must agree on to be one evaluation. */
const SAME = ['suite', 'clear', 'mode', 'logs', 'repeats', 'policies', 'agent', 'user', 'judge'] as const;

export function mergeShards(
  dirs: string[],
  out: string,
): { episodes: EpisodeRecord[]; config: Record<string, unknown> } {
  if (dirs.length < 1) throw new HeedError('--merge needs the shard folders to merge', 'heed eval --merge a b --out c');
  const configs = dirs.map((d) => {
    const f = join(d, 'results.json');
    if (!existsSync(f))
      throw new HeedError(
        `${d} is not a finished evaluation folder (no results.json)`,
        'finish or --resume that shard first',
      );
    return (JSON.parse(readFileSync(f, 'utf8')) as { config: Record<string, unknown> }).config;
  });
  for (const key of SAME)
    for (let i = 1; i < configs.length; i++)
      if (JSON.stringify(configs[i]![key]) !== JSON.stringify(configs[0]![key]))
        throw new HeedError(
          `${dirs[i]} and ${dirs[0]} differ in ${key}: they are shards of different evaluations`,
          'merge only the shards of one heed eval command line',
        );
  mkdirSync(join(out, 'episodes'), { recursive: true });
  const seen = new Map<string, string>();
  const episodes: EpisodeRecord[] = [];
  for (const d of dirs) {
    const eps = join(d, 'episodes');
    for (const key of existsSync(eps) ? readdirSync(eps).sort() : []) {
      const rec = join(eps, key, 'record.json');
      if (!existsSync(rec)) continue; // an episode that never finished
      if (seen.has(key)) throw new HeedError(`episode ${key} is in both ${seen.get(key)} and ${d}: the shards overlap`);
      seen.set(key, d);
      cpSync(join(eps, key), join(out, 'episodes', key), { recursive: true });
      episodes.push(JSON.parse(readFileSync(rec, 'utf8')) as EpisodeRecord);
    }
  }
  const { shard: _shard, wallMs: _wall, ...config } = configs[0]!;
  return { episodes, config: { ...config, merged: dirs, shards: configs.map((c) => c.shard ?? null) } };
}
