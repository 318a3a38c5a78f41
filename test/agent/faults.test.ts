// Whatever the model endpoint or the device does, a run ends with an outcome from the closed set, its cause, a
// summary.json and a line for the failing step; model mistakes are step outcomes the model is told about.
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent } from '../../src/agent/loop.js';
import type { StepRecord } from '../../src/agent/recorder.js';
import { Recorder } from '../../src/agent/recorder.js';
import type { Guard, GuardReview } from '../../src/policy/guard.js';
import { Cassette } from '../../src/policy/llm/cassette.js';
import { emptyProposal, type Policy } from '../../src/policy/policy.js';
import { loadProfile } from '../../src/profile/load.js';
import { Memory } from '../../src/profile/memory.js';
import { ScriptedUser } from '../../src/user/scripted.js';
import { promptOf } from '../support/fake-llm.js';
import { FakeDevice } from '../support/fake-device.js';
import { runOnFake } from '../support/fake-run.js';

const finish = JSON.stringify({ action: 'finish', status: 'success', message: 'done' });
const body = (content: unknown) => ({
  status: 200,
  body: { id: 'x', choices: [{ index: 0, message: { role: 'assistant', content } }], usage: {} },
});
const steps = (dir: string): StepRecord[] =>
  readFileSync(join(dir, 'steps.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as StepRecord);
const summary = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));

describe('model replies that are not what the SDK types promise', () => {
  test('content parts are read as text; a number is re-asked as unusable, never a crash', async () => {
    const run = await runOnFake({
      respond: (_r, n) => (n === 0 ? body([{ type: 'text', text: finish }]) : finish),
    });
    expect(run.result.outcome).toBe('success');
    const again = await runOnFake({ respond: (_r, n) => (n === 0 ? body(42) : finish) });
    expect(again.result.outcome).toBe('success');
    expect(again.result.trajectory[0]!.proposal.attempts).toBe(2);
    expect(promptOf(again.llm.requests[1]!)).toContain('not a valid action: no JSON object found');
  });

  test("a body without choices is the endpoint's failure, not the model's: model-error, with the body quoted", async () => {
    const run = await runOnFake({
      respond: () => ({ status: 200, body: { error: { message: 'quota exceeded for this key' } } }),
    });
    expect(run.result.outcome).toBe('model-error');
    expect(steps(run.dir).map((s) => s.status)).toEqual(['error']);
    expect(summary(run.dir)).toMatchObject({
      outcome: 'model-error',
      message: expect.stringMatching(/answered without choices.*quota exceeded/),
    });
  });

  test('one body without choices, then a reply: retried, and the run goes on', async () => {
    const run = await runOnFake({
      respond: (_r, n) => (n === 0 ? { status: 200, body: { id: 'x', object: 'chat.completion' } } : finish),
      llm: { maxRetries: 1, backoffMs: 1 },
    });
    expect(run.result.outcome).toBe('success');
  });

  test('usage given as strings or negative numbers never reaches the totals as text or below zero', async () => {
    const run = await runOnFake({
      respond: (_r, n) => ({
        status: 200,
        body: {
          id: 'x',
          choices: [{ index: 0, message: { role: 'assistant', content: n === 0 ? '{"action":"back"}' : finish } }],
          usage: n === 0 ? { prompt_tokens: '1000', completion_tokens: -50 } : { prompt_tokens: 'lots' },
        },
      }),
    });
    expect(run.result.tokens).toEqual({ input: 1000, output: 0 });
    expect(run.result.cost).toBeGreaterThanOrEqual(0);
  });
});

