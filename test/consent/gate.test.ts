import { decide, Session } from '../../src/consent/gate.js';
import type { Sensitivity } from '../../src/consent/types.js';
import { loadProfile } from '../../src/profile/load.js';
import { Memory } from '../../src/profile/memory.js';
import { Profile } from '../../src/profile/schema.js';
import { sensitivity } from '../support/sensitivity.js';

const s = (over: Partial<Sensitivity> = {}): Sensitivity => sensitivity({ precision: 'precise', ...over });
const ctx = (profile: string | Profile, extra: Partial<Parameters<typeof decide>[1]> = {}) => ({
  app: 'com.x',
  instruction: 'Take a photo',
  profile: typeof profile === 'string' ? loadProfile(profile) : profile,
  memory: Memory.inMemory(),
  session: new Session(),
  ...extra,
});

describe('the consent gate', () => {
  test('protective choices never need consent, whatever the profile', () => {
    expect(decide(s({ grant: 'deny', exposing: false }), ctx('utility-first'))).toMatchObject({
      verdict: 'allow',
      source: 'protective',
    });
  });

  test('profile rules: deny blocks, allow within the limit allows, beyond it blocks with the narrower choice named', () => {
    expect(decide(s(), ctx('privacy-first'))).toMatchObject({ verdict: 'block', source: 'profile' });
    expect(decide(s(), ctx('utility-first'))).toMatchObject({ verdict: 'allow', source: 'profile' });
    const grandma = ctx('grandma-knowu');
    expect(decide(s(), grandma)).toMatchObject({
      verdict: 'block',
      reason: expect.stringContaining('"Only this time"'),
    });
    // hands-on oversight, so even a permitted grant is asked about
    expect(decide(s({ grant: 'allow_once' }), grandma)).toMatchObject({ verdict: 'ask', source: 'oversight' });
    const balanced = ctx('balanced');
    expect(decide(s(), balanced)).toMatchObject({ verdict: 'block', reason: expect.stringContaining('Approximate') });
    expect(decide(s({ precision: 'approximate' }), balanced)).toMatchObject({ verdict: 'allow' });
  });

  test('no covering rule means ask', () => {
    const bare = Profile.parse({ id: 'bare', name: 'B', summary: 'nothing set' });
    expect(decide(s(), ctx(bare))).toMatchObject({ verdict: 'ask', source: 'default' });
  });

  test('a refusal in this run blocks the same category in the same app, not in another app', () => {
    const c = ctx('utility-first');
    c.session.refuse('com.x', 'location', 'answered deny');
    expect(decide(s({ grant: 'allow_once' }), c)).toMatchObject({ verdict: 'block', source: 'session' });
    expect(decide(s(), { ...c, app: 'com.other' })).toMatchObject({ verdict: 'allow', source: 'profile' });
  });

  test('memory overrides the profile in both directions; a later answer replaces an earlier one', () => {
    const c = ctx('privacy-first');
    c.memory.remember({ app: 'com.x', category: 'location', decision: 'allow', provenance: 'asked' });
    // the profile's deny still wins over a remembered allow: "what the user refused stays refused"
    expect(decide(s(), c)).toMatchObject({ verdict: 'block', source: 'profile' });
    const u = ctx('utility-first');
    u.memory.remember({ app: 'com.x', category: 'location', decision: 'deny', provenance: 'asked' });
    expect(decide(s(), u)).toMatchObject({ verdict: 'block', source: 'memory' });
    u.memory.remember({ app: 'com.x', category: 'location', decision: 'allow', provenance: 'feedback' });
    expect(decide(s(), u)).toMatchObject({ verdict: 'allow', source: 'memory' });
    expect(u.memory.history().map((e) => [e.decision, e.supersededBy])).toEqual([
      ['deny', 2],
      ['allow', undefined],
    ]);
  });

  test('critical points: an irreversible step the instruction did not ask for is asked about, even when allowed', () => {
    const publish = s({ category: 'data_sharing_publish', grant: 'accept', irreversible: true, precision: undefined });
    expect(decide(publish, ctx('utility-first'))).toMatchObject({ verdict: 'ask', source: 'critical' });
    expect(decide(publish, ctx('utility-first', { instruction: 'Post the photo to my feed' }))).toMatchObject({
      verdict: 'allow',
    });
  });

  test('critical points: personal data that neither the instruction nor the profile gives is asked about', () => {
    const typed = (text: string) =>
      s({
        category: 'data_sharing_publish',
        grant: 'accept',
        personalData: true,
        precision: undefined,
        evidence: { text, resourceId: '', reason: 'typing' },
      });
    expect(decide(typed('someone@else.com'), ctx('utility-first'))).toMatchObject({
      verdict: 'ask',
      source: 'critical',
    });
    expect(decide(typed('uli.trails@gmail.com'), ctx('utility-first'))).toMatchObject({ verdict: 'allow' });
  });

  test('a step the model flagged sensitive is asked about where the profile alone would allow; a refusal still blocks', () => {
    expect(decide(s({ flagged: '重要操作' }), ctx('utility-first'))).toMatchObject({
      verdict: 'ask',
      source: 'critical',
      reason: expect.stringContaining('the agent flagged this step as sensitive (重要操作)'),
    });
    expect(decide(s({ flagged: 'x' }), ctx('privacy-first'))).toMatchObject({ verdict: 'block', source: 'profile' });
    // The user's own "always" this run covers it; a protective choice needs nothing.
    const session = new Session();
    session.allow('com.x', 'location', 'allow_always');
    expect(decide(s({ flagged: 'x' }), ctx('utility-first', { session }))).toMatchObject({
      verdict: 'allow',
      source: 'session',
    });
    expect(decide(s({ flagged: 'x', grant: 'deny', exposing: false }), ctx('utility-first'))).toMatchObject({
      verdict: 'allow',
      source: 'protective',
    });
  });

  test('a tentative category (read from words the requesting app controls) can be blocked, never allowed unasked', () => {
    const guess = s({ tentative: true });
    expect(decide(guess, ctx('utility-first'))).toMatchObject({ verdict: 'ask' });
    expect(decide(guess, ctx('privacy-first'))).toMatchObject({ verdict: 'block', source: 'profile' });
    const c = ctx('utility-first');
    c.memory.remember({ app: 'com.x', category: 'location', decision: 'allow', provenance: 'asked' });
    expect(decide(guess, c)).toMatchObject({ verdict: 'ask' });
  });
});
