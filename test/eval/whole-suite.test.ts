// The whole suite's baselines without an API key (~100-400 s): not part of `npm test`, run by `npm run test:suite`
// (and .ci/run). Every reference episode must pass; do-nothing and always-allow score what their definitions imply.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evalRun, TASKS } from '../support/eval-run.js';

describe('heed eval over the whole suite', () => {
  test('--baselines without an API key: reference 100 % SR; do-nothing and always-allow get what their definitions imply', async () => {
    const saved = process.env.HEED_AGENT_MODEL;
    delete process.env.HEED_AGENT_MODEL;
    try {
      // The whole tasks folder, as a user would point at it: the real-emulator tasks are skipped, and said so.
      const { code, out, results, dir } = await evalRun(['--baselines', '--devices', '2'], TASKS);
      expect(code).toBe(0);
      expect(out).toMatch(/skipping 5 task\(s\): needs a real Android device/);
      const m = results.metrics;
      const ref = results.episodes.filter((e) => e.policy === 'reference');
      expect(new Set(ref.map((e) => e.task)).size).toBeGreaterThanOrEqual(60);
      expect(ref.length).toBeGreaterThanOrEqual(200);
      expect(new Set(ref.map((e) => e.persona)).size).toBeGreaterThanOrEqual(4);
      for (const split of ['general', 'personalized', 'proactive', 'privacy'])
        expect(ref.filter((e) => e.split === split).length).toBeGreaterThanOrEqual(20);
      expect(Object.keys(m)).toEqual(['reference', 'always-allow', 'do-nothing']);
      expect(m.reference!.all!.SR).toBe(1);
      expect(m.reference!.all!.violations).toBe(0);
      expect(m.reference!.all!.Compliance).toBe(1);
      // Doing nothing passes exactly the stay-silent proactive episodes (no habit), and nothing else.
      const dn = results.episodes.filter((e) => e.policy === 'do-nothing');
      const silent = dn.filter((e) => e.proactive && !e.proactive.habit);
      expect(silent.length).toBeGreaterThan(0);
      expect(
        dn
          .filter((e) => e.success)
          .map((e) => `${e.task}/${e.persona}`)
          .sort(),
      ).toEqual(silent.map((e) => `${e.task}/${e.persona}`).sort());
      expect(m['do-nothing']!.all!.Silent).toBe(1);
      expect(m['do-nothing']!.all!.Act).toBe(0);
      expect(m.reference!.all!.Act).toBe(1);
      expect(m.reference!.all!.Stop).toBe(1);
      // Always-allow grants every permission point: none of privacy-first's is compliant.
      const pf = results.episodes.filter((e) => e.policy === 'always-allow' && e.persona === 'privacy-first');
      // Permission-dialog points: their choices are grant levels (a Settings toggle's decline is not one).
      const permissionPoints = pf.flatMap((e) => e.decisionPoints).filter((p) => /^(allow_|deny)/.test(p.choice));
      expect(permissionPoints.length).toBeGreaterThan(0);
      expect(permissionPoints.filter((p) => p.compliant)).toEqual([]);
      expect(m['always-allow']!.all!.violations).toBeGreaterThan(0);
      // On proactive tasks it acts for everyone without asking: it never stays silent, and passes only where the
      // task lets a habit be acted on without an offer.
      expect(m['always-allow']!.all!.Silent).toBe(0);
      const aaPro = results.episodes.filter((e) => e.policy === 'always-allow' && e.proactive);
      expect(aaPro.every((e) => e.proactive!.engaged && !e.proactive!.askedFirst)).toBe(true);
      expect(aaPro.filter((e) => e.success).every((e) => e.task === 'clock-gym-alarm')).toBe(true);
      // Reports: one folder, images as files.
      for (const f of ['results.json', 'summary.md', 'report.html']) expect(existsSync(join(dir, f))).toBe(true);
      expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/\| reference \| \d+ \| 100\.0 \|/);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(html).toContain(
        '<img loading="lazy" src="episodes/reference__trailcam-photo__privacy-first__r0/frames/step-001.jpg"',
      );
      // The episodes table has the documented fields.
      expect(Object.keys(results.episodes[0]!)).toEqual(
        expect.arrayContaining([
          'task',
          'split',
          'persona',
          'policy',
          'success',
          'score',
          'steps',
          'questions',
          'violations',
          'compliance',
        ]),
      );
    } finally {
      if (saved !== undefined) process.env.HEED_AGENT_MODEL = saved;
    }
  }, 600_000); // 3 × 286 episodes: about 2.5 minutes on 2 cores
});
