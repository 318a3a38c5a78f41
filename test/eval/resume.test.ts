// heed eval --resume <dir>: the options come from the folder; contradicting options and foreign folders are refused;
// an eval stopped by SIGINT saves no in-flight episode, and resumed (with a torn record and an error record among
// the saved ones) it gives the same metrics as an uninterrupted run.
import { describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Results } from '../../src/eval/results.js';
import { startFakeLlm, stepPromptOf, type ChatRequest, type Reply } from '../support/fake-llm.js';
import { spawnHeed, until } from '../support/bin.js';

const SUITE = join(import.meta.dirname ?? '', '..', '..', 'tasks', 'suite', 'settings-location-off.yaml');
const OPTIONS = [
  '--personas',
  'privacy-first,utility-first,balanced',
  '--mode',
  'personal',
  '--baselines',
  '--repeats',
  '2',
];

/** The agent: a policy of the screen alone, so a re-run episode does what it did the first time. */
function agent(req: ChatRequest): string {
  const p = stepPromptOf(req);
  const find = (label: string) => new RegExp(`^\\[(\\d+)\\] \\S+ ${JSON.stringify(label)}`, 'm').exec(p)?.[1];
  if (p.includes('Screen: com.google.android.apps.nexuslauncher'))
    return JSON.stringify({ action: 'open_app', app: 'Settings' });
  for (const label of ['Location · Apps with access to location', 'Use location']) {
    const i = find(label);
    if (i && !p.includes('heed says')) return JSON.stringify({ action: 'tap', element: Number(i) });
  }
  return JSON.stringify({ action: 'finish', status: 'success', message: 'done' });
}

const read = (dir: string): Results => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
const withEnv = async <T>(env: Record<string, string>, f: () => Promise<T>): Promise<T> => {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return await f();
  } finally {
    process.env = saved;
  }
};

describe('heed eval --resume', () => {
  test('refuses a folder that is not an evaluation, and options that contradict the saved ones', async () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const empty = mkdtempSync(join(tmpdir(), 'heed-not-eval-'));
      expect(await main(['eval', '--resume', empty], () => {})).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/is not an evaluation folder/);
      const dir = mkdtempSync(join(tmpdir(), 'heed-eval-'));
      expect(
        await main(['eval', '--suite', SUITE, '--personas', 'privacy-first', '--baselines', '--out', dir], () => {}),
      ).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8')).options).toMatchObject({
        personas: 'privacy-first',
        baselines: true,
      });
      err.mockClear();
      expect(await main(['eval', '--resume', dir, '--personas', 'balanced'], () => {})).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toMatch(
        /--personas "balanced" contradicts the saved --personas "privacy-first"/,
      );
      err.mockClear();
      expect(await main(['eval', '--resume', dir, '--out', empty], () => {})).toBe(2);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/--out and --resume name different folders/);
      // Given again, the same options are fine; everything was done, so nothing runs.
      const lines: string[] = [];
      expect(await main(['eval', '--resume', dir, '--personas', 'privacy-first'], (s) => lines.push(s))).toBe(0);
      expect(lines.join('\n')).toContain('resuming: 3 of 3 episodes already done');
      // An empty record (a crash between creating and writing it) is named and its episode runs again.
      const blank = join(dir, 'episodes', 'reference__settings-location-off__privacy-first__r0', 'record.json');
      writeFileSync(blank, '');
      lines.length = 0;
      expect(await main(['eval', '--resume', dir], (s) => lines.push(s))).toBe(0);
      expect(lines.join('\n')).toContain(`${blank}: is empty; running the episode again`);
      expect(lines.join('\n').match(/^\[/gm)).toHaveLength(1);
      expect(JSON.parse(readFileSync(blank, 'utf8'))).toMatchObject({ policy: 'reference', success: true });
    } finally {
      err.mockRestore();
    }
  });

  test('SIGINT mid-eval saves no in-flight episode; resumed alone it equals an uninterrupted run', async () => {
    let stall = true;
    let starts = 0;
    const llm = await startFakeLlm((req): Reply => {
      // The first run stalls as the fifth agent episode begins; after that, the model always answers.
      if (stall && stepPromptOf(req).includes('Step 1. Screen') && ++starts === 5) return { stall: 'silent' };
      return agent(req);
    });
    const env = { HEED_AGENT_MODEL: 'agent-m', HEED_AGENT_BASE_URL: llm.baseURL, HEED_AGENT_MAX_RETRIES: '0' };
    try {
      const dir = mkdtempSync(join(tmpdir(), 'heed-eval-int-'));
      const p = spawnHeed(['eval', '--suite', SUITE, ...OPTIONS, '--out', dir], env);
      const episodes = join(dir, 'episodes');
      const record = (key: string) => join(episodes, key, 'record.json');
      await until(
        () => starts >= 5 && existsSync(record('agent__settings-location-off__utility-first__r1')),
        120_000,
        'four episodes',
      );
      p.child.kill('SIGINT');
      const { code } = await p.exited;
      expect(code).toBe(130);
      expect(p.output()).toContain(`resume with: heed eval --resume ${dir}`);
      expect(p.output()).not.toMatch(/\n\s+at /);
      // The episode in flight has a folder but no record: it is not a result.
      expect(existsSync(join(episodes, 'agent__settings-location-off__balanced__r0'))).toBe(true);
      expect(existsSync(record('agent__settings-location-off__balanced__r0'))).toBe(false);
      expect(read(dir).config).toMatchObject({ interrupted: true, episodesDone: 4, episodesTotal: 24 });

      // Faults a crash leaves: a torn record, and an episode that ended in error.
      const torn = record('agent__settings-location-off__privacy-first__r0');
      writeFileSync(torn, readFileSync(torn, 'utf8').slice(0, 40));
      const errored = record('agent__settings-location-off__utility-first__r0');
      writeFileSync(errored, JSON.stringify({ ...JSON.parse(readFileSync(errored, 'utf8')), outcome: 'error' }));

      stall = false;
      const lines: string[] = [];
      const resumed = await withEnv(env, () => main(['eval', '--resume', dir], (s) => lines.push(s)));
      expect(resumed).toBe(0);
      const said = lines.join('\n');
      expect(said).toMatch(/privacy-first__r0\/record\.json: is torn .*; running the episode again/);
      expect(said).toContain('running again 1 episode(s) that ended in error, interrupted, device-lost or model-error');
      // Kept: the two scored agent episodes of the first run; everything else runs.
      expect(said).toContain('resuming: 2 of 24 episodes already done');
      expect(said.match(/^\[/gm)).toHaveLength(22);
      // A partial episode started clean: steps 1, 2, 3 …, never 1, 2, 1, 2, 3.
      for (const ep of readdirSync(episodes)) {
        const f = join(episodes, ep, 'steps.jsonl');
        const steps = readFileSync(f, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).step as number);
        expect(steps).toEqual(steps.map((_, i) => i + 1));
      }

      const fresh = mkdtempSync(join(tmpdir(), 'heed-eval-fresh-'));
      expect(await withEnv(env, () => main(['eval', '--suite', SUITE, ...OPTIONS, '--out', fresh], () => {}))).toBe(0);
      expect(read(dir).metrics).toEqual(read(fresh).metrics);
      expect(read(dir).episodes.map((e) => [e.policy, e.persona, e.success])).toEqual(
        read(fresh).episodes.map((e) => [e.policy, e.persona, e.success]),
      );
    } finally {
      await llm.close();
    }
  }, 300_000);
});
