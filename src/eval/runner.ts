// Episodes = tasks × personas × policies × repeats, over a pool of devices, with progress, ETA and resume.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppiumDevice } from '../device/appium-device.js';
import { startAppium, type AppiumServer } from '../device/appium-server.js';
import { simCapabilities } from '../device/capabilities.js';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import type { LlmConfig } from '../policy/llm/config.js';
import { loadProfile } from '../profile/load.js';
import { withNoise } from '../profile/noise.js';
import type { Profile } from '../profile/schema.js';
import type { ProfileMode } from '../profile/view.js';
import type { Task } from '../tasks/task.js';
import type { UserChannel } from '../user/channel.js';
import { runEpisode } from './episode.js';
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
  clear?: boolean;
  /** A person answering for every episode (the browser approval page). */
  user?: UserChannel;
  /** After every write to an episode's run directory (the CLI re-renders its report.html). */
  afterWrite?: (dir: string, meta: Record<string, unknown>) => void;
  progress?: (line: string) => void;
  /** Budgets, frames and Appium settings from the environment (src/core/config.ts). */
  config?: Pick<HeedConfig, 'budgets' | 'frame' | 'appium'>;
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

export async function runEval(o: EvalOptions): Promise<EpisodeRecord[]> {
  const all = jobs(o);
  const dir = (j: Job) => join(o.out, 'episodes', j.key);
  const done = new Map<string, EpisodeRecord>();
  if (o.resume) {
    for (const j of all) {
      const f = join(dir(j), 'record.json');
      if (existsSync(f)) done.set(j.key, JSON.parse(readFileSync(f, 'utf8')) as EpisodeRecord);
    }
  }
  const todo = all.filter((j) => !done.has(j.key));
  const say = o.progress ?? ((l: string) => process.stderr.write(`${l}\n`));
  if (done.size) say(`resuming: ${done.size} of ${all.length} episodes already done`);

  let server: AppiumServer | undefined;
  const endpoints = o.appium?.length ? o.appium : undefined;
  const config = o.config ?? DEFAULT_CONFIG;
  const simUrl = endpoints
    ? undefined
    : (config.appium.simUrl ??
      (server = await startAppium({ port: config.appium.port, logLevel: config.appium.logLevel })).url);
  const workers = endpoints ? endpoints.length : Math.max(1, o.devices);
  const t0 = Date.now();
  let finished = 0;
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        for (;;) {
          const j = todo[next++];
          if (!j) return;
          const ep = endpoints?.[w];
          const device = await AppiumDevice.connect(ep ?? { url: simUrl!, capabilities: simCapabilities() });
          let rec: EpisodeRecord;
          try {
            mkdirSync(dir(j), { recursive: true });
            rec = await runEpisode({
              ...j,
              mode: o.mode,
              device,
              dir: dir(j),
              agent: o.agent,
              userModel: o.userModel,
              judgeModel: o.judgeModel,
              clear: o.clear,
              user: o.user,
              afterWrite: o.afterWrite,
              budgets: config.budgets,
              frame: config.frame,
            });
          } catch (e) {
            rec = errorRecord(j, (e as Error).message);
          } finally {
            await device.close().catch(() => {});
          }
          writeFileSync(join(dir(j), 'record.json'), JSON.stringify(rec, null, 2));
          done.set(j.key, rec);
          finished++;
          const elapsed = Date.now() - t0;
          const eta = (elapsed / finished) * (todo.length - finished);
          const pct = Math.round((done.size / all.length) * 100);
          say(
            `[${String(done.size).padStart(String(all.length).length)}/${all.length}] ${String(pct).padStart(3)}% ETA ${fmt(eta)}  ${rec.success ? '✓' : '✗'} ${j.policy} ${j.task.id} ${j.persona.id}${rec.error ? ` (error: ${rec.error})` : ''}`,
          );
        }
      }),
    );
  } finally {
    await server?.close();
  }
  return all.map((j) => done.get(j.key)!);
}

function errorRecord(j: Job, error: string): EpisodeRecord {
  return {
    task: j.task.id,
    split: j.task.split,
    persona: j.persona.id,
    policy: j.policy,
    repeat: j.repeat,
    success: false,
    score: 0,
    steps: 0,
    questions: 0,
    consentRequests: 0,
    overAsks: 0,
    decisionPoints: [],
    violations: 0,
    compliance: 1,
    tokens: { input: 0, output: 0 },
    cost: 0,
    wallMs: 0,
    checks: [],
    outcome: 'error',
    error,
  };
}
