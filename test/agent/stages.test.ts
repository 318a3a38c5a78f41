// The loop's stages on the in-process phone (real UI dumps, real frames), with a policy scripted in-process: what the
// loop does with each kind of proposal, in milliseconds. The end-to-end path (Appium, HTTP) is test/agent/loop.test.ts.
import { describe, expect, test } from '@jest/globals';
import { runAgent, type RunOptions } from '../../src/agent/loop.js';
import type { Action } from '../../src/policy/actions.js';
import { emptyProposal, type Policy, type StepContext } from '../../src/policy/policy.js';
import { loadProfile } from '../../src/profile/load.js';
import { Memory } from '../../src/profile/memory.js';
import { ScriptedUser } from '../../src/user/scripted.js';
import { FakeDevice, SCREENS } from '../support/fake-device.js';

type Move = (ctx: StepContext) => Action;
const finish: Move = () => ({ action: 'finish', status: 'success', message: 'done' });
/** A policy that plays moves and keeps what it was shown. */
function scripted(moves: Move[], cost = 0) {
  const seen: StepContext[] = [];
  const policy: Policy = {
    name: 'scripted',
    convention: 'pixels',
    propose: async (ctx) => {
      seen.push(ctx);
      const move = moves[seen.length - 1] ?? finish;
      return { ...emptyProposal(move(ctx)), cost };
    },
  };
  return { policy, seen };
}
const label = (ctx: StepContext, text: string) => ctx.frame.elements.find((e) => e.label === text)!;
const tapLabel =
  (text: string): Move =>
  (ctx) => ({ action: 'tap', element: label(ctx, text).index });

async function run(
  o: Omit<Partial<RunOptions>, 'profile'> & { policy: Policy; profile?: string; device?: FakeDevice },
) {
  const profile = loadProfile(o.profile ?? 'privacy-first');
  const device = o.device ?? new FakeDevice({ screen: SCREENS.location });
  const result = await runAgent({
    instruction: 'Take a photo',
    memory: Memory.inMemory(),
    user: new ScriptedUser(profile),
    waitScale: 0,
    ...o,
    profile,
    device,
  });
  return { result, device };
}

describe('the gate in the loop', () => {
  test('a coordinate tap is classified by the element under the finger: blocked like the same tap by index', async () => {
    const byPoint: Move = (ctx) => {
      const [l, t, r, b] = label(ctx, 'While using the app').bounds;
      return { action: 'tap', x: (l + r) / 2, y: (t + b) / 2 };
    };
    const { policy, seen } = scripted([byPoint, tapLabel('While using the app')]);
    const { result, device } = await run({ policy });
    expect(result.trajectory.slice(0, 2).map((s) => [s.status, s.decision?.source, s.target?.label])).toEqual([
      ['blocked', 'profile', 'While using the app'],
      ['blocked', 'profile', 'While using the app'],
    ]);
    expect(device.performed).toEqual([]);
    expect(seen[1]!.notes[0]).toMatch(
      /^heed blocked "tap x=[\d.]+ y=[\d.]+" \(location, allow_foreground\): the profile denies location: I don't let apps track where I am\. Do not retry it/,
    );
  });

  test('three blocked proposals in a row end the run stuck; a step done in between resets the count', async () => {
    const allow = tapLabel('While using the app');
    const once = await run({ policy: scripted([allow, allow, allow]).policy });
    expect(once.result).toMatchObject({ outcome: 'stuck', steps: 3, blocked: 3 });
    const back: Move = () => ({ action: 'back' });
    const reset = await run({ policy: scripted([allow, allow, back, allow, allow, finish]).policy });
    expect(reset.result.outcome).toBe('success');
    expect(reset.result.trajectory.map((s) => s.status)).toEqual([
      'blocked',
      'blocked',
      'done',
      'blocked',
      'blocked',
      'finish',
    ]);
  });

  test('"do this instead": the refusal is recorded and the policy sees the new instruction', async () => {
    const profile = loadProfile('hands-on');
    const { policy, seen } = scripted([tapLabel('While using the app'), finish]);
    const { result } = await run({
      policy,
      profile: 'hands-on',
      user: new ScriptedUser(profile, { location: { kind: 'instead', instruction: 'use approximate location' } }),
    });
    expect(result.trajectory[0]).toMatchObject({ status: 'blocked', answer: 'instead: use approximate location' });
    expect(seen[1]!.instruction).toBe('Take a photo\nThe user now says: use approximate location');
    expect(result.ledger.entries[0]).toMatchObject({ verdict: 'block', source: 'user' });
  });
});

describe('proposals the loop handles itself', () => {
  test('a question, its reply in the next step’s history; an answer; a wait; then finish', async () => {
    const profile = loadProfile('balanced');
    const user = new ScriptedUser(profile);
    const { policy, seen } = scripted([
      () => ({ action: 'ask_user', question: 'Which photo?', options: ['the trail', 'the lake'] }),
      () => ({ action: 'answer', text: 'the trail' }),
      () => ({ action: 'wait', seconds: 30 }),
      finish,
    ]);
    const t0 = Date.now();
    const { result, device } = await run({ policy, profile: 'balanced', user });
    expect(Date.now() - t0).toBeLessThan(5000); // waitScale 0: a 30 s wait takes none
    expect(result.trajectory.map((s) => s.status)).toEqual(['question', 'answer', 'done', 'finish']);
    expect(result.trajectory[0]!.reply).toBeTruthy();
    expect(seen[1]!.history[0]).toMatchObject({
      step: 1,
      outcome: `the user answered: ${result.trajectory[0]!.reply}`,
    });
    expect(result).toMatchObject({ outcome: 'success', answer: 'the trail', questions: 1 });
    expect(device.performed).toEqual([]);
  });
});

describe('budgets', () => {
  test('the step budget', async () => {
    const back: Move = () => ({ action: 'back' });
    const { result, device } = await run({ policy: scripted([back, back, back]).policy, maxSteps: 2 });
    expect(result).toMatchObject({ outcome: 'budget', message: 'step budget of 2 used up', steps: 2 });
    expect(device.performed).toHaveLength(2);
  });

  test('the cost budget, checked before each step', async () => {
    const back: Move = () => ({ action: 'back' });
    const { result } = await run({ policy: scripted([back, back, back, back], 1).policy, maxCostUsd: 1.5 });
    expect(result).toMatchObject({ outcome: 'budget', message: 'cost budget of $1.5 used up', steps: 2, cost: 2 });
  });
});
