// Per-step overhead of heed's loop on the simulated phone with a zero-latency scripted model: what heed itself
// costs per step, apart from the model's own thinking time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent } from '../src/agent/loop.js';
import { Recorder } from '../src/agent/recorder.js';
import { openDevice } from '../src/device/open.js';
import { LlmClient } from '../src/policy/llm/client.js';
import { resolveLlmConfig } from '../src/policy/llm/config.js';
import { startFakeLlm } from '../src/policy/llm/scripted-server.js';
import { ModelPolicy } from '../src/policy/model-policy.js';
import { loadProfile } from '../src/profile/load.js';
import { Memory } from '../src/profile/memory.js';
import { ScriptedUser } from '../src/user/scripted.js';
import { median, p90, table } from './stats.js';

export async function agentBench(steps: number): Promise<void> {
  // Settings → Apps → back → Apps …: every step observes, frames, prompts, classifies, gates, acts and records.
  const llm = await startFakeLlm((req) => {
    const first = req.messages.find((m) => m.role === 'user')!;
    const text = typeof first.content === 'string' ? first.content : first.content.map((p) => p.text ?? '').join('\n');
    const apps = /^\[(\d+)\] \S+ "Apps · /m.exec(text);
    return JSON.stringify(apps ? { action: 'tap', element: Number(apps[1]) } : { action: 'back' });
  });
  const device = await openDevice({ device: 'sim', sim: { app: 'com.android.settings' } });
  const profile = loadProfile('utility-first');
  const dir = mkdtempSync(join(tmpdir(), 'heed-bench-'));
  try {
    const cfg = resolveLlmConfig('agent', { model: 'bench', baseURL: llm.baseURL, maxRetries: 0 }, {})!;
    const r = await runAgent({
      instruction: 'Open Apps in Settings and come back, again and again.',
      device,
      policy: new ModelPolicy(new LlmClient(cfg)),
      profile,
      memory: Memory.inMemory(),
      user: new ScriptedUser(profile),
      maxSteps: steps,
      recorder: new Recorder(dir),
      waitScale: 0,
    });
    const col = (k: keyof (typeof r.timings)[number]) => r.timings.map((t) => t[k]);
    const total = r.timings.map((t) => t.observe + t.frame + t.propose + t.gate + t.act + t.record);
    const rows: [string, number[], string][] = [
      ['observe (screenshot, page source, package, activity, parse)', col('observe'), 'through Appium'],
      ['frame (resize, redact, set-of-mark, JPEG)', col('frame'), 'sharp'],
      ['propose (prompt + HTTP to a zero-latency local model + parse)', col('propose'), 'openai client'],
      ['classify + gate (+ ledger)', col('gate'), ''],
      ['act', col('act'), 'through Appium'],
      ['record (frame file + steps.jsonl)', col('record'), ''],
      ['whole step', total, 'target ≤ 80 ms median'],
    ];
    console.log(`\nAgent loop — ${r.timings.length} steps on the simulated phone, scripted model with no latency\n`);
    console.log(
      table(
        ['phase', 'median ms', 'p90 ms', 'note'],
        rows.map(([n, xs, note]) => [n, median(xs).toFixed(1), p90(xs).toFixed(1), note]),
      ),
    );
    const kb = r.frameBytes.map((b) => b / 1024);
    console.log(
      `\nframe sent per step: median ${median(kb).toFixed(1)} KB, max ${Math.max(...kb).toFixed(1)} KB (target ≤ 60 KB at 1080×2400)`,
    );
    if (r.timings.length < steps)
      console.log(`note: the run stopped after ${r.timings.length} steps (${r.outcome}: ${r.message})`);
  } finally {
    await device.close();
    await llm.close();
  }
}
