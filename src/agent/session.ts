// Everything a run needs, assembled from options: device, policy, user channel, profile, memory, run directory.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import { untilAborted } from '../core/abort.js';
import { DeviceError, HeedError, Stopped } from '../core/errors.js';
import type { UserKind } from '../core/vocab.js';
import type { AppiumDevice } from '../device/appium-device.js';
import { openDevice } from '../device/open.js';
import { Cassette } from '../policy/llm/cassette.js';
import { LlmClient } from '../policy/llm/client.js';
import { describeLlm, resolveLlmConfig, type LlmOptions } from '../policy/llm/config.js';
import { GuardModel } from '../policy/guard.js';
import { ModelPolicy } from '../policy/model-policy.js';
import type { Policy } from '../policy/policy.js';
import { ReferencePolicy } from '../policy/reference-policy.js';
import { loadProfile } from '../profile/load.js';
import { Memory } from '../profile/memory.js';
import type { Profile } from '../profile/schema.js';
import type { UserChannel } from '../user/channel.js';
import { ScriptedUser } from '../user/scripted.js';
import { SimulatedUser } from '../user/simulated.js';
import { TerminalUser } from '../user/terminal.js';
import { WebUser } from '../user/web.js';
import { referenceFor, type Task } from '../tasks/task.js';

export interface SessionOptions {
  /** A profile name or file, or one already loaded. */
  profile: string | Profile;
  task?: Task;
  agent?: LlmOptions;
  userModel?: LlmOptions;
  user?: UserKind;
  device?: string;
  /** JSON file of Appium capabilities for --device emulator or a URL. */
  capabilitiesFile?: string;
  /** Extra app YAML folders for the simulated phone (--sim-apps; HEED_SIM_APPS when absent). */
  simApps?: string[];
  /** Use the task's reference steps even when a model is configured. */
  reference?: boolean;
  memoryFile?: string | false;
  record?: string;
  replay?: string;
  /** Where to print things the user must see before the run starts (the approval page's URL). */
  announce?: (s: string) => void;
  /** The environment's settings, read once by the command line (defaults when absent). */
  config?: HeedConfig;
  /** Stops the task's setup (SIGINT / SIGTERM at the command line): it then throws the Stopped reason. */
  signal?: AbortSignal;
}

export interface Assembled {
  profile: Profile;
  /** The guard model, when HEED_GUARD_MODEL is set (off by default). */
  guard?: GuardModel;
  policy: Policy;
  user: UserChannel;
  memory: Memory;
  device: AppiumDevice;
  /** Facts for summary.json (never the API key). */
  meta: Record<string, unknown>;
}

/** HEED_HOME, else ~/.heed. */
export function heedHome(config: Pick<HeedConfig, 'home'> = DEFAULT_CONFIG): string {
  return config.home ?? join(homedir(), '.heed');
}

export function makePolicy(o: SessionOptions, profile: Profile): { policy: Policy; meta: Record<string, unknown> } {
  const cfg = resolveLlmConfig('agent', o.agent, (o.config ?? DEFAULT_CONFIG).llm.agent);
  if (cfg && !o.reference) {
    const cassette = o.replay
      ? new Cassette(o.replay, 'replay')
      : o.record
        ? new Cassette(o.record, 'record')
        : undefined;
    return { policy: new ModelPolicy(new LlmClient(cfg, cassette, o.announce)), meta: { model: describeLlm(cfg) } };
  }
  if (!o.task)
    throw new HeedError(
      'No model is configured and there is no task with reference steps',
      'set HEED_AGENT_MODEL (and _BASE_URL / _API_KEY), or pass --task',
    );
  return { policy: new ReferencePolicy(referenceFor(o.task, profile.id)), meta: { model: null } };
}

export async function makeUser(
  kind: UserKind,
  profile: Profile,
  userModel?: LlmOptions,
  announce?: (s: string) => void,
  config: HeedConfig = DEFAULT_CONFIG,
): Promise<UserChannel> {
  if (kind === 'web')
    return new WebUser({
      ...config.web,
      announce: (url) => (announce ?? console.log)(`Supervise this run in a browser: ${url}`),
    }).start();
  if (kind === 'terminal') return new TerminalUser();
  if (kind === 'scripted') return new ScriptedUser(profile);
  const cfg = resolveLlmConfig('user', userModel, config.llm.user);
  if (!cfg)
    throw new HeedError(
      '--user simulated needs a user-simulator model',
      'set HEED_USER_MODEL (a different model than the agent), or use --user scripted',
    );
  return new SimulatedUser(new LlmClient(cfg, undefined, announce), profile);
}

/** The optional guard model from HEED_GUARD_* (option ?? environment ?? none). */
export function makeGuard(config: HeedConfig = DEFAULT_CONFIG, opts: LlmOptions = {}): GuardModel | undefined {
  const cfg = resolveLlmConfig('guard', opts, config.llm.guard);
  return cfg ? new GuardModel(new LlmClient(cfg)) : undefined;
}

/**
 * Everything but the device first (the profile, the policy, memory: bad input fails before a phone boots), then the
 * user channel and the device; whatever was opened is closed again when a later part fails.
 */
export async function assemble(o: SessionOptions): Promise<Assembled> {
  const profile = typeof o.profile === 'string' ? loadProfile(o.profile) : o.profile;
  const { policy, meta } = makePolicy(o, profile);
  const memory =
    o.memoryFile === false
      ? Memory.inMemory()
      : Memory.open(o.memoryFile ?? join(heedHome(o.config), 'memory', `${profile.id}.json`), {
          onUnsaved: (m) => (o.announce ?? console.error)(`warning: ${m}`),
        });
  const user = await makeUser(
    o.user ?? (process.stdin.isTTY ? 'terminal' : 'scripted'),
    profile,
    o.userModel,
    o.announce,
    o.config,
  );
  let device: AppiumDevice;
  try {
    device = await openDevice({
      device: o.device,
      capabilitiesFile: o.capabilitiesFile,
      config: o.config,
      ...(o.simApps?.length ? { sim: { appDirs: o.simApps } } : {}),
    });
  } catch (e) {
    await user.close?.().catch(() => {});
    throw e;
  }
  try {
    // Task setup goes through `adb shell` on every kind of device, so the simulated phone and an emulator match.
    // A signal stops it too (a device that hangs in setup must not hold Ctrl-C until the setup ends).
    for (const cmd of o.task?.setup ?? []) await untilAborted(device.shell(cmd), o.signal);
  } catch (e) {
    await device.close().catch(() => {});
    await user.close?.().catch(() => {});
    if ((e instanceof DeviceError && e.lost) || e instanceof Stopped) throw e;
    throw new HeedError(
      `Task setup failed: ${(e as Error).message.split('\n')[0]}`,
      "check the task's setup commands against the device",
    );
  }
  const guard = makeGuard(o.config);
  return {
    profile,
    policy,
    user,
    memory,
    device,
    ...(guard ? { guard } : {}),
    meta: { ...meta, task: o.task?.id, ...(guard ? { guard: guard.model } : {}) },
  };
}
