// heed eval end to end on the simulated phone: resume, a scripted model as agent, user simulator and judge through
// the real openai client, KnowU logs, refused options. The whole suite's baselines: whole-suite.test.ts.
import { jest } from '@jest/globals';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { evalRun, SUITE } from '../support/eval-run.js';
import { startFakeLlm, stepPromptOf, type ChatRequest } from '../support/fake-llm.js';

describe('heed eval', () => {
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
  }, 240_000); // end to end through Appium; minutes when the machine is shared

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
  }, 240_000); // end to end through Appium; minutes when the machine is shared

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
      // The scripted agent "finishes" without doing the task: it passes no episode, so eval exits 1 (not 0).
      expect((await evalRun(one, task)).code).toBe(1);
      const clean = logLines();
      expect(clean.some((l) => l.includes("set a 07:00 alarm labelled 'Gym'"))).toBe(true);
      expect(prompts.join('\n')).not.toMatch(/tracking_ads_cookies|Consent rules/);
      const noisy = await evalRun([...one, '--logs', 'noisy'], task);
      expect(noisy.code).toBe(1);
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
  }, 240_000); // end to end through Appium; minutes when the machine is shared

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
      await refuse(['--split', 'nonsense'], /--split nonsense: no task in .* has this split/);
    } finally {
      err.mockRestore();
    }
  });
});
