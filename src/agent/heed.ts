// The library's front door: one object holding a device, a policy, a profile, memory and a user, so a test suite
// writes `const heed = await Heed.open({ profile: 'privacy-first' }); await heed.act('Turn off location for
// TrailCam')` (midscene users write `agent.aiAct('…')`). Each act() is one full agent run, consent gate and all.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type HeedConfig } from '../core/config.js';
import { HeedError } from '../core/errors.js';
import type { UserKind } from '../core/vocab.js';
import { consentPoints } from '../consent/classify.js';
import type { Device } from '../device/device.js';
import { openDevice, type OpenDeviceOptions } from '../device/open.js';
import { parseUiTree, type UiTree } from '../device/ui-tree.js';
import type { Guard } from '../policy/guard.js';
import type { LlmOptions } from '../policy/llm/config.js';
import type { Policy } from '../policy/policy.js';
import { loadProfile } from '../profile/load.js';
import { Memory } from '../profile/memory.js';
import type { Profile } from '../profile/schema.js';
import type { ProfileMode } from '../profile/view.js';
import { runChecks, type Check, type CheckResult } from '../tasks/task.js';
import type { UserChannel } from '../user/channel.js';
import { runAgent, type RunResult } from './loop.js';
import { Recorder, runDirName } from './recorder.js';
import { makeGuard, makePolicy, makeUser } from './session.js';

export interface HeedOptions {
  /** A bundled profile name, a profile file, or a parsed Profile (default: balanced). */
  profile?: string | Profile;
  /** 'sim' (default), 'emulator', an Appium URL, open-device options, or a Device you opened. */
  device?: string | OpenDeviceOptions | Device;
  /** Agent model settings over HEED_AGENT_* / OPENAI_* (model, baseURL, apiKey …), or your own Policy. */
  model?: LlmOptions | Policy;
  /**
   * The optional guard model, a second look at steps heed's rules did not flag: settings over HEED_GUARD_* (model,
   * baseURL …), your own Guard, or false for none (default: HEED_GUARD_MODEL's, else none). It may add a consent
   * point, never remove one; its verdicts go to the ledger, never to the agent.
   */
  guard?: LlmOptions | Guard | false;
  /** Who answers consent requests and questions (default 'scripted': the profile answers, nobody is prompted). */
  user?: UserKind | UserChannel;
  /** Memory: a file, a Memory, or false (default: kept for this object only, never written). */
  memory?: string | Memory | false;
  /** Parent folder for run directories (steps, frames, ledger, summary); none are written without it. */
  runs?: string;
  /** What the agent sees of the user: personal (the profile, default) or knowu (behaviour logs only). */
  mode?: ProfileMode;
  /** Step budget per act() (default HEED_MAX_STEPS ?? 30). */
  maxSteps?: number;
  /** Settings otherwise read from the environment (HEED_*, OPENAI_*), as src/core/config.ts parses them. */
  config?: HeedConfig;
}

export interface ScreenReport {
  tree: UiTree;
  /** For each interactive element, what tapping it would grant. */
  consentPoints: { index: number; category: string; grant: string; irreversible: boolean; reason: string }[];
}

/** Parse a page source and list its consent points (what `heed inspect` prints). */
export function inspectScreen(pageSource: string, source = 'page source'): ScreenReport {
  const tree = parseUiTree(pageSource, source);
  // The window's package: the root element's (a dump has no separate field for it).
  const points = consentPoints(tree, tree.elements[0]?.package ?? '');
  return {
    tree,
    consentPoints: [...points].map(([index, s]) => ({
      index,
      category: s.category,
      grant: s.grant,
      irreversible: s.irreversible,
      reason: s.evidence.reason,
    })),
  };
}

const isDevice = (d: unknown): d is Device => typeof (d as Device | undefined)?.observe === 'function';
const isPolicy = (p: unknown): p is Policy => typeof (p as Policy | undefined)?.propose === 'function';
const isUser = (u: unknown): u is UserChannel => typeof u === 'object' && u !== null;
const isGuard = (g: unknown): g is Guard => typeof (g as Guard | undefined)?.review === 'function';

