import { describe, expect, test } from '@jest/globals';
import { NOISE_SHARE, withNoise } from '../../src/profile/noise.js';

const logs = Array.from(
  { length: 12 },
  (_, i) => `[2026-03-${String(i + 1).padStart(2, '0')} 08:00] (home) did thing ${i}`,
);

describe('withNoise', () => {
  test('noise is a quarter of the result and every original entry survives in order', () => {
    const noisy = withNoise(logs, 'kai');
    expect(noisy.length).toBe(16);
    expect((noisy.length - logs.length) / noisy.length).toBeCloseTo(NOISE_SHARE, 5);
    expect(noisy.filter((l) => logs.includes(l))).toEqual(logs);
  });
  test('noise entries look like log entries, not like labelled noise', () => {
    for (const l of withNoise(logs, 'kai').filter((x) => !logs.includes(x))) {
      expect(l).toMatch(/^\[2026-03-\d{2} \d{2}:\d{2}\] \(home\) \S/);
      expect(l).not.toMatch(/noise/i);
    }
  });
  test('deterministic per seed, different across seeds', () => {
    expect(withNoise(logs, 'kai')).toEqual(withNoise(logs, 'kai'));
    expect(withNoise(logs, 'kai')).not.toEqual(withNoise(logs, 'rosa'));
  });
  test('no logs, no noise', () => {
    expect(withNoise([], 'x')).toEqual([]);
  });
});
