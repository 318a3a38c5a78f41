import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cassette } from '../../src/policy/llm/cassette.js';
import { LlmClient } from '../../src/policy/llm/client.js';
import { loadConfig } from '../../src/core/config.js';
import { conventionFor, describeLlm, resolveLlmConfig as resolveRole, type Slot } from '../../src/policy/llm/config.js';

/** A role's configuration from an environment, the way the command line reads it (src/core/config.ts). */
const resolveLlmConfig = (slot: Slot, opts = {}, env: Record<string, string> = {}) =>
  resolveRole(slot, opts, loadConfig(env).llm[slot]);
import { extractJson } from '../../src/policy/llm/parse.js';
import { startFakeLlm } from '../support/fake-llm.js';

describe('configuration: option ?? HEED_<SLOT>_* ?? OPENAI_* ?? default', () => {
  const env = {
    OPENAI_API_KEY: 'sk-openai',
    OPENAI_BASE_URL: 'http://a/v1',
    OPENAI_MODEL: 'gpt-4o',
    HEED_JUDGE_MODEL: 'judge-m',
    HEED_JUDGE_BASE_URL: 'http://j/v1',
  };

  test('precedence per slot', () => {
    expect(resolveLlmConfig('agent', {}, env)).toMatchObject({
      model: 'gpt-4o',
      baseURL: 'http://a/v1',
      apiKey: 'sk-openai',
      coords: 'pixels',
    });
    expect(resolveLlmConfig('judge', {}, env)).toMatchObject({
      model: 'judge-m',
      baseURL: 'http://j/v1',
      apiKey: 'sk-openai',
    });
    expect(resolveLlmConfig('agent', { model: 'ui-tars-1.5-7b' }, env)).toMatchObject({
      model: 'ui-tars-1.5-7b',
      coords: 'norm1000',
    });
    expect(resolveLlmConfig('agent', { model: 'x' }, { HEED_AGENT_COORDS: 'norm1' })?.coords).toBe('norm1');
    // The user simulator never silently falls back to the agent's OPENAI_MODEL.
    expect(resolveLlmConfig('user', {}, env)).toBeUndefined();
    expect(resolveLlmConfig('agent', {}, {})).toBeUndefined();
    expect(resolveLlmConfig('agent', {}, { HEED_AGENT_MODEL: 'm' })).toMatchObject({
      baseURL: 'https://api.openai.com/v1',
      temperature: 0,
      maxRetries: 3,
    });
  });

  test('coordinate conventions by family; the key never appears in descriptions', () => {
    expect(conventionFor('gemini-2.5-pro')).toBe('norm1000');
    expect(conventionFor('qwen2.5-vl-72b')).toBe('pixels');
    const d = JSON.stringify(describeLlm(resolveLlmConfig('agent', {}, env)!));
    expect(d).not.toContain('sk-openai');
    expect(d).toContain('"apiKey":"set"');
  });

  test('bad coordinate conventions are refused with the variable named', () => {
    expect(() => resolveLlmConfig('agent', { model: 'm' }, { HEED_AGENT_COORDS: 'inches' })).toThrow(
      'HEED_AGENT_COORDS must be pixels, norm1000, norm999 or norm1',
    );
  });
});

describe('tolerant parsing', () => {
  test.each([
    ['{"action":"back"}', { action: 'back' }],
    ['```json\n{"action": "tap", "element": 3}\n```', { action: 'tap', element: 3 }],
    ['I will go back now. {"action":"back"} Done.', { action: 'back' }],
    ["{'action': 'type', 'text': 'it\\'s'}", { action: 'type', text: "it's" }],
    ['{action: "tap", element: 4,}', { action: 'tap', element: 4 }],
    ['{"action":"type","text":"a } brace"}', { action: 'type', text: 'a } brace' }],
  ])('%s', (text, want) => {
    expect(extractJson(text)).toEqual(want);
  });

  test('unrepairable text says what to do', () => {
    expect(() => extractJson('no json here')).toThrow('no JSON object found');
    expect(() => extractJson('{"action": }')).toThrow(/not valid JSON/);
  });
});

