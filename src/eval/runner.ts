// Episodes = tasks × personas × policies × repeats, over a pool of devices, with progress, ETA and resume.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppiumDevice } from '../device/appium-device.js';
import { startAppium, type AppiumServer } from '../device/appium-server.js';
import { simCapabilities } from '../device/capabilities.js';
import { Recorder } from '../agent/recorder.js';
import { untilAborted } from '../core/abort.js';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import { outcomeOf } from '../core/errors.js';
import { OUTCOMES, type Outcome } from '../core/vocab.js';
import type { LlmConfig } from '../policy/llm/config.js';
import { loadProfile } from '../profile/load.js';
import { withNoise } from '../profile/noise.js';
import type { Profile } from '../profile/schema.js';
import type { ProfileMode } from '../profile/view.js';
import type { Task } from '../tasks/task.js';
import type { UserChannel } from '../user/channel.js';
import { runEpisode, unscoredRecord } from './episode.js';
import { shardJobs, type Shard } from './select.js';
import type { EpisodeRecord, PolicyKind } from './types.js';

export interface EvalOptions {
  tasks: Task[];
  personas: Map<string, Profile>;
  policies: PolicyKind[];
  repeats: number;
  /** Number of simulated phones working at once (ignored when appium URLs are given: one worker per URL). */
  devices: number;
  /** External Appium servers (real devices), with capabilities. */
  appium?: { url: string; capabilities: Record<string, unknown> }[];
  out: string;
  /** Keep finished episodes found in `out` and run only the rest. */
  resume?: boolean;
  mode: ProfileMode;
  agent?: LlmConfig;
  userModel?: LlmConfig;
  judgeModel?: LlmConfig;
  /** The optional guard model: it looks at the steps heed's rules did not flag, in every episode heed gates. */
  guardModel?: LlmConfig;
  clear?: boolean;
  /** A person answering for every episode (the browser approval page). */
  user?: UserChannel;
  /** After every write to an episode's run directory (the CLI re-renders its report.html). */
  afterWrite?: (dir: string, meta: Record<string, unknown>) => void;
  progress?: (line: string) => void;
  /** Stops the eval: no new episode starts, those in flight end and are not saved. */
  signal?: AbortSignal;
  /** Budgets, frames and Appium settings from the environment (src/core/config.ts). */
  config?: Pick<HeedConfig, 'budgets' | 'frame' | 'appium'>;
  /** Run only this shard of the episode matrix (--shard i/n). */
  shard?: Shard;
  /** Asked after each episode; a reason stops the evaluation (episodes already running finish, no new ones start). */
  stopWhen?: (rec: EpisodeRecord) => string | undefined;
}

/** Every persona the tasks name, loaded once; with noisy logs a quarter of each one's behaviour logs is noise. */
export function loadPersonas(tasks: Task[], logs: 'clean' | 'noisy' = 'clean'): Map<string, Profile> {
  const personas = new Map<string, Profile>();
  for (const id of new Set(tasks.flatMap((t) => t.personas))) {
    const p = loadProfile(id);
    personas.set(id, logs === 'noisy' ? { ...p, behaviourLogs: withNoise(p.behaviourLogs, id) } : p);
  }
  return personas;
}

export interface Job {
  key: string;
  task: Task;
  persona: Profile;
  policy: PolicyKind;
  repeat: number;
}

export function jobs(o: Pick<EvalOptions, 'tasks' | 'personas' | 'policies' | 'repeats'>): Job[] {
  const out: Job[] = [];
  for (const policy of o.policies)
    for (const task of o.tasks)
      for (const id of task.personas) {
        const persona = o.personas.get(id);
        if (!persona) continue;
        for (let repeat = 0; repeat < o.repeats; repeat++)
          out.push({ key: `${policy}__${task.id}__${id}__r${repeat}`, task, persona, policy, repeat });
      }
  return out;
}

