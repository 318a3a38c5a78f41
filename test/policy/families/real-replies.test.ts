// Replies the model families emitted, collected from public sources (fixtures/model-replies/real-replies.json):
// every entry is sourced, sized and distinct from the hand-written variants of replies.json.
import { FAMILY_NAMES } from '../../../src/policy/families/index.js';
import { KINDS, loadReplies } from '../../support/replies.js';

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
