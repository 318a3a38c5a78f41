// Which episodes an evaluation runs: tasks by id or pattern, one shard of the episode matrix (CI matrices split
// work across machines the same way), and what the matrix will cost before anything runs (--list).
import { HeedError } from '../core/errors.js';
import { nearest } from '../core/suggest.js';
import type { Task } from '../tasks/task.js';
import type { Job } from './runner.js';

/** Tasks named by id (every id must exist: a typo is an error with the nearest id), then those matching `grep`. */
export function selectTasks(
  tasks: Task[],
  o: { ids?: string[]; grep?: string; skipped?: { id: string; why: string }[] },
): Task[] {
  let out = tasks;
  if (o.ids?.length) {
    const known = new Set(tasks.map((t) => t.id));
    for (const id of o.ids)
      if (!known.has(id)) {
        const skip = o.skipped?.find((s) => s.id === id);
        if (skip) throw new HeedError(`--task ${id}: skipped here: ${skip.why}`, 'heed eval --list shows the tasks');
        const near = nearest(id, [...known]);
        throw new HeedError(
          `--task ${id}: no such task in the suite`,
          near ? `did you mean ${near}? (heed eval --list shows the tasks)` : 'heed eval --list shows the tasks',
        );
      }
    out = out.filter((t) => o.ids!.includes(t.id));
  }
  if (o.grep !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(o.grep, 'i');
    } catch (e) {
      throw new HeedError(`--grep ${o.grep}: not a regular expression (${(e as Error).message})`);
    }
    out = out.filter(
      (t) =>
        re.test(t.id) || re.test(t.instruction) || (t.clearInstruction !== undefined && re.test(t.clearInstruction)),
    );
  }
  return out;
}

export interface Shard {
  index: number;
  count: number;
}

/** `2/4` → the second of four shards. */
export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new HeedError(`--shard ${spec}: expected i/n with 1 ≤ i ≤ n, e.g. 1/4`);
  return { index, count };
}

/** Every n-th job of the full matrix, so shards are the same size within one and hold every policy and split. */
export function shardJobs<J>(all: J[], s: Shard | undefined): J[] {
  return s ? all.filter((_, i) => i % s.count === s.index - 1) : all;
}

/** A rough per-step cost of a model call: the frame (about 1,100 image tokens at 1280 px) and the prompt. */
export const TOKENS_PER_STEP = { input: 2_500, output: 80 };

export interface MatrixLine {
  policy: string;
  task: string;
  split: string;
  persona: string;
  repeats: number;
  /** Model calls the agent is expected to make: the reference trajectory's length (at most the task's budget). */
  steps: number;
}

/** The episode matrix as `--list` prints it, with a token estimate for the agent's episodes. */
export function matrix(jobs: Job[]): {
  lines: MatrixLine[];
  episodes: number;
  tokens: { input: number; output: number };
} {
  const lines = new Map<string, MatrixLine>();
  for (const j of jobs) {
    const key = `${j.policy}\0${j.task.id}\0${j.persona.id}`;
    const line = lines.get(key);
    if (line) line.repeats++;
    else {
      const ref = j.task.reference[j.persona.id] ?? j.task.reference.default ?? [];
      lines.set(key, {
        policy: j.policy,
        task: j.task.id,
        split: j.task.split,
        persona: j.persona.id,
        repeats: 1,
        steps: Math.min(Math.max(ref.length, 1), j.task.maxSteps),
      });
    }
  }
  const calls = [...lines.values()].filter((l) => l.policy === 'agent').reduce((n, l) => n + l.steps * l.repeats, 0);
  return {
    lines: [...lines.values()],
    episodes: jobs.length,
    tokens: { input: calls * TOKENS_PER_STEP.input, output: calls * TOKENS_PER_STEP.output },
  };
}
