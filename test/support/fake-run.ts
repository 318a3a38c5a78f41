// The real loop, the real ModelPolicy and the real openai client over HTTP to a scripted endpoint, on the in-process
// fake phone: fast tests of what the loop does with what the model and the device give it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent, type RunOptions, type RunResult } from '../../src/agent/loop.js';
import { Recorder } from '../../src/agent/recorder.js';
import type { Cassette } from '../../src/policy/llm/cassette.js';
import { LlmClient } from '../../src/policy/llm/client.js';
import { resolveLlmConfig, type LlmOptions } from '../../src/policy/llm/config.js';
import { ModelPolicy } from '../../src/policy/model-policy.js';
import { loadProfile } from '../../src/profile/load.js';
import { Memory } from '../../src/profile/memory.js';
import { ScriptedUser } from '../../src/user/scripted.js';
import { startFakeLlm, type ChatRequest, type FakeLlm, type Reply } from './fake-llm.js';
import { FakeDevice, type FakeDeviceOptions } from './fake-device.js';

export interface FakeRun {
  result: RunResult;
  llm: FakeLlm;
  device: FakeDevice;
  dir: string;
}

export async function runOnFake(o: {
  respond: (req: ChatRequest, n: number) => Reply | Promise<Reply>;
  device?: FakeDeviceOptions;
  profile?: string;
  llm?: LlmOptions;
  cassette?: Cassette;
  run?: Partial<RunOptions>;
}): Promise<FakeRun> {
  const llm = await startFakeLlm(o.respond);
  const dir = mkdtempSync(join(tmpdir(), 'heed-fake-'));
  const device = new FakeDevice(o.device);
  const profile = loadProfile(o.profile ?? 'balanced');
  const cfg = resolveLlmConfig('agent', { model: 'scripted-vlm', baseURL: llm.baseURL, maxRetries: 0, ...o.llm })!;
  try {
    const result = await runAgent({
      instruction: 'Open Settings.',
      device,
      policy: new ModelPolicy(new LlmClient(cfg, o.cassette)),
      profile,
      memory: Memory.inMemory(),
      user: new ScriptedUser(profile),
      maxSteps: 6,
      waitScale: 0,
      recorder: new Recorder(dir),
      ...o.run,
    });
    return { result, llm, device, dir };
  } finally {
    await llm.close();
  }
}
