// Reading a run directory (heed run, or one eval episode) and an eval folder, as they are now and as older heed wrote
// them: a torn last line (a run still going, or killed) is skipped and counted, missing files are simply absent.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StepRecord } from '../agent/recorder.js';
import type { LedgerEntry } from '../consent/ledger.js';
import { HeedError } from '../core/errors.js';
import { buildResults, type Results } from '../eval/results.js';
import type { EpisodeRecord } from '../eval/types.js';

export interface RunFiles {
  dir: string;
  steps: StepRecord[];
  ledger: LedgerEntry[];
  /** summary.json: written when the run ends (absent while it runs). */
  summary?: Record<string, unknown>;
  /** record.json: an eval episode's scored record. */
  record?: EpisodeRecord;
  /** Lines of steps.jsonl or ledger.jsonl that were not whole JSON (the line being written, or a crash). */
  torn: number;
}

function jsonl<T>(file: string): { rows: T[]; torn: number } {
  if (!existsSync(file)) return { rows: [], torn: 0 };
  const rows: T[] = [];
  let torn = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line) as unknown;
      if (v && typeof v === 'object') rows.push(v as T);
      else torn++;
    } catch {
      torn++;
    }
  }
  return { rows, torn };
}

function json<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function isRunDir(dir: string): boolean {
  return ['steps.jsonl', 'summary.json', 'ledger.jsonl'].some((f) => existsSync(join(dir, f)));
}

export function isEvalDir(dir: string): boolean {
  return existsSync(join(dir, 'results.json')) || existsSync(join(dir, 'episodes'));
}

export function readRun(dir: string): RunFiles {
  const steps = jsonl<StepRecord>(join(dir, 'steps.jsonl'));
  const ledger = jsonl<LedgerEntry>(join(dir, 'ledger.jsonl'));
  return {
    dir,
    steps: steps.rows.filter((s) => typeof s.step === 'number'),
    ledger: ledger.rows,
    summary: json<Record<string, unknown>>(join(dir, 'summary.json')),
    record: json<EpisodeRecord>(join(dir, 'record.json')),
    torn: steps.torn + ledger.torn,
  };
}

/** The folder name an eval gives an episode (what results.json's records are filed under). */
export function episodeKey(e: Pick<EpisodeRecord, 'policy' | 'task' | 'persona' | 'repeat'>): string {
  return `${e.policy}__${e.task}__${e.persona}__r${e.repeat}`;
}

/**
 * An eval folder's results: results.json when the eval finished; otherwise (interrupted, or still running) the
 * episodes' record.json files, scored the same way. Episode folders are found by key under episodes/, not by the
 * absolute `dir` a record holds, so a folder that was moved or copied still renders.
 */
export function readEval(dir: string): { results: Results; partial: boolean } {
  const saved = json<Results>(join(dir, 'results.json'));
  if (saved && Array.isArray(saved.episodes)) return { results: saved, partial: false };
  const root = join(dir, 'episodes');
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new HeedError(
      `${dir} has neither results.json nor an episodes/ folder`,
      'point heed report at a run or eval folder',
    );
  const records = readdirSync(root)
    .sort()
    .map((k) => json<EpisodeRecord>(join(root, k, 'record.json')))
    .filter((r): r is EpisodeRecord => Boolean(r && typeof r.task === 'string'));
  return {
    results: buildResults(records, { note: 'rebuilt from episodes/*/record.json: the eval did not finish' }),
    partial: true,
  };
}