function fmt(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** What an evaluation produced: every episode finished so far, and whether that is all of them. */
export interface EvalRun {
  episodes: EpisodeRecord[];
  /** False when a signal stopped it: `--resume` runs the rest. */
  complete: boolean;
  total: number;
}

/**
 * Episodes whose ending says nothing about the agent: `--resume` runs them again. A model-error is the endpoint's
 * (after its retries), which is also what stops an evaluation early: resumed once the endpoint answers, they run.
 */
export const RERUN: ReadonlySet<Outcome> = new Set(['error', 'interrupted', 'device-lost', 'model-error']);

export async function runEval(o: EvalOptions): Promise<EvalRun> {
  const all = shardJobs(jobs(o), o.shard);
  const dir = (j: Job) => join(o.out, 'episodes', j.key);
  const say = o.progress ?? ((l: string) => process.stderr.write(`${l}\n`));
  const done = o.resume ? finishedEpisodes(all, dir, say) : new Map<string, EpisodeRecord>();
  const todo = all.filter((j) => !done.has(j.key));
  if (done.size) say(`resuming: ${done.size} of ${all.length} episodes already done`);

  let server: AppiumServer | undefined;
  const endpoints = o.appium?.length ? o.appium : undefined;
  const config = o.config ?? DEFAULT_CONFIG;
  const t0 = Date.now();
  let finished = 0;
  let next = 0;
  try {
    const simUrl = endpoints
      ? undefined
      : (config.appium.simUrl ??
        (server = await startAppium({ port: config.appium.port, logLevel: config.appium.logLevel })).url);
    const workers = endpoints ? endpoints.length : Math.max(1, o.devices);
    const runJob = async (j: Job, w: number): Promise<EpisodeRecord> => {
      // A partial episode (stopped, or its record torn) starts clean: no steps 1, 2, 1, 2, 3.
      rmSync(dir(j), { recursive: true, force: true });
      mkdirSync(dir(j), { recursive: true });
      let device: AppiumDevice | undefined;
      try {
        const at = endpoints?.[w] ?? { url: simUrl!, capabilities: simCapabilities() };
        device = await untilAborted(AppiumDevice.connect(at), o.signal);
        return await runEpisode({
          ...j,
          mode: o.mode,
          device,
          dir: dir(j),
          agent: o.agent,
          userModel: o.userModel,
          judgeModel: o.judgeModel,
          guardModel: o.guardModel,
          clear: o.clear,
          user: o.user,
          afterWrite: o.afterWrite,
          budgets: config.budgets,
          frame: config.frame,
          signal: o.signal,
          notify: say,
        });
      } catch (e) {
        const { outcome, message } = outcomeOf(o.signal?.aborted ? o.signal.reason : e);
        // The agent never ran (or its episode could not be scored): the episode's summary still says why.
        new Recorder(dir(j)).summary({
          task: j.task.id,
          persona: j.persona.id,
          policyKind: j.policy,
          outcome,
          message,
        });
        return unscoredRecord(j, outcome, message, { dir: dir(j) });
      } finally {
        await device?.close().catch(() => {});
      }
    };
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        for (;;) {
          if (o.signal?.aborted) return;
          const j = todo[next++];
          if (!j) return;
          const rec = await runJob(j, w);
          // The in-flight episode of a stopped eval is not a result: it has no record, and --resume runs it.
          if (rec.outcome === 'interrupted') return;
          writeRecord(join(dir(j), 'record.json'), rec);
          done.set(j.key, rec);
          finished++;
          const elapsed = Date.now() - t0;
          const eta = (elapsed / finished) * (todo.length - finished);
          const pct = Math.round((done.size / all.length) * 100);
          say(
            `[${String(done.size).padStart(String(all.length).length)}/${all.length}] ${String(pct).padStart(3)}% ETA ${fmt(eta)}  ${rec.success ? '✓' : '✗'} ${j.policy} ${j.task.id} ${j.persona.id}${rec.error ? ` (${rec.outcome}: ${rec.error})` : ''}`,
          );
          const stop = next < todo.length ? o.stopWhen?.(rec) : undefined;
          if (stop) {
            say(`stopping: ${stop}; ${todo.length - next} episode(s) not started`);
            next = todo.length;
          }
        }
      }),
    );
  } finally {
    await server?.close();
  }
  const episodes = all.flatMap((j) => done.get(j.key) ?? []);
  return { episodes, complete: episodes.length === all.length, total: all.length };
}

/** Written whole or not at all (a crash mid-write must not leave a torn record). */
function writeRecord(file: string, rec: EpisodeRecord): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(rec, null, 2));
  renameSync(`${file}.tmp`, file);
}

/**
 * The records a resumed eval keeps: scored episodes. Episodes that ended in error, interrupted, device-lost or
 * model-error run again, and so does one whose record.json is torn or empty (named, so the user knows).
 */
function finishedEpisodes(all: Job[], dir: (j: Job) => string, say: (l: string) => void): Map<string, EpisodeRecord> {
  const done = new Map<string, EpisodeRecord>();
  let rerun = 0;
  for (const j of all) {
    const f = join(dir(j), 'record.json');
    if (!existsSync(f)) continue;
    const rec = readRecord(f);
    if (typeof rec === 'string') {
      say(`${f}: ${rec}; running the episode again`);
      continue;
    }
    if (RERUN.has(rec.outcome)) rerun++;
    else done.set(j.key, rec);
  }
  if (rerun) say(`running again ${rerun} episode(s) that ended in error, interrupted, device-lost or model-error`);
  return done;
}

/** A record, or why it cannot be used. Older records wrote the outcome as "outcome: message". */
function readRecord(file: string): EpisodeRecord | string {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    return `cannot be read (${(e as Error).message})`;
  }
  if (!raw.trim()) return 'is empty';
  let rec: EpisodeRecord;
  try {
    rec = JSON.parse(raw) as EpisodeRecord;
  } catch (e) {
    return `is torn (${(e as Error).message})`;
  }
  if (!rec || typeof rec !== 'object' || typeof rec.task !== 'string' || typeof rec.outcome !== 'string')
    return 'is not an episode record';
  const [word, ...rest] = rec.outcome.split(': ');
  if (!(OUTCOMES as readonly string[]).includes(rec.outcome) && (OUTCOMES as readonly string[]).includes(word!))
    return { ...rec, outcome: word as Outcome, message: rec.message ?? rest.join(': ') };
  if (!(OUTCOMES as readonly string[]).includes(rec.outcome)) return `has an unknown outcome '${rec.outcome}'`;
  return rec;
}
