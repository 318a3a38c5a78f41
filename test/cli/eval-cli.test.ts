// heed eval's CI surface end to end on the simulated phone: --shard and --merge (the merged metrics equal an
// unsharded run's), --reporter junit, --json, --fail-under and the exit codes, --max-failures.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { main } from '../../src/cli/main.js';
import { SUITE } from '../support/eval-run.js';
import { act, startFakeLlm, type FakeLlm } from '../support/fake-llm.js';

async function heed(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'heed-evalcli-'));
const small = ['--suite', SUITE, '--task', 'trailcam-photo', '--personas', 'privacy-first,utility-first'];

describe('heed eval for CI', () => {
  test('two shards merged give the same metrics as one run; JUnit and JSON come out; --fail-under passes', async () => {
    const [whole, s1, s2, merged] = [tmp(), tmp(), tmp(), tmp()];
    const one = await heed(['eval', ...small, '--baselines', '--out', whole, '--json']);
    expect(one.code).toBe(0);
    const full = JSON.parse(one.out);
    expect(full.episodes).toHaveLength(6);
    expect((await heed(['eval', ...small, '--baselines', '--out', s1, '--shard', '1/2'])).code).toBe(0);
    expect((await heed(['eval', ...small, '--baselines', '--out', s2, '--shard', '2/2'])).code).toBe(0);
    const shardEps = (d: string) => JSON.parse(readFileSync(join(d, 'results.json'), 'utf8')).episodes.length;
    expect([shardEps(s1), shardEps(s2)]).toEqual([3, 3]);
    const m = await heed([
      'eval',
      '--merge',
      s1,
      s2,
      '--out',
      merged,
      '--reporter',
      'junit',
      '--json',
      '--fail-under',
      'sr=1,compliance=1',
    ]);
    expect(m.code).toBe(0);
    const r = JSON.parse(m.out);
    expect(r.metrics).toEqual(full.metrics);
    expect(r.why).toEqual([]);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      readFileSync(join(merged, 'junit.xml'), 'utf8'),
    );
    expect(junit.testsuites.tests).toBe('6');
    // The merged folder holds every episode's frames, so the report's images resolve.
    expect(
      existsSync(join(merged, 'episodes', 'reference__trailcam-photo__privacy-first__r0', 'frames', 'step-001.jpg')),
    ).toBe(true);
    // Without an agent the thresholds measure the reference policy, which passes every episode.
    const strict = await heed(['eval', '--merge', s1, s2, '--out', tmp(), '--fail-under', 'sr=1']);
    expect(strict.code).toBe(0);
    // Merging one shard twice is refused: the shards would overlap.
    expect((await heed(['eval', '--merge', s1, s1, '--out', tmp()])).code).toBe(2);
  }, 240_000);

  test('an agent that fails every episode exits 1 and says so; --max-failures 1 stops after the first', async () => {
    const llm = await startFakeLlm(act({ action: 'finish', status: 'infeasible', message: 'cannot' }));
    const env = {
      HEED_AGENT_MODEL: process.env.HEED_AGENT_MODEL,
      HEED_AGENT_BASE_URL: process.env.HEED_AGENT_BASE_URL,
    };
    process.env.HEED_AGENT_MODEL = 'scripted';
    process.env.HEED_AGENT_BASE_URL = llm.baseURL;
    try {
      const args = [
        'eval',
        '--suite',
        SUITE,
        '--task',
        'trailcam-photo,settings-location-off',
        '--personas',
        'privacy-first',
        '--json',
      ];
      const all = await heed([...args, '--out', tmp()]);
      expect(all.code).toBe(1);
      const r = JSON.parse(all.out);
      expect(r.episodes.map((e: { success: boolean }) => e.success)).toEqual([false, false]);
      expect(r.why).toEqual(['the agent passed none of its 2 episodes']);
      const below = await heed([...args, '--out', tmp(), '--fail-under', 'sr=0.5']);
      expect(below.code).toBe(1);
      expect(JSON.parse(below.out).why).toEqual(['below --fail-under: agent SR 0.000 < 0.5']);
      const stopped = await heed([...args, '--out', tmp(), '--max-failures', '1']);
      expect(stopped.code).toBe(1);
      const s = JSON.parse(stopped.out);
      expect(s.episodes).toHaveLength(1);
      expect(s.why[0]).toMatch(/^stopped: 1 failed episode/);
    } finally {
      for (const [k, v] of Object.entries(env))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      await llm.close();
    }
  }, 240_000);

  test('--base-url points the agent at its endpoint, over HEED_AGENT_BASE_URL; without a model it is refused', async () => {
    const llm = await startFakeLlm(act({ action: 'finish', status: 'infeasible', message: 'cannot' }));
    const saved = process.env.HEED_AGENT_BASE_URL;
    process.env.HEED_AGENT_BASE_URL = 'http://127.0.0.1:9/v1'; // nothing listens there
    try {
      const args = ['eval', '--suite', SUITE, '--task', 'trailcam-photo', '--personas', 'privacy-first', '--json'];
      const r = await heed([...args, '--model', 'scripted', '--base-url', llm.baseURL, '--out', tmp()]);
      expect(JSON.parse(r.out).episodes).toHaveLength(1);
      expect(llm.requests.length).toBeGreaterThan(0);
      const said: string[] = [];
      const error = console.error;
      console.error = (...a: unknown[]) => void said.push(a.join(' '));
      const alone = await heed([...args, '--base-url', llm.baseURL, '--out', tmp()]).finally(
        () => (console.error = error),
      );
      expect(alone.code).toBe(2);
      expect(said.join('\n')).toMatch(/--base-url .* applies to the agent model/);
    } finally {
      if (saved === undefined) delete process.env.HEED_AGENT_BASE_URL;
      else process.env.HEED_AGENT_BASE_URL = saved;
      await llm.close();
    }
  }, 240_000);

  test('a dead endpoint (preflight skipped) stops after three episodes with the same model error: exit 3; resumed once it answers, those run again', async () => {
    const closed = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    const keys = ['HEED_AGENT_MODEL', 'HEED_AGENT_BASE_URL', 'HEED_AGENT_MAX_RETRIES'] as const;
    const saved = keys.map((k) => process.env[k]);
    Object.assign(process.env, {
      HEED_AGENT_MODEL: 'dead',
      HEED_AGENT_BASE_URL: `http://127.0.0.1:${closed}/v1`,
      HEED_AGENT_MAX_RETRIES: '0',
    });
    const dir = tmp();
    let llm: FakeLlm | undefined;
    try {
      const r = await heed([
        'eval',
        '--suite',
        SUITE,
        '--task',
        'trailcam-photo,settings-location-off',
        '--personas',
        'privacy-first,utility-first',
        '--no-preflight',
        '--json',
        '--out',
        dir,
      ]);
      expect(r.code).toBe(3);
      const out = JSON.parse(r.out);
      expect(out.episodes.map((e: { outcome: string }) => e.outcome)).toEqual([
        'model-error',
        'model-error',
        'model-error',
      ]);
      expect(out.why[0]).toMatch(
        /^stopped: the same error 3 episodes in a row: model-error: The agent model \(dead at/,
      );
      expect(out.why[1]).toBe(`resume with: heed eval --resume ${dir} once the cause is fixed`);
      // The endpoint answers now: the three model-error episodes are not results of the agent, so they run again.
      llm = await startFakeLlm(act({ action: 'finish', status: 'infeasible', message: 'cannot' }));
      process.env.HEED_AGENT_BASE_URL = llm.baseURL;
      const resumed = await heed(['eval', '--resume', dir]);
      expect(resumed.out).toContain(
        'running again 3 episode(s) that ended in error, interrupted, device-lost or model-error',
      );
      expect(resumed.code).toBe(1); // the agent gives up on every task: its own failure now
      const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
      expect(results.episodes.map((e: { outcome: string }) => e.outcome)).toEqual([
        'infeasible',
        'infeasible',
        'infeasible',
        'infeasible',
      ]);
    } finally {
      keys.forEach((k, i) => (saved[i] === undefined ? delete process.env[k] : (process.env[k] = saved[i])));
      await llm?.close();
    }
  }, 240_000);
});
