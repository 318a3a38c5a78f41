// Runs the real agent loop against the simulated phone (through Appium) with a scripted model over HTTP.
import { runAgent, type RunResult } from '../../src/agent/loop.js';
import { Recorder, type StepRecord } from '../../src/agent/recorder.js';
import type { AppiumDevice } from '../../src/device/appium-device.js';
import { openDevice } from '../../src/device/open.js';
import type { SimOptions } from '../../src/device/capabilities.js';
import type { Guard } from '../../src/policy/guard.js';
import { LlmClient } from '../../src/policy/llm/client.js';
import { resolveLlmConfig } from '../../src/policy/llm/config.js';
import { ModelPolicy } from '../../src/policy/model-policy.js';
import { loadProfile } from '../../src/profile/load.js';
import { Memory } from '../../src/profile/memory.js';
import type { Profile } from '../../src/profile/schema.js';
import type { UserChannel } from '../../src/user/channel.js';
import { ScriptedUser } from '../../src/user/scripted.js';
import { startFakeLlm, type ChatRequest, type FakeLlm, type Reply } from './fake-llm.js';
import { testConfig } from './config.js';

export interface TestRun {
  result: RunResult;
  llm: FakeLlm;
  device: AppiumDevice;
  user: UserChannel;
  profile: Profile;
}

export async function runWithScriptedModel(o: {
  profile: string | Profile;
  respond: (req: ChatRequest, n: number) => Reply;
  instruction?: string;
  user?: (p: Profile) => UserChannel;
  memory?: Memory;
  sim?: SimOptions;
  setup?: string[];
  maxSteps?: number;
  dir?: string;
  /** The recorder's afterWrite hook (a run report re-rendered as the run goes). */
  afterWrite?: (dir: string) => void;
  /** The model family heed speaks (its template, grammar and coordinates); heed's JSON by default. */
  family?: string;
  onStep?: (r: StepRecord) => void;
  /** The optional guard model (HEED_GUARD_MODEL's slot). */
  guard?: Guard;
}): Promise<TestRun & { close(): Promise<void> }> {
  const llm = await startFakeLlm(o.respond);
  const profile = typeof o.profile === 'string' ? loadProfile(o.profile) : o.profile;
  const device = await openDevice({ config: testConfig, device: 'sim', sim: o.sim });
  for (const cmd of o.setup ?? []) await device.shell(cmd);
  const cfg = resolveLlmConfig(
    'agent',
    {
      model: 'scripted-vlm',
      baseURL: llm.baseURL,
      apiKey: 'sk-test-secret-123',
      maxRetries: 0,
      ...(o.family ? { family: o.family } : {}),
    },
    {},
  )!;
  const user = o.user?.(profile) ?? new ScriptedUser(profile);
  const result = await runAgent({
    instruction: o.instruction ?? 'Take a photo of the trail with TrailCam.',
    device,
    policy: new ModelPolicy(new LlmClient(cfg)),
    profile,
    memory: o.memory ?? Memory.inMemory(),
    user,
    maxSteps: o.maxSteps ?? 12,
    waitScale: 0,
    recorder: o.dir ? new Recorder(o.dir, { afterWrite: o.afterWrite }) : undefined,
    onStep: o.onStep,
    ...(o.guard ? { guard: o.guard } : {}),
  });
  return {
    result,
    llm,
    device,
    user,
    profile,
    close: async () => {
      await device.close();
      await llm.close();
    },
  };
}
