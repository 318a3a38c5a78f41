// Issue #10's red team (RT-14, RT-20 … RT-22) at the gate: what an answer covers. "Only this time" cannot be
// honoured on a switch that stays on; "always" covers the grant it was given to and nothing broader; an app known
// only by a label several apps carry is each of them, so a refusal for any one holds; a secret is covered whole,
// never a letter at a time.
import { ConsentGate } from '../../src/consent/consent-gate.js';
import { decide, Session } from '../../src/consent/gate.js';
import { Ledger } from '../../src/consent/ledger.js';
import { ambiguousApp, appCandidates } from '../../src/core/app-key.js';
import { loadProfile } from '../../src/profile/load.js';
import { Memory } from '../../src/profile/memory.js';
import { Profile } from '../../src/profile/schema.js';
import { sensitivity } from '../support/sensitivity.js';

const s = sensitivity;
const at = (app = 'com.heed.trailcam') => ({ step: 1, app, instruction: 'Take a photo' });

describe('what an answer covers', () => {
  test('"only this time" on a standing switch is not granted; on a one-shot step it is', () => {
    const gate = new ConsentGate({ profile: loadProfile('hands-on'), memory: Memory.inMemory(), ledger: new Ledger() });
    const overlay = s({
      category: 'special_access',
      grant: 'accept',
      standing: true,
      evidence: { text: 'Allow display over other apps', resourceId: '', reason: 't' },
    });
    expect(gate.answered(overlay, at(), { kind: 'allow_once' }, 'terminal')).toMatchObject({
      verdict: 'block',
      reason: expect.stringContaining('stays on'),
    });
    const pay = s({ category: 'payment_purchase', grant: 'accept' });
    expect(gate.answered(pay, at(), { kind: 'allow_once' }, 'terminal')).toMatchObject({ verdict: 'allow' });
  });

  test('"always" on a one-time grant is remembered with it, and covers no broader grant', () => {
    const memory = Memory.inMemory();
    const gate = new ConsentGate({ profile: loadProfile('balanced'), memory, ledger: new Ledger() });
    gate.answered(s({ grant: 'allow_once' }), at(), { kind: 'always' }, 'terminal');
    expect(memory.rules()[0]).toMatchObject({ category: 'location', decision: 'allow', grant: 'allow_once' });
    const ctx = {
      app: 'com.heed.trailcam',
      instruction: 'x',
      profile: loadProfile('balanced'),
      memory,
      session: new Session(),
    };
    expect(decide(s({ grant: 'allow_once' }), ctx)).toMatchObject({ verdict: 'allow', source: 'memory' });
    expect(decide(s({ grant: 'allow_foreground' }), ctx).source).not.toBe('memory');
    // A rule written without a grant (by hand, or saved before grants were kept) covers every grant, as before.
    const old = Memory.inMemory();
    old.remember({ app: 'com.heed.trailcam', category: 'location', decision: 'allow', provenance: 'explicit' });
    expect(decide(s({ grant: 'allow_always' }), { ...ctx, memory: old })).toMatchObject({ source: 'memory' });
  });

  test('an ambiguous app is each of its candidates: one "never" or refusal blocks it', () => {
    const key = ambiguousApp('TrailCam', ['com.evil.trailcam', 'com.heed.trailcam']);
    expect(appCandidates(key)).toEqual(['com.evil.trailcam', 'com.heed.trailcam']);
    expect(appCandidates('com.heed.trailcam')).toEqual(['com.heed.trailcam']);
    const memory = Memory.inMemory();
    memory.remember({ app: 'com.heed.trailcam', category: 'location', decision: 'deny', provenance: 'asked' });
    const ctx = { app: key, instruction: 'x', profile: loadProfile('utility-first'), memory, session: new Session() };
    expect(decide(s(), ctx)).toMatchObject({ verdict: 'block', source: 'memory' });
    // A refusal given on the ambiguous key holds for the real app afterwards.
    const gate = new ConsentGate({ profile: loadProfile('balanced'), memory: Memory.inMemory(), ledger: new Ledger() });
    gate.answered(s(), at(key), { kind: 'deny' }, 'terminal');
    expect(gate.decide(s(), at('com.heed.trailcam'))).toMatchObject({ verdict: 'block', source: 'session' });
  });

  test('a secret is covered whole: a password a letter at a time is never "provided" by the profile', () => {
    const p = Profile.parse({
      id: 'p',
      name: 'Uli',
      summary: 's',
      consent: { account_signin: { decision: 'allow' } },
      oversight: 'hands-off',
      personal: { name: 'Uli', email: 'uli.trails@gmail.com', password: 'Tr4il!Pass' },
    });
    const ctx = { app: 'com.x', instruction: 'Sign in', profile: p, memory: Memory.inMemory(), session: new Session() };
    const typed = (part: string) =>
      s({
        category: 'account_signin',
        grant: 'accept',
        personalData: true,
        secret: 'a password',
        typed: { parts: [part] },
      });
    expect(decide(typed('T'), ctx).verdict).toBe('ask');
    expect(decide(typed('Tr4il'), ctx).verdict).toBe('ask');
    expect(decide(typed('Tr4il!Pass'), ctx).verdict).toBe('allow');
    // Personal data that is no secret is still covered by a piece of a fact (a first name from the full name).
    const personal = s({
      category: 'data_sharing_publish',
      grant: 'accept',
      personalData: true,
      typed: { parts: ['uli.trails'] },
    });
    expect(
      decide(personal, {
        ...ctx,
        profile: Profile.parse({ ...p, consent: { data_sharing_publish: { decision: 'allow' } } }),
      }).verdict,
    ).toBe('allow');
  });
});
