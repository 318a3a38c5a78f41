// The optional guard model (HEED_GUARD_MODEL): a fourth model slot that looks at steps the rules did not flag. It may
// add a sensitivity, never remove one; its verdict and reasoning go to the ledger, never to the agent. Real loop,
// simulated phone through Appium, both models scripted over HTTP through the openai client.
import { readFileSync, mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Heed } from '../../src/agent/heed.js';
import { makeGuard } from '../../src/agent/session.js';
import { DEFAULT_CONFIG, loadConfig } from '../../src/core/config.js';
import { GuardModel } from '../../src/policy/guard.js';
import { LlmClient } from '../../src/policy/llm/client.js';
import { resolveLlmConfig } from '../../src/policy/llm/config.js';
import { loadProfile } from '../../src/profile/load.js';
import { ScriptedUser } from '../../src/user/scripted.js';
import { act, promptOf, scripted, startFakeLlm, stepPromptOf, tap, type ChatRequest } from '../support/fake-llm.js';
import { runWithScriptedModel } from '../support/agent-run.js';
import { testConfig } from '../support/config.js';

const SECRET = 'GUARD-REASONING-7f3a';

async function guardServer(verdict: (req: ChatRequest) => Record<string, unknown>) {
  const llm = await startFakeLlm((req) => JSON.stringify(verdict(req)));
  const cfg = resolveLlmConfig('guard', { model: 'scripted-guard', baseURL: llm.baseURL, maxRetries: 0 }, {})!;
  return { llm, guard: new GuardModel(new LlmClient(cfg)) };
}

const touches = (req: ChatRequest) => promptOf(req).match(/It touches: "([^"]*)"/)?.[1];

