// Every reply in fixtures/model-replies/replies.json — real strings from the models' repositories and the envelope
// variants of the reference — read by its family as heed would act on it.
import type { Action } from '../../../src/policy/actions.js';
import { FAMILY_NAMES, familyNamed } from '../../../src/policy/families/index.js';
import { ReplyError } from '../../../src/policy/families/types.js';
import { interpret } from '../../../src/policy/model-policy.js';
import { loadReplies, size, type ReplyEntry } from '../../support/replies.js';

const REPLIES: ReplyEntry[] = loadReplies('replies.json');

const round = (a: Action) =>
  JSON.parse(JSON.stringify(a, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))) as Record<string, unknown>;

describe.each(FAMILY_NAMES)('%s replies', (family) => {
  const mine = REPLIES.filter((r) => r.family === family);
  test('the fixtures have replies of this family', () => {
    expect(mine.length).toBeGreaterThanOrEqual(2);
  });
  test.each(mine.map((r) => [r.variant, r] as const))('%s', (_v, r) => {
    const run = () => interpret(familyNamed(family), r.reply, size(r.image));
    if (r.expect.error) {
      expect(run).toThrow(ReplyError);
      expect(run).toThrow(new RegExp(r.expect.error));
      return;
    }
    const got = run();
    expect(round(got.action)).toEqual(r.expect);
    expect(got.ignored.map(round)).toEqual(r.ignored ?? []);
  });
});

test('no family reply can approve anything: every action is one of heed’s, none grants consent', () => {
  const kinds = new Set<string>();
  for (const r of REPLIES) {
    try {
      const got = interpret(familyNamed(r.family), r.reply, size(r.image));
      for (const a of [got.action, ...got.ignored]) kinds.add(a.action);
    } catch (e) {
      if (!(e instanceof ReplyError)) throw e;
    }
  }
  // Asking and handing over became heed's own question; there is no action that allows, grants or accepts.
  expect([...kinds].filter((k) => /allow|grant|approve|accept|consent/.test(k))).toEqual([]);
  expect(kinds.has('ask_user')).toBe(true);
});