describe('model mistakes are step outcomes the model is told about', () => {
  test('open_app for an app that is not installed: a failed step, then the model is told', async () => {
    const run = await runOnFake({
      respond: (_r, n) => (n === 0 ? JSON.stringify({ action: 'open_app', app: 'Snapgram' }) : finish),
    });
    expect(run.result.outcome).toBe('success');
    expect(run.result.trajectory[0]).toMatchObject({
      status: 'failed',
      problem: expect.stringContaining('no installed app matches "Snapgram" (installed: Settings, TrailCam)'),
    });
    expect(promptOf(run.llm.requests[1]!)).toContain(
      '"open_app app="Snapgram"" could not be done: no installed app matches',
    );
    expect(run.device.performed).toEqual([]);
  });

  test('an element that is not on the screen: a failed step, nothing touched', async () => {
    let n = 0;
    const policy: Policy = {
      name: 'stub',
      convention: 'pixels',
      propose: async () => emptyProposal(n++ === 0 ? { action: 'tap', element: 9999 } : JSON.parse(finish)),
    };
    const profile = loadProfile('balanced');
    const device = new FakeDevice();
    const r = await runAgent({
      instruction: 'x',
      device,
      policy,
      profile,
      memory: Memory.inMemory(),
      user: new ScriptedUser(profile),
      waitScale: 0,
    });
    expect(r.trajectory.map((s) => [s.status, s.problem])).toEqual([
      ['failed', 'element 9999 is not on this screen'],
      ['finish', undefined],
    ]);
    expect(device.performed).toEqual([]);
  });

  test('a gesture the device refuses: failed, the model is told; three in a row end stuck', async () => {
    const back = JSON.stringify({ action: 'back' });
    const run = await runOnFake({
      respond: () => back,
      device: { refuse: (a) => (a.kind === 'key' ? 'invalid argument: key events are disabled' : undefined) },
    });
    expect(run.result.outcome).toBe('stuck');
    expect(run.result.trajectory.map((s) => s.status)).toEqual(['failed', 'failed', 'failed']);
    expect(promptOf(run.llm.requests[1]!)).toContain('the phone refused it (key: invalid argument');
    expect(summary(run.dir).outcome).toBe('stuck');
  });
});

describe('failures that end the run still leave an outcome, its cause, the step and the summary', () => {
  test.each([
    ['500 after the retries', { status: 500, body: { error: { message: 'overloaded' } } }],
    ['429 after the retries', { status: 429, body: { error: { message: 'slow down' } } }],
    ['a reset connection', { reset: true as const }],
  ])('the endpoint fails (%s): model-error', async (_what, reply) => {
    const run = await runOnFake({ respond: () => reply, llm: { maxRetries: 1, backoffMs: 1 } });
    expect(run.result).toMatchObject({ outcome: 'model-error', message: expect.stringContaining('failed') });
    expect(run.llm.requests).toHaveLength(2); // one retry
    const [line] = steps(run.dir);
    expect(line).toMatchObject({ step: 1, status: 'error', error: { stage: 'propose', outcome: 'model-error' } });
    expect(line!.frame).toBe('frames/step-001.jpg');
    expect(summary(run.dir)).toMatchObject({ outcome: 'model-error', steps: 1 });
  });

  test('a request that times out, every retry: model-error with the attempts counted (not a budget)', async () => {
    const run = await runOnFake({
      respond: () => ({ stall: 'headers' }),
      llm: { timeoutMs: 300, maxRetries: 1, backoffMs: 1 },
    });
    expect(run.result).toMatchObject({
      outcome: 'model-error',
      message: expect.stringMatching(/failed after 2 attempts: no complete reply within 300 ms/),
    });
    expect(run.llm.requests).toHaveLength(2);
    expect(steps(run.dir)[0]).toMatchObject({ status: 'error', error: { stage: 'propose', outcome: 'model-error' } });
  });

  test('an endpoint that is not there: model-error, not a crash', async () => {
    const run = await runOnFake({
      respond: () => finish,
      llm: { baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0 },
    });
    expect(run.result.outcome).toBe('model-error');
    expect(summary(run.dir).message).toMatch(/127\.0\.0\.1:9/);
  });

  test('the device goes away mid-run: device-lost with the cause, the step recorded, the summary written', async () => {
    const run = await runOnFake({ respond: () => JSON.stringify({ action: 'back' }), device: { lostAfter: 2 } });
    expect(run.result).toMatchObject({ outcome: 'device-lost', message: expect.stringContaining('ECONNREFUSED') });
    // Step 2's gesture finds the session gone: not a refusal the model could fix, the end of the run.
    expect(steps(run.dir).map((s) => s.status)).toEqual(['done', 'error']);
    expect(steps(run.dir)[1]!.error).toMatchObject({ stage: 'act', outcome: 'device-lost' });
    expect(summary(run.dir)).toMatchObject({ outcome: 'device-lost', steps: 2 });
  });

  test('a cassette that cannot be written is heed’s error, not the model’s', async () => {
    // A folder takes the file's place after the cassette was opened (a folder given up front is refused by the
    // constructor, before the phone boots: test/cli/inputs.test.ts): the write itself fails.
    const file = join(mkdtempSync(join(tmpdir(), 'heed-cassette-')), 'calls.jsonl');
    const cassette = new Cassette(file, 'record');
    mkdirSync(file);
    const run = await runOnFake({ respond: () => finish, cassette });
    expect(run.result).toMatchObject({
      outcome: 'error',
      message: expect.stringContaining('Cannot write the cassette'),
    });
  });
});