describe('the LLM client over HTTP', () => {
  test('retries 429 and 5xx with backoff, then succeeds; reports usage, latency and cost', async () => {
    const llm = await startFakeLlm((_r, n) =>
      n === 0 ? { status: 429 } : n === 1 ? { status: 503 } : '{"action":"back"}',
    );
    try {
      const cfg = resolveLlmConfig(
        'agent',
        { model: 'gpt-4o-mini', baseURL: llm.baseURL, apiKey: 'k', backoffMs: 1 },
        {},
      )!;
      const r = await new LlmClient(cfg).complete([{ role: 'user', content: 'hi' }]);
      expect(r).toMatchObject({ text: '{"action":"back"}', retries: 2, usage: { input: 1000, output: 20 } });
      expect(r.cost).toBeCloseTo((1000 * 0.15 + 20 * 0.6) / 1e6, 12);
      expect(llm.requests).toHaveLength(3);
    } finally {
      await llm.close();
    }
  });

  test('gives up after maxRetries with an error naming the model and endpoint', async () => {
    const llm = await startFakeLlm(() => ({ status: 500 }));
    try {
      const cfg = resolveLlmConfig('judge', { model: 'j', baseURL: llm.baseURL, maxRetries: 1, backoffMs: 1 }, {})!;
      await expect(new LlmClient(cfg).complete([{ role: 'user', content: 'x' }])).rejects.toThrow(
        /The judge model \(j at http:\/\/127\.0\.0\.1:\d+\/v1\) failed/,
      );
      expect(llm.requests).toHaveLength(2);
    } finally {
      await llm.close();
    }
  });

  test('structured output: json_schema first; an endpoint that rejects it gets json_object, then plain text', async () => {
    const llm = await startFakeLlm((r) =>
      r.response_format
        ? { status: 400, body: { error: { message: `response_format ${r.response_format.type} is not supported` } } }
        : '{"ok":true}',
    );
    try {
      const cfg = resolveLlmConfig('agent', { model: 'local', baseURL: llm.baseURL, maxRetries: 0 }, {})!;
      const client = new LlmClient(cfg);
      expect(
        (await client.complete([{ role: 'user', content: 'x' }], { name: 's', schema: { type: 'object' } })).text,
      ).toBe('{"ok":true}');
      expect(llm.requests.map((r) => r.response_format?.type ?? 'none')).toEqual([
        'json_schema',
        'json_object',
        'none',
      ]);
      await client.complete([{ role: 'user', content: 'y' }], { name: 's', schema: { type: 'object' } });
      expect(llm.requests.at(-1)!.response_format).toBeUndefined(); // remembered
    } finally {
      await llm.close();
    }
  });

  test('cassettes record without secrets or pixels, and replay the same calls with no endpoint', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'heed-cas-')), 'calls.jsonl');
    const llm = await startFakeLlm((_r, n) => `{"n":${n}}`);
    const messages = [
      {
        role: 'user' as const,
        content: [
          { type: 'text' as const, text: 'look' },
          { type: 'image_url' as const, image_url: { url: 'data:image/jpeg;base64,AAAA' } },
        ],
      },
    ];
    const cfg = resolveLlmConfig('agent', { model: 'm', baseURL: llm.baseURL, apiKey: 'sk-live-DO-NOT-LEAK' }, {})!;
    try {
      const rec = new LlmClient(cfg, new Cassette(file, 'record'));
      await rec.complete(messages);
      await rec.complete(messages);
    } finally {
      await llm.close();
    }
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('sk-live-DO-NOT-LEAK');
    expect(text).not.toContain('AAAA');
    expect(text).toContain('<image/jpeg sha256:');
    const play = new LlmClient(cfg, new Cassette(file, 'replay'));
    expect((await play.complete(messages)).text).toBe('{"n":0}');
    expect((await play.complete(messages)).text).toBe('{"n":1}');
    await expect(play.complete(messages)).rejects.toThrow(/no recorded response/);
    await expect(play.complete([{ role: 'user', content: 'other' }])).rejects.toThrow(/record again/);
  });
});
