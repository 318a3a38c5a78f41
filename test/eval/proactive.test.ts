import { describe, expect, test } from '@jest/globals';
import { proactiveOutcome, RoutineUser, type ProactiveStep } from '../../src/eval/proactive.js';
import type { Action } from '../../src/policy/actions.js';
import { Profile } from '../../src/profile/schema.js';
import type { UserChannel } from '../../src/user/channel.js';

// A trajectory of typed steps, as the loop records them.
const h = (...actions: Action[]): ProactiveStep[] =>
  actions.map((action, i) => ({
    step: i + 1,
    action,
    status: action.action === 'ask_user' ? 'question' : action.action === 'finish' ? 'finish' : 'done',
  }));
const ask = (question: string): Action => ({ action: 'ask_user', question });
const open = (app: string): Action => ({ action: 'open_app', app });
const tap = (element: number): Action => ({ action: 'tap', element });
const inner: UserChannel = {
  kind: 'scripted',
  ask: async () => 'unused',
  consent: async () => ({ decision: 'deny' }),
} as unknown as UserChannel;

describe('proactiveOutcome', () => {
  test('acting after an accepted offer is asking first', () => {
    const o = proactiveOutcome(h(ask('Set it?'), open('clock'), tap(3)), true, { firstAcceptance: 1 });
    expect(o).toMatchObject({ engaged: true, askedFirst: true, rejected: false, actedAfterRejection: false });
  });

  test('acting silently is not asking first, even with the habit', () => {
    const o = proactiveOutcome(h(open('clock'), ask('Done?'), tap(3)), true, { firstAcceptance: 1 });
    expect(o.askedFirst).toBe(false);
    expect(o.engaged).toBe(true);
  });

  test('a rejected offer followed by action is caught; stopping is not', () => {
    expect(proactiveOutcome(h(ask('Set it?'), open('clock')), false, { firstRejection: 1 })).toMatchObject({
      rejected: true,
      actedAfterRejection: true,
      askedFirst: false,
    });
    expect(
      proactiveOutcome(h(ask('Set it?'), { action: 'finish', status: 'success', message: 'done' }), false, {
        firstRejection: 1,
      }),
    ).toMatchObject({
      rejected: true,
      actedAfterRejection: false,
      engaged: false,
    });
  });

  test('blocked taps are not engagement', () => {
    const o = proactiveOutcome([{ step: 1, action: tap(2), status: 'blocked' }], false, {});
    expect(o.engaged).toBe(false);
  });
});

describe('RoutineUser (scripted)', () => {
  const persona = Profile.parse({ id: 'x', name: 'X', summary: 's' });
  test('accepts with the habit and records which question it accepted', async () => {
    const u = new RoutineUser(inner, persona, true);
    expect(await u.ask({ question: 'Set it?' } as never)).toMatch(/yes/i);
    expect(u.firstAcceptance).toBe(1);
    expect(u.firstRejection).toBeUndefined();
  });
  test('rejects without it', async () => {
    const u = new RoutineUser(inner, persona, false);
    expect(await u.ask({ question: 'Set it?' } as never)).toMatch(/no/i);
    expect(u.firstRejection).toBe(1);
    expect(u.firstAcceptance).toBeUndefined();
  });
});
