// Choosing episodes (--task, --grep, --shard), gating CI on metrics (--fail-under), stopping early, JUnit output.
import { XMLParser } from 'fast-xml-parser';
import { junitXml } from '../../src/eval/junit.js';
import type { Metrics } from '../../src/eval/metrics.js';
import type { Results } from '../../src/eval/results.js';
import { jobs, loadPersonas } from '../../src/eval/runner.js';
import { matrix, parseShard, selectTasks, shardJobs } from '../../src/eval/select.js';
import { stopPolicy } from '../../src/eval/stop.js';
import { parseThresholds, unmet } from '../../src/eval/thresholds.js';
import type { EpisodeRecord } from '../../src/eval/types.js';
import { loadSuite } from '../../src/tasks/suite.js';
import { SUITE } from '../support/eval-run.js';

const { tasks } = loadSuite(SUITE, { device: 'simulated' });

describe('selecting episodes', () => {
  test('--task takes ids (a typo names the nearest), --grep a case-insensitive pattern over ids and instructions', () => {
    expect(selectTasks(tasks, { ids: ['trailcam-photo'] }).map((t) => t.id)).toEqual(['trailcam-photo']);
    expect(() => selectTasks(tasks, { ids: ['trailcam-phot'] })).toThrow(
      /no such task[\s\S]*did you mean trailcam-photo/,
    );
    const grep = selectTasks(tasks, { grep: 'TRAILCAM' });
    expect(grep.length).toBeGreaterThan(2);
    expect(grep.every((t) => /trailcam/i.test(t.id + t.instruction + (t.clearInstruction ?? '')))).toBe(true);
    expect(() => selectTasks(tasks, { grep: '(' })).toThrow(/not a regular expression/);
  });

  test('shards partition the matrix: disjoint, together everything, sizes within one', () => {
    const all = jobs({ tasks, personas: loadPersonas(tasks), policies: ['reference', 'do-nothing'], repeats: 2 });
    const parts = [1, 2, 3].map((i) => shardJobs(all, parseShard(`${i}/3`)));
    const keys = parts.flatMap((p) => p.map((j) => j.key));
    expect(new Set(keys).size).toBe(all.length);
    expect(keys.sort()).toEqual(all.map((j) => j.key).sort());
    const sizes = parts.map((p) => p.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    // Every shard holds both policies (round-robin over the matrix, not a block of it).
    for (const p of parts) expect(new Set(p.map((j) => j.policy)).size).toBe(2);
    for (const bad of ['0/3', '4/3', '1/0', '1-3', 'x']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  test('the token estimate counts only the agent, at the reference trajectory length per episode', () => {
    const one = selectTasks(tasks, { ids: ['trailcam-photo'] });
    const m = matrix(jobs({ tasks: one, personas: loadPersonas(one), policies: ['agent', 'reference'], repeats: 2 }));
    const agent = m.lines.filter((l) => l.policy === 'agent');
    expect(agent.every((l) => l.repeats === 2 && l.steps >= 3)).toBe(true);
    const calls = agent.reduce((n, l) => n + l.steps * 2, 0);
    expect(m.tokens.input).toBe(calls * 2500);
    expect(m.episodes).toBe(one[0]!.personas.length * 2 * 2);
  });
});

const M = (over: Partial<Metrics>): Metrics =>
  ({ SR: 1, Compliance: 1, AvgScore: 1, IE: 1, Act: null, PD: null, ...over }) as Metrics;

describe('--fail-under', () => {
  test('parses names case-insensitively, percentages too; refuses unknown names with the nearest', () => {
    expect(parseThresholds('sr=0.8,compliance=1')).toEqual({ SR: 0.8, Compliance: 1 });
    expect(parseThresholds('SR=80%')).toEqual({ SR: 0.8 });
    expect(() => parseThresholds('compliace=1')).toThrow(/did you mean compliance/);
    expect(() => parseThresholds('sr=2')).toThrow(/0–1/);
    expect(() => parseThresholds('sr>0.8')).toThrow(/metric=value/);
  });

  test("checks the agent's metrics (the reference's without an agent); a missing value does not pass", () => {
    const t = parseThresholds('sr=0.8,compliance=1');
    expect(unmet({ agent: { all: M({ SR: 0.9 }) } }, t)).toEqual([]);
    expect(unmet({ agent: { all: M({ SR: 0.5 }) }, reference: { all: M({}) } }, t)).toEqual(['agent SR 0.500 < 0.8']);
    expect(unmet({ reference: { all: M({ Compliance: 0.99 }) } }, t)).toEqual(['reference Compliance 0.990 < 1']);
    expect(unmet({ agent: { all: M({ Compliance: null }) } }, t)[0]).toMatch(/Compliance has no value/);
  });
});

const ep = (over: Partial<EpisodeRecord>): EpisodeRecord =>
  ({
    task: 't',
    split: 'privacy',
    persona: 'p',
    policy: 'agent',
    repeat: 0,
    success: false,
    score: 0,
    steps: 1,
    checks: [],
    outcome: 'failed',
    message: 'x',
    wallMs: 1500,
    violations: 0,
    ...over,
  }) as EpisodeRecord;

describe('stopping early', () => {
  test('--max-failures counts failed episodes; the same error three times in a row always stops (environment)', () => {
    const s = stopPolicy(2);
    expect(s.stopWhen(ep({ success: true }))).toBeUndefined();
    expect(s.stopWhen(ep({}))).toBeUndefined();
    expect(s.stopWhen(ep({}))).toMatch(/2 failed episode\(s\) \(--max-failures 2\)/);
    expect(s.environment).toBeUndefined();
    const e = stopPolicy();
    const dead = ep({ error: 'The agent model failed: Connection error.' });
    expect(e.stopWhen(dead)).toBeUndefined();
    expect(e.stopWhen(ep({ error: 'another error' }))).toBeUndefined();
    expect(e.stopWhen(dead)).toBeUndefined();
    expect(e.stopWhen(dead)).toBeUndefined();
    expect(e.stopWhen(dead)).toMatch(/the same error 3 episodes in a row/);
    expect(e.environment).toBe(true);
  });

  test('a dead endpoint: three model-error episodes in a row with the same cause stop it (as the runner records them)', () => {
    // What episode.ts returns for a model endpoint that failed: a scored record, outcome model-error, no `error`.
    const dead = ep({
      outcome: 'model-error',
      message: 'The agent model (x at http://127.0.0.1:9/v1) failed: Connection error.',
    });
    const s = stopPolicy();
    expect(s.stopWhen(dead)).toBeUndefined();
    expect(s.stopWhen(dead)).toBeUndefined();
    expect(s.stopWhen(dead)).toMatch(
      /the same error 3 episodes in a row: model-error: The agent model .*Connection error/,
    );
    expect(s.environment).toBe(true);
    // The agent's own failures, however alike, are not the environment's: they count only for --max-failures.
    const agent = stopPolicy();
    for (let i = 0; i < 5; i++) expect(agent.stopWhen(ep({ outcome: 'stuck', message: 'same' }))).toBeUndefined();
    // A different cause in between starts the count again.
    const mixed = stopPolicy();
    mixed.stopWhen(dead);
    mixed.stopWhen(dead);
    mixed.stopWhen(ep({ outcome: 'model-error', message: 'The agent model failed: 503 Service Unavailable' }));
    expect(mixed.stopWhen(dead)).toBeUndefined();
  });
});

describe('JUnit XML', () => {
  test('one case per episode, failures and errors counted, hostile text escaped into well-formed XML', () => {
    const r: Results = {
      created: '2026-12-01T00:00:00.000Z',
      config: {},
      metrics: {},
      episodes: [
        ep({ success: true, task: 'a' }),
        ep({
          task: 'b',
          outcome: 'failed',
          message: '<script>alert(1)</script> & "x"',
          checks: [{ description: 'photo saved', pass: false }],
        }),
        ep({ task: 'c', error: 'boom \u0007 ]]> <x/>' }),
        ep({ task: 'd', policy: 'reference', success: true }),
      ],
    };
    const xml = junitXml(r);
    expect(xml).not.toContain('<script>');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.testsuites).toMatchObject({ tests: '4', failures: '1', errors: '1' });
    const agent = doc.testsuites.testsuite[0];
    expect(agent).toMatchObject({ name: 'heed eval: agent', tests: '3', failures: '1', errors: '1' });
    expect(agent.testcase[0]).toMatchObject({ classname: 'heed.agent.privacy', name: 'a as p r0', time: '1.500' });
    expect(agent.testcase[1].failure.message).toBe('failed: <script>alert(1)</script> & "x"');
    expect(agent.testcase[1].failure['#text']).toContain('failed check: photo saved');
    expect(agent.testcase[2].error.message).toBe('boom  ]]> <x/>');
  });
});
