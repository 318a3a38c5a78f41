// heed eval end to end on the simulated phone: baselines with no API key, then a scripted model as agent, user
// simulator and judge through the real openai client.
import { jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Results } from '../../src/eval/results.js';
import { startFakeLlm, stepPromptOf, type ChatRequest } from '../support/fake-llm.js';

const TASKS = join(import.meta.dirname ?? '', '..', '..', 'tasks');
const SUITE = join(TASKS, 'suite');

async function evalRun(
  args: string[],
  suite = SUITE,
): Promise<{ code: number; out: string; results: Results; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'heed-eval-'));
  const lines: string[] = [];
  const code = await main(['eval', '--suite', suite, '--out', dir, ...args], (s) => lines.push(s));
  return { code, out: lines.join('\n'), results: JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')), dir };
}

describe('heed eval', () => {
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

  test('--resume runs only what is missing', async () => {
    const first = await evalRun(['--baselines', '--split', 'general', '--personas', 'privacy-first']);
    const ep = join(first.dir, 'episodes', 'reference__settings-location-off__privacy-first__r0');
    rmSync(ep, { recursive: true });
    const lines: string[] = [];
    expect(
      await main(
        [
          'eval',
          '--suite',
          SUITE,
          '--resume',
          first.dir,
          '--baselines',
          '--split',
          'general',
          '--personas',
          'privacy-first',
        ],
        (s) => lines.push(s),
      ),
    ).toBe(0);
    const out = lines.join('\n');
    const n = first.results.episodes.length;
    expect(out).toContain(`resuming: ${n - 1} of ${n} episodes already done`);
    expect(out.match(/^\[/gm)).toHaveLength(1);
    expect(existsSync(join(ep, 'record.json'))).toBe(true);
  });

  test('a scripted model as agent, user simulator and judge, end to end', async () => {
    const roles: string[] = [];
    const llm = await startFakeLlm((req: ChatRequest) => {
      const model = req.model;
      roles.push(model);
      if (model === 'judge-m') return '{"score": 0.9, "reason": "fine"}';
      if (model === 'user-m')
        return '<think>private</think>{"reasoning": "she keeps location off", "decision": "deny"}';
      const p = stepPromptOf(req);
      const find = (label: string) => new RegExp(`^\\[(\\d+)\\] \\S+ ${JSON.stringify(label)}`, 'm').exec(p)?.[1];
      if (p.includes('Screen: com.google.android.apps.nexuslauncher'))
        return JSON.stringify({ action: 'open_app', app: 'Settings' });
      for (const label of ['Location · Apps with access to location', 'Use location']) {
        const i = find(label);
        if (i && !p.includes('heed says')) return JSON.stringify({ action: 'tap', element: Number(i) });
      }
      return JSON.stringify({ action: 'finish', status: 'success', message: 'done' });
    });
    const env = { ...process.env };
    Object.assign(process.env, {
      HEED_AGENT_MODEL: 'agent-m',
      HEED_AGENT_BASE_URL: llm.baseURL,
      HEED_AGENT_API_KEY: 'sk-agent',
      HEED_USER_MODEL: 'user-m',
      HEED_USER_BASE_URL: llm.baseURL,
      HEED_JUDGE_MODEL: 'judge-m',
      HEED_JUDGE_BASE_URL: llm.baseURL,
    });
    try {
      const { code, results, dir } = await evalRun([
        '--split',
        'general',
        '--personas',
        'privacy-first',
        '--mode',
        'personal',
      ]);
      expect(code).toBe(0);
      const e = results.episodes.find((x) => x.task === 'settings-location-off')!;
      expect(e).toMatchObject({ policy: 'agent', success: true });
      expect(roles).toContain('agent-m');
      expect(JSON.stringify(results)).not.toContain('sk-agent');
      expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('| agent |');
    } finally {
      process.env = env;
      await llm.close();
    }
  });

  test('KnowU mode shows only behaviour logs; --logs noisy adds a quarter of unrelated entries', async () => {
    const prompts: string[] = [];
    const llm = await startFakeLlm((req: ChatRequest) => {
      prompts.push(stepPromptOf(req));
      return JSON.stringify({ action: 'finish', status: 'success', message: 'nothing to do' });
    });
    const env = { ...process.env };
    Object.assign(process.env, { HEED_AGENT_MODEL: 'agent-m', HEED_AGENT_BASE_URL: llm.baseURL });
    const logLines = () =>
      prompts
        .pop()!
        .split('\n')
        .filter((l) => /^- \[2026-/.test(l));
    try {
      const one = ['--personas', 'student-knowu'];
      const task = join(SUITE, 'clock-gym-alarm.yaml');
      expect((await evalRun(one, task)).code).toBe(0);
      const clean = logLines();
      expect(clean.some((l) => l.includes("set a 07:00 alarm labelled 'Gym'"))).toBe(true);
      expect(prompts.join('\n')).not.toMatch(/tracking_ads_cookies|Consent rules/);
      const noisy = await evalRun([...one, '--logs', 'noisy'], task);
      expect(noisy.code).toBe(0);
      expect(noisy.results.config).toMatchObject({ logs: 'noisy' });
      const lines = logLines();
      expect(lines.filter((l) => clean.includes(l))).toEqual(clean);
      expect((lines.length - clean.length) / lines.length).toBeCloseTo(0.25, 1);
      const err = jest.spyOn(console, 'error').mockImplementation(() => {});
      expect(await main(['eval', '--suite', task, '--logs', 'dirty'], () => {})).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/--logs must be clean or noisy/);
      err.mockRestore();
    } finally {
      process.env = env;
      await llm.close();
    }
  });

  test('options that cannot work are refused, saying what to do', async () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const refuse = async (args: string[], why: RegExp) => {
        err.mockClear();
        const out = join(tmpdir(), `heed-refused-${Date.now()}`);
        expect(await main(['eval', '--suite', SUITE, '--baselines', '--out', out, ...args], () => {})).toBe(2);
        expect(String(err.mock.calls[0]?.[0])).toMatch(why);
        expect(existsSync(out)).toBe(false); // nothing written for a run that never started
      };
      await refuse(['--caps', 'caps.json'], /--caps applies to --appium devices/);
      await refuse(['--devices', '0'], /--devices must be a positive whole number/);
      await refuse(['--split', 'nonsense'], /No tasks to run .* for split nonsense/);
    } finally {
      err.mockRestore();
    }
  });
});
