// heed run's command line: --json, the exit code, and options that cannot work refused before the phone boots.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { SUITE } from '../support/eval-run.js';

async function heed(args: string[]) {
  const lines: string[] = [];
  const errs: string[] = [];
  const err = console.error;
  console.error = (s: string) => errs.push(s);
  try {
    const code = await main(args, (s) => lines.push(s));
    return { code, out: lines.join('\n'), err: errs.join('\n') };
  } finally {
    console.error = err;
  }
}
const task = join(SUITE, 'trailcam-photo.yaml');

describe('heed run', () => {
  test('--json: the result as data on stdout, every consent decision with its source; exit 0 on success', async () => {
    const env = process.env.HEED_AGENT_MODEL;
    delete process.env.HEED_AGENT_MODEL;
    try {
      const r = await heed([
        'run',
        '--task',
        task,
        '--profile',
        'privacy-first',
        '--no-memory',
        '--user',
        'scripted',
        '--json',
        '--out',
        mkdtempSync(join(tmpdir(), 'heed-run-')),
      ]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(j).toMatchObject({ exitCode: 0, outcome: 'success' });
      expect(j.checks.length).toBeGreaterThan(1);
      expect(j.checks.every((c: { pass: boolean }) => c.pass)).toBe(true);
      expect(j.consent).toEqual(
        expect.arrayContaining([expect.objectContaining({ category: 'location', grant: 'deny', verdict: 'allow' })]),
      );
      expect(JSON.stringify(j)).not.toMatch(/api.?key/i);
    } finally {
      if (env !== undefined) process.env.HEED_AGENT_MODEL = env;
    }
  }, 120_000);

  test('--caps on the simulated phone, a cassette, --family or --base-url without a model are refused (exit 2), saying what to do', async () => {
    const caps = await heed(['run', '--task', task, '--caps', '/no/such/caps.json']);
    expect(caps.code).toBe(2);
    expect(caps.err).toMatch(/--caps applies to --device emulator[\s\S]*→ drop --caps/);
    const env = process.env.HEED_AGENT_MODEL;
    delete process.env.HEED_AGENT_MODEL;
    try {
      const replay = await heed(['run', '--task', task, '--replay', 'calls.jsonl']);
      expect(replay.code).toBe(2);
      expect(replay.err).toMatch(/--replay calls\.jsonl needs a model[\s\S]*→ add --model/);
      const ref = await heed(['run', '--task', task, '--model', 'm', '--reference', '--record', 'c.jsonl']);
      expect(ref.code).toBe(2);
      expect(ref.err).toContain('--reference plays');
      // Options only a model uses are refused without one, instead of being dropped while reference steps play.
      const family = await heed(['run', '--task', task, '--family', 'ui-tars-1.5']);
      expect(family.code).toBe(2);
      expect(family.err).toMatch(/--family ui-tars-1\.5 applies to a model[\s\S]*→ add --model/);
      const url = await heed(['run', '--task', task, '--base-url', 'http://127.0.0.1:9/v1']);
      expect(url.code).toBe(2);
      expect(url.err).toMatch(/--base-url http:\/\/127\.0\.0\.1:9\/v1 applies to a model/);
      const evalFamily = await heed(['eval', '--suite', SUITE, '--baselines', '--list', '--family', 'ui-tars-1.5']);
      expect(evalFamily.code).toBe(2);
      expect(evalFamily.err).toMatch(/--family ui-tars-1\.5 applies to the agent model/);
      // A mistyped family is named with the nearest one before the model check reaches the (dead) endpoint.
      const typo = await heed([
        'run',
        '--task',
        task,
        '--model',
        'm',
        '--base-url',
        'http://127.0.0.1:9/v1',
        '--family',
        'ui-tars-15',
      ]);
      expect(typo.code).toBe(2);
      expect(typo.err).toMatch(/not 'ui-tars-15' — did you mean ui-tars-1\.5\?/);
      const evalTypo = await heed(['eval', '--suite', SUITE, '--model', 'm', '--list', '--family', 'qwen25-vl']);
      expect(evalTypo.code).toBe(2);
      expect(evalTypo.err).toMatch(/did you mean qwen2\.5-vl\?/);
    } finally {
      if (env !== undefined) process.env.HEED_AGENT_MODEL = env;
    }
  });
});