describe('budgets and signals reach into the step', () => {
  test('an endpoint that sends headers and stalls: the time budget ends the run at its deadline', async () => {
    const t0 = Date.now();
    const run = await runOnFake({
      respond: () => ({ stall: 'headers' }),
      llm: { timeoutMs: 60_000, maxRetries: 3 },
      run: { maxSeconds: 1.5 },
    });
    expect(Date.now() - t0).toBeLessThan(1500 + 2000);
    expect(run.result).toMatchObject({ outcome: 'budget', message: 'time budget of 1.5 s used up' });
    expect(steps(run.dir).at(-1)).toMatchObject({ status: 'error', error: { stage: 'propose', outcome: 'budget' } });
    expect(summary(run.dir).outcome).toBe('budget');
  });

  test('a guard model that never answers: the time budget ends the run while the guard reviews the step', async () => {
    // The guard looks at a tap nothing flagged; its endpoint (HEED_GUARD_MODEL) stalls as the agent's might.
    const never: Guard = { model: 'guard-m', review: () => new Promise<GuardReview>(() => {}) };
    const t0 = Date.now();
    const run = await runOnFake({
      respond: () => JSON.stringify({ action: 'tap', x: 100, y: 300 }),
      run: { maxSeconds: 1, guard: never },
    });
    expect(Date.now() - t0).toBeLessThan(1000 + 2000);
    expect(run.result).toMatchObject({ outcome: 'budget', message: 'time budget of 1 s used up' });
    expect(steps(run.dir).at(-1)).toMatchObject({ status: 'error', error: { stage: 'classify', outcome: 'budget' } });
    expect(summary(run.dir).outcome).toBe('budget');
  });

  test('a device that hangs: the time budget still ends the run', async () => {
    const run = await runOnFake({
      respond: () => finish,
      device: { observeDelayMs: 60_000 },
      run: { maxSeconds: 0.5 },
    });
    expect(run.result.outcome).toBe('budget');
    expect(steps(run.dir)[0]).toMatchObject({ status: 'error', error: { stage: 'observe', outcome: 'budget' } });
  });

  test("the caller's signal ends the run as interrupted while the model is thinking", async () => {
    const stop = new AbortController();
    const run = await runOnFake({
      respond: () => {
        setTimeout(() => stop.abort(), 50);
        return { stall: 'silent' };
      },
      run: { signal: stop.signal },
    });
    expect(run.result.outcome).toBe('interrupted');
    expect(summary(run.dir).outcome).toBe('interrupted');
  });

  test('a user who never answers: the budget ends the run while heed waits for the answer', async () => {
    const profile = loadProfile('hands-on');
    const dir = mkdtempSync(join(tmpdir(), 'heed-ask-'));
    const device = new FakeDevice({ screen: (await import('../support/fake-device.js')).SCREENS.location });
    let n = 0;
    const r = await runAgent({
      instruction: 'Take a photo',
      device,
      policy: {
        name: 'stub',
        convention: 'pixels',
        propose: async (ctx) =>
          emptyProposal(
            n++ === 0
              ? { action: 'tap', element: ctx.frame.elements.find((e) => e.label === 'While using the app')!.index }
              : JSON.parse(finish),
          ),
      },
      profile,
      memory: Memory.inMemory(),
      user: { kind: 'terminal', ask: () => new Promise(() => {}), consent: () => new Promise(() => {}) },
      recorder: new Recorder(dir),
      maxSeconds: 0.5,
    });
    expect(r.outcome).toBe('budget');
    expect(steps(dir)[0]).toMatchObject({ status: 'error', error: { stage: 'ask', outcome: 'budget' } });
    expect(device.performed).toEqual([]); // nothing was granted while nobody answered
    // The ledger still says what heed asked, that it was refused, and why: the run stopped while it asked.
    const ledger = readFileSync(join(dir, 'ledger.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ledger).toEqual([
      expect.objectContaining({
        category: 'location',
        verdict: 'block',
        source: 'no-answer',
        answerSource: 'interrupted',
      }),
    ]);
    expect(ledger[0].reason).toMatch(/stopped while heed was asking/);
  });
});
