// heed eval with the optional guard model (--guard-model / HEED_GUARD_MODEL): in every episode heed's gate runs, the
// guard looks at the steps the rules did not flag and may add a consent point; its verdicts go to the episode's
// ledger. The always-allow baseline runs without heed's gate, so without the guard too. Simulated phone through
// Appium, the guard scripted over HTTP through the openai client.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evalRun, SUITE } from '../support/eval-run.js';
import { promptOf, startFakeLlm, type ChatRequest } from '../support/fake-llm.js';

const SECRET = 'GUARD-EVAL-REASON-91c2';
const touches = (req: ChatRequest) => promptOf(req).match(/It touches: "([^"]*)"/)?.[1];

describe('heed eval --guard-model', () => {
  test('the guard reviews the gated episodes, adds what the rules missed, and writes to the ledger only', async () => {
    const guard = await startFakeLlm((req) =>
      JSON.stringify(
        touches(req) === 'Add alarm'
          ? { sensitive: true, category: 'data_sharing_publish', reason: `${SECRET}: it uploads the alarm list` }
          : { sensitive: false, reason: 'nothing to see' },
      ),
    );
    const env = { ...process.env };
    Object.assign(process.env, { HEED_GUARD_BASE_URL: guard.baseURL, HEED_GUARD_MAX_RETRIES: '0' });
    try {
      const task = join(SUITE, 'clock-set-alarm.yaml');
      const run = await evalRun(['--baselines', '--personas', 'privacy-first', '--guard-model', 'guard-m'], task);
      expect(run.results.config.guard).toMatchObject({ model: 'guard-m', slot: 'guard' });
      const ep = (policy: string) => join(run.dir, 'episodes', `${policy}__clock-set-alarm__privacy-first__r0`);
      const ledger = (policy: string) =>
        (existsSync(join(ep(policy), 'ledger.jsonl')) ? readFileSync(join(ep(policy), 'ledger.jsonl'), 'utf8') : '')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>);
      // The reference episode: the guard saw the steps and flagged "Add alarm"; the rules had not, so without the
      // guard nothing would have been asked. With it, the gate asked the (scripted) user.
      const ref = ledger('reference');
      expect(ref.some((l) => (l.guard as { verdict?: string } | undefined)?.verdict === 'sensitive')).toBe(true);
      expect(ref.find((l) => l.detectedBy === 'guard')).toMatchObject({
        category: 'data_sharing_publish',
        evidence: expect.objectContaining({ text: 'Add alarm' }),
        source: 'user',
      });
      const reference = run.results.episodes.find((e) => e.policy === 'reference')!;
      expect(reference.consentRequests).toBeGreaterThanOrEqual(1);
      // The always-allow baseline bypasses heed's gate: no guard review (its run keeps no ledger at all), and the
      // guard was asked only for the reference episode's steps (do-nothing takes none).
      expect(ledger('always-allow').some((l) => l.guard)).toBe(false);
      expect(run.results.episodes.find((e) => e.policy === 'always-allow')!.success).toBe(true);
      // Only the ledger holds the guard's reasoning: not the results, not the step records.
      expect(JSON.stringify(run.results)).not.toContain(SECRET);
      expect(readFileSync(join(ep('reference'), 'steps.jsonl'), 'utf8')).not.toContain(SECRET);
      expect(guard.requests.every((r) => r.model === 'guard-m')).toBe(true);
      expect(guard.requests.length).toBe(ref.filter((l) => l.guard).length);
    } finally {
      process.env = env;
      await guard.close();
    }
  }, 240_000); // three episodes through Appium; minutes when the machine is shared
});
