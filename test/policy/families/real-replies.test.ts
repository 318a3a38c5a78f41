// Replies the model families emitted, collected from public sources (fixtures/model-replies/real-replies.json):
// every entry is sourced, sized and distinct from the hand-written variants of replies.json, and each family reads it
// as the entry says a careful reader would — or refuses it with a reason to re-ask the model.
import { FAMILY_NAMES, familyNamed } from '../../../src/policy/families/index.js';
import { ReplyError } from '../../../src/policy/families/types.js';
import { interpret } from '../../../src/policy/model-policy.js';
import { KINDS, loadReplies, mismatch, size, type ReplyEntry } from '../../support/replies.js';

const REAL = loadReplies('real-replies.json');

describe('the collected real replies', () => {
  test('every entry names a family heed has, an image size, a source and what kind of record it came from', () => {
    for (const r of REAL) {
      expect(FAMILY_NAMES).toContain(r.family);
      expect(r.image).toMatch(/^\d+x\d+$/);
      expect(r.source).toMatch(
        /^([\w.-]+\/[\w.-]+:[^@]+@[0-9a-f]{12}(#L[\d-]+)?|https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(issues|pull)\/\d+)$/,
      );
      expect(KINDS).toContain(r.kind);
      expect(r.real).toBe(true);
      expect(r.reply.length).toBeGreaterThan(0);
      expect(r.expect.action !== undefined || r.expect.error !== undefined).toBe(true);
    }
  });

  test('no reply is there twice, or also among the variants of replies.json', () => {
    const seen = new Set(loadReplies('replies.json').map((r) => `${r.family}\n${r.reply}`));
    for (const r of REAL) {
      const key = `${r.family}\n${r.reply}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
});

const read = (r: ReplyEntry) => interpret(familyNamed(r.family), r.reply, size(r.image));

describe.each([...new Set(REAL.map((r) => r.family))])('real %s replies', (family) => {
  test.each(REAL.filter((r) => r.family === family).map((r) => [r.variant, r] as const))('%s', (_v, r) => {
    if (r.expect.error) {
      expect(() => read(r)).toThrow(ReplyError);
      expect(() => read(r)).toThrow(new RegExp(r.expect.error));
      return;
    }
    const got = read(r);
    expect(mismatch(r.expect, got.action as Record<string, unknown>, r.image)).toBeUndefined();
    expect(got.ignored).toHaveLength(r.ignored?.length ?? 0);
    (r.ignored ?? []).forEach((want, i) =>
      expect(mismatch(want, got.ignored[i] as Record<string, unknown>, r.image)).toBeUndefined(),
    );
  });
});

test('nothing a real reply says approves anything: asking is heed’s question, every action is one of heed’s', () => {
  const kinds = new Set<string>();
  for (const r of REAL)
    try {
      const got = read(r);
      for (const a of [got.action, ...got.ignored]) kinds.add(a.action);
    } catch (e) {
      if (!(e instanceof ReplyError)) throw e;
    }
  expect([...kinds].filter((k) => /allow|grant|approve|accept|consent/.test(k))).toEqual([]);
  expect(kinds.has('ask_user')).toBe(true);
});