describe('the guard model', () => {
  test('adds a sensitivity the rules missed: the gate asks, the user refuses, nothing reaches the agent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heed-guard-'));
    const g = await guardServer((req) =>
      touches(req) === 'Add alarm'
        ? { sensitive: true, category: 'data_sharing_publish', reason: `${SECRET}: it uploads the alarm list` }
        : { sensitive: false, reason: 'opening an app' },
    );
    const run = await runWithScriptedModel({
      profile: 'balanced',
      instruction: 'Set an alarm for 07:00.',
      dir,
      guard: g.guard,
      user: (p) => new ScriptedUser(p, { data_sharing_publish: { kind: 'deny' } }),
      respond: scripted([
        act({ action: 'open_app', app: 'Clock' }),
        tap('Add alarm'),
        act({ action: 'finish', status: 'infeasible', message: 'refused' }),
      ]),
    });
    try {
      const flagged = run.result.ledger.entries.find((e) => e.detectedBy === 'guard');
      expect(flagged).toMatchObject({ category: 'data_sharing_publish', verdict: 'block', source: 'user' });
      expect(run.result.blocked).toBe(1);
      // Its verdict and reasoning are in the ledger, in memory and in ledger.jsonl …
      expect(run.result.ledger.reviews).toEqual([
        expect.objectContaining({
          guard: expect.objectContaining({ verdict: 'sensitive', reasoning: expect.stringContaining(SECRET) }),
        }),
      ]);
      expect(readFileSync(join(dir, 'ledger.jsonl'), 'utf8')).toContain(SECRET);
      // … and nowhere the agent reads: not in any prompt, not in its history, not in the user's question.
      for (const req of run.llm.requests) expect(JSON.stringify(req)).not.toContain(SECRET);
      expect(JSON.stringify(run.result.history)).not.toContain(SECRET);
      // It saw the screen (the frame as an image) and the step.
      const asked = g.llm.requests.find((r) => touches(r) === 'Add alarm')!;
      expect(JSON.stringify(asked)).toContain('data:image/jpeg;base64,');
    } finally {
      await run.close();
      await g.llm.close();
    }
  });

  test('never sees a step the rules flagged, and a clear verdict changes nothing', async () => {
    const g = await guardServer(() => ({ sensitive: false, reason: 'nothing to see' }));
    const run = await runWithScriptedModel({
      profile: 'privacy-first',
      guard: g.guard,
      respond: scripted([
        act({ action: 'open_app', app: 'TrailCam' }),
        tap('Don’t allow'),
        act({ action: 'finish', status: 'success', message: 'done' }),
      ]),
    });
    try {
      // "Don’t allow" is a rules point (location, deny): the guard is not asked about it, and cannot unflag it.
      expect(g.llm.requests.map(touches)).not.toContain('Don’t allow');
      expect(run.result.ledger.entries.map((e) => [e.category, e.grant, e.detectedBy])).toEqual([
        ['location', 'deny', 'rules'],
      ]);
      expect(run.result.ledger.reviews.every((r) => r.guard.verdict === 'clear')).toBe(true);
    } finally {
      await run.close();
      await g.llm.close();
    }
  });

  test('off by default; HEED_GUARD_* configure it like the other slots, and a broken reply adds nothing', async () => {
    expect(makeGuard(DEFAULT_CONFIG)).toBeUndefined();
    const config = loadConfig({ HEED_GUARD_MODEL: 'guard-vlm', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(makeGuard(config)?.model).toBe('guard-vlm');
    expect(resolveLlmConfig('guard', { model: 'opt' }, config.llm.guard)?.model).toBe('opt');
    expect(() => loadConfig({ HEED_GUARD_TEMPERATURE: 'hot' })).toThrow(/HEED_GUARD_TEMPERATURE/);
    const g = await startFakeLlm(() => 'not json at all');
    const guard = new GuardModel(
      new LlmClient(resolveLlmConfig('guard', { model: 'g', baseURL: g.baseURL, maxRetries: 0 }, {})!),
    );
    const r = await guard.review({
      instruction: 'x',
      app: 'a',
      action: 'tap',
      screen: [],
      jpeg: Buffer.from([0xff, 0xd8]),
    });
    expect(r).toMatchObject({ verdict: 'error' });
    await g.close();
  });

  test("an abort cancels the guard's HTTP request itself, not only the wait for it", async () => {
    // An endpoint that takes the request and never answers: the request must be closed from heed's side.
    let closed!: () => void;
    const hungUp = new Promise<void>((r) => (closed = r));
    const seen: IncomingMessage[] = [];
    const server = createServer((req) => {
      seen.push(req);
      req.socket.on('close', () => closed());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const guard = new GuardModel(
        new LlmClient(
          resolveLlmConfig('guard', { model: 'g', baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 }, {})!,
        ),
      );
      const ac = new AbortController();
      const review = guard.review(
        { instruction: 'x', app: 'a', action: 'tap', screen: [], jpeg: Buffer.from([0xff, 0xd8]) },
        ac.signal,
      );
      while (!seen.length) await new Promise((r) => setTimeout(r, 20));
      ac.abort(new Error('budget spent'));
      // The abort is thrown (it ends the run), not recorded as a guard error, and the socket closes.
      await expect(review).rejects.toThrow('budget spent');
      const late = new Promise<string>((r) => setTimeout(() => r('still open'), 3000).unref());
      await expect(Promise.race([hungUp.then(() => 'closed'), late])).resolves.toBe('closed');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  test('the library facade: Heed.open takes the guard from HEED_GUARD_* or its option, and false turns it off', async () => {
    const g = await guardServer((req) =>
      touches(req) === 'Add alarm'
        ? { sensitive: true, category: 'data_sharing_publish', reason: `${SECRET}: it uploads the alarm list` }
        : { sensitive: false, reason: 'opening an app' },
    );
    // An agent that opens Clock and taps "Add alarm" until heed says no (or the alarm editor opens).
    const agent = await startFakeLlm((req) => {
      const p = stepPromptOf(req);
      if (p.includes('heed says'))
        return JSON.stringify({ action: 'finish', status: 'infeasible', message: 'refused' });
      if (p.includes('Screen: com.google.android.apps.nexuslauncher'))
        return JSON.stringify({ action: 'open_app', app: 'Clock' });
      try {
        return tap('Add alarm')(req);
      } catch {
        return JSON.stringify({ action: 'finish', status: 'success', message: 'editor open' });
      }
    });
    const model = { model: 'scripted-vlm', baseURL: agent.baseURL, maxRetries: 0 };
    // From the environment, as the command line reads it: HEED_GUARD_MODEL and its endpoint.
    const config = { ...testConfig, llm: { ...testConfig.llm, guard: { model: 'env-guard', baseURL: g.llm.baseURL } } };
    const user = new ScriptedUser(loadProfile('balanced'), { data_sharing_publish: { kind: 'deny' } });
    const heed = await Heed.open({ profile: 'balanced', model, user, config, device: 'sim' });
    const off = await Heed.open({ profile: 'balanced', model, user, config, device: heed.device, guard: false });
    try {
      const r = await heed.run('Set an alarm for 07:00.');
      // The guard flagged the tap the rules did not: the gate asked, the user refused, the agent was told no more.
      expect(r.ledger.entries.find((e) => e.detectedBy === 'guard')).toMatchObject({
        category: 'data_sharing_publish',
        verdict: 'block',
      });
      expect(r.ledger.reviews.map((x) => x.guard.model)).toContain('env-guard');
      expect(JSON.stringify(r.history)).not.toContain(SECRET);
      for (const req of agent.requests) expect(JSON.stringify(req)).not.toContain(SECRET);
      // With guard: false the same run is not reviewed at all, and nothing is flagged.
      const asked = g.llm.requests.length;
      const r2 = await off.run('Set an alarm for 07:00.');
      expect(g.llm.requests.length).toBe(asked);
      expect(r2.ledger.reviews).toEqual([]);
      expect(r2.ledger.entries.some((e) => e.detectedBy === 'guard')).toBe(false);
    } finally {
      await off.close();
      await heed.close();
      await agent.close();
      await g.llm.close();
    }
  }, 180_000); // two agent runs through Appium; minutes when the machine is shared

  test('the library facade: a guard given as settings or as a Guard object is the one used', async () => {
    const g = await guardServer(() => ({ sensitive: false, reason: 'fine' }));
    const mine = new GuardModel(
      new LlmClient(resolveLlmConfig('guard', { model: 'mine', baseURL: g.llm.baseURL, maxRetries: 0 }, {})!),
    );
    const policy = { name: 'none', propose: async () => ({ action: { action: 'finish', status: 'success' } }) };
    const device = { observe: async () => ({}) } as never;
    const config = { ...testConfig, llm: { ...testConfig.llm, guard: { model: 'env-guard' } } };
    const byObject = await Heed.open({ profile: 'balanced', model: policy as never, device, config, guard: mine });
    const bySettings = await Heed.open({
      profile: 'balanced',
      model: policy as never,
      device,
      config,
      guard: { model: 'opt' },
    });
    const byEnv = await Heed.open({ profile: 'balanced', model: policy as never, device, config });
    const none = await Heed.open({ profile: 'balanced', model: policy as never, device, config: testConfig });
    expect([byObject, bySettings, byEnv, none].map((h) => h.guard?.model)).toEqual([
      'mine',
      'opt',
      'env-guard',
      undefined,
    ]);
    await g.llm.close();
  });
});