/** Thrown by act() when the run did not succeed; `result` holds everything the run recorded. */
export class HeedRunError extends HeedError {
  constructor(readonly result: RunResult) {
    super(`heed: ${result.outcome}: ${result.message}`);
    this.name = 'HeedRunError';
  }
}

export class Heed {
  private constructor(
    readonly device: Device,
    readonly profile: Profile,
    readonly memory: Memory,
    private readonly policy: Policy,
    private readonly user: UserChannel,
    private readonly o: HeedOptions,
    private readonly config: HeedConfig,
    private readonly owned: { device: boolean; user: boolean },
    /** The guard model this object uses, if any. */
    readonly guard?: Guard,
  ) {}

  static async open(o: HeedOptions = {}): Promise<Heed> {
    // The library's front door is like the command line's: the environment is read once, here.
    const config = o.config ?? loadConfig(process.env);
    const profile = typeof o.profile === 'object' ? o.profile : loadProfile(o.profile ?? config.profile);
    // No reference steps here: act() takes free instructions, so a model (or your Policy) is required.
    const policy = isPolicy(o.model)
      ? o.model
      : makePolicy({ profile: profile.id, agent: o.model, config }, profile).policy;
    const guard = o.guard === false ? undefined : isGuard(o.guard) ? o.guard : makeGuard(config, o.guard);
    const memory = o.memory instanceof Memory ? o.memory : o.memory ? Memory.open(o.memory) : Memory.inMemory();
    const user = isUser(o.user) ? o.user : await makeUser(o.user ?? 'scripted', profile, undefined, undefined, config);
    let device: Device;
    try {
      device = isDevice(o.device)
        ? o.device
        : await openDevice({ ...(typeof o.device === 'string' ? { device: o.device } : (o.device ?? {})), config });
    } catch (e) {
      if (!isUser(o.user)) await user.close?.();
      throw e;
    }
    return new Heed(
      device,
      profile,
      memory,
      policy,
      user,
      o,
      config,
      { device: !isDevice(o.device), user: !isUser(o.user) },
      guard,
    );
  }

  /** One agent run toward `instruction`; resolves with the result whatever the outcome. */
  async run(instruction: string, o: { maxSteps?: number; onStep?: Parameters<typeof runAgent>[0]['onStep'] } = {}) {
    let recorder: Recorder | undefined;
    if (this.o.runs) {
      const dir = join(this.o.runs, runDirName(`${this.profile.id}-${instruction}`));
      mkdirSync(dir, { recursive: true });
      recorder = new Recorder(dir);
    }
    return runAgent({
      instruction,
      device: this.device,
      policy: this.policy,
      ...(this.guard ? { guard: this.guard } : {}),
      profile: this.profile,
      memory: this.memory,
      user: this.user,
      mode: this.o.mode,
      maxSteps: o.maxSteps ?? this.o.maxSteps ?? this.config.budgets.maxSteps,
      maxSeconds: this.config.budgets.maxSeconds,
      maxCostUsd: this.config.budgets.maxCostUsd,
      frame: this.config.frame,
      recorder,
      onStep: o.onStep,
      // The simulated phone needs no real waiting; a real device does.
      waitScale: (this.o.device ?? this.config.device) === 'sim' ? 0 : 1,
    });
  }

  /** Like run(), but throws a HeedRunError unless the agent finished with success: `await heed.act('…')` in a test. */
  async act(instruction: string, o: { maxSteps?: number } = {}): Promise<RunResult> {
    const result = await this.run(instruction, o);
    if (result.outcome !== 'success') throw new HeedRunError(result);
    return result;
  }

  /** The screen now: its elements and what tapping each would consent to. */
  async screen(): Promise<ScreenReport & { package: string }> {
    const obs = await this.device.observe();
    return { ...inspectScreen(obs.pageSource, 'live screen'), package: obs.package };
  }

  /** Task-style checks on device state (`content query`, `settings get`, `dumpsys` …). */
  async check(checks: Check[]): Promise<CheckResult[]> {
    return runChecks(this.device, checks);
  }

  async close(): Promise<void> {
    if (this.owned.user) await this.user.close?.();
    if (this.owned.device) await this.device.close();
  }
}
