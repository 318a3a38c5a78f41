// Property-based hostile replies through the reply → action → gate path (fast-check, 500 replies, fixed seed).
import { replyProperty } from '../../bench/adversarial/property.js';

test('no random reply gets an exposing control on a real location dialog past a profile that denies it', async () => {
  const r = await replyProperty(500);
  expect(r.failures).toEqual([]);
  expect(r.runs).toBe(500);
});
