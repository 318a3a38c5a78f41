// The model preflight against real HTTP servers through the real openai client: each failure named with its fix,
// before any phone boots; and retries that say what they wait for.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main } from '../../src/cli/main.js';
import { LlmClient } from '../../src/policy/llm/client.js';
import { resolveLlmConfig } from '../../src/policy/llm/config.js';
import { isLocal, preflight } from '../../src/policy/llm/preflight.js';
import { act, startFakeLlm } from '../support/fake-llm.js';

/** A server whose every request is answered by `handle`. */
async function server(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const s = createServer(handle);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    baseURL: `http://127.0.0.1:${(s.address() as AddressInfo).port}/v1`,
    close: () => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r()))),
  };
}
const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const cfg = (model: string, baseURL: string, more: Record<string, unknown> = {}) =>
  resolveLlmConfig('agent', { model, baseURL, ...more })!;
const status = (checks: { name: string; status: string }[]) =>
  Object.fromEntries(checks.map((c) => [c.name, c.status]));

describe('model preflight', () => {
  test('a remote endpoint without a key fails at once, naming the variable; local ones need none', async () => {
    const checks = await preflight(cfg('gpt-4o', 'https://api.openai.example/v1'));
    expect(checks).toEqual([
      expect.objectContaining({ name: 'key', status: 'fail', fix: expect.stringContaining('HEED_AGENT_API_KEY') }),
    ]);
    for (const local of [
      'http://127.0.0.1:8000/v1',
      'http://localhost:11434/v1',
      'http://[::1]:1/v1',
      'http://192.168.1.5/v1',
    ])
      expect(isLocal(local)).toBe(true);
    expect(isLocal('https://api.openai.com/v1')).toBe(false);
  });

  test('a dead endpoint: cannot reach it, start the server', async () => {
    const dead = await server(() => {});
    const url = dead.baseURL;
    await dead.close();
    const checks = await preflight(cfg('m', url));
    expect(checks.at(-1)).toMatchObject({
      name: 'endpoint',
      status: 'fail',
      fix: expect.stringContaining('start the server'),
    });
  });

  test('a model it does not serve: the list, and the nearest name', async () => {
    const llm = await startFakeLlm(act({ action: 'wait' }), { models: ['qwen2.5-vl-7b-instruct', 'llama3.2'] });
    try {
      const checks = await preflight(cfg('qwen2.5-vl-7b-instrct', llm.baseURL));
      expect(checks.at(-1)).toMatchObject({
        name: 'model',
        status: 'fail',
        detail: expect.stringContaining('it serves qwen2.5-vl-7b-instruct, llama3.2'),
        fix: expect.stringContaining('did you mean qwen2.5-vl-7b-instruct?'),
      });
      const good = await preflight(cfg('llama3.2', llm.baseURL));
      expect(status(good)).toEqual({ key: 'ok', endpoint: 'ok', model: 'ok', image: 'ok' });
      expect(llm.requests).toHaveLength(0); // the preflight's call is not one of the script's
    } finally {
      await llm.close();
    }
  });

  test('a refused key, a model without image input, and an endpoint that never answers', async () => {
    const refusing = await server((_req, res) => json(res, 401, { error: { message: 'Incorrect API key provided' } }));
    const textOnly = await server((req, res) => {
      if (req.url?.endsWith('/models'))
        return json(res, 200, { object: 'list', data: [{ id: 'text-only', object: 'model' }] });
      json(res, 400, { error: { message: 'Invalid content type. image_url is only supported by certain models.' } });
    });
    const silent = await server(() => {}); // headers never come
    try {
      const k = await preflight(cfg('m', refusing.baseURL, { apiKey: 'sk-wrong' }));
      expect(k.at(-1)).toMatchObject({
        name: 'endpoint',
        status: 'fail',
        fix: expect.stringContaining('HEED_AGENT_API_KEY'),
      });
      const t = await preflight(cfg('text-only', textOnly.baseURL));
      expect(t.at(-1)).toMatchObject({
        name: 'image',
        status: 'fail',
        fix: expect.stringContaining('vision-language model'),
      });
      const started = Date.now();
      const s = await preflight(cfg('m', silent.baseURL, { timeoutMs: 300 }));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(s.at(-1)).toMatchObject({ name: 'endpoint', status: 'fail' });
    } finally {
      await Promise.all([refusing.close(), textOnly.close(), silent.close()]);
    }
  });

  test('an endpoint that sends its headers and then stalls: each request ends at the timeout, body included', async () => {
    // The SDK's own timeout stops at the headers; a body that never ends would hold the preflight forever.
    const stallList = await server((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).write(' '),
    );
    const stallChat = await server((req, res) => {
      if (req.url?.endsWith('/models')) return json(res, 200, { object: 'list', data: [{ id: 'm', object: 'model' }] });
      res.writeHead(200, { 'content-type': 'application/json' }).write(' ');
    });
    try {
      let started = Date.now();
      const l = await preflight(cfg('m', stallList.baseURL, { timeoutMs: 500 }));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(l.at(-1)).toMatchObject({ name: 'endpoint', status: 'fail', detail: expect.stringContaining('within') });
      started = Date.now();
      const c = await preflight(cfg('m', stallChat.baseURL, { timeoutMs: 500 }));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(c.at(-1)).toMatchObject({ name: 'image', status: 'fail', fix: expect.stringContaining('TIMEOUT_MS') });
    } finally {
      await Promise.all([stallList.close(), stallChat.close()]);
    }
  });

  test('heed run: the preflight keeps to HEED_MAX_SECONDS, whatever the endpoint does', async () => {
    const stall = await server((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).write(' '));
    const env = { ...process.env };
    process.env.HEED_MAX_SECONDS = '2';
    process.env.HEED_AGENT_TIMEOUT_MS = '60000';
    const lines: string[] = [];
    try {
      const started = Date.now();
      const code = await main(['run', 'Open TrailCam', '--model', 'm', '--base-url', stall.baseURL], (l) =>
        lines.push(l),
      );
      expect(code).toBe(3);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(lines.join('\n')).toContain('did not answer within 2 s');
      expect(lines.join('\n')).toContain('raise it'); // HEED_MAX_SECONDS, not the request timeout, cut it
      expect(lines.join('\n')).not.toContain('▶'); // no run started
    } finally {
      process.env = env;
      await stall.close();
    }
  });

  test('heed run with a model the endpoint does not serve stops before the phone boots: exit 3 and the fix', async () => {
    const llm = await startFakeLlm(act({ action: 'wait' }), { models: ['ui-tars-1.5-7b'] });
    const lines: string[] = [];
    try {
      const started = Date.now();
      const code = await main(
        ['run', 'Open TrailCam', '--model', 'ui-tars-1.5-7', '--base-url', llm.baseURL, '--user', 'scripted'],
        (l) => lines.push(l),
      );
      expect(code).toBe(3);
      expect(Date.now() - started).toBeLessThan(5_000);
      const text = lines.join('\n');
      expect(text).toContain('✗ agent model ui-tars-1.5-7 at');
      expect(text).toContain('did you mean ui-tars-1.5-7b?');
      expect(text).not.toContain('▶'); // no run started
      expect(llm.requests).toHaveLength(0);
    } finally {
      await llm.close();
    }
  });

  test('heed doctor --model: without an agent model it fails with how to set one; with one, every check passes', async () => {
    const env = { ...process.env };
    try {
      for (const k of Object.keys(process.env))
        if (/^(HEED_(AGENT|USER|JUDGE)_|OPENAI_|HEED_MODEL)/.test(k)) delete process.env[k];
      const lines: string[] = [];
      expect(await main(['doctor', '--model', '--json'], (l) => lines.push(l))).toBe(1);
      const none = JSON.parse(lines.join('\n'));
      expect(none.checks).toContainEqual(
        expect.objectContaining({
          name: 'agent model',
          status: 'fail',
          fix: expect.stringContaining('HEED_AGENT_MODEL'),
        }),
      );
      const llm = await startFakeLlm(act({ action: 'wait' }), { models: ['qwen2.5-vl'] });
      try {
        Object.assign(process.env, { HEED_AGENT_MODEL: 'qwen2.5-vl', HEED_AGENT_BASE_URL: llm.baseURL });
        const ok: string[] = [];
        await main(['doctor', '--model', '--json'], (l) => ok.push(l));
        const r = JSON.parse(ok.join('\n'));
        const model = r.checks.filter((c: { name: string }) => c.name.startsWith('agent '));
        expect(model.map((c: { name: string; status: string }) => `${c.name} ${c.status}`)).toEqual([
          'agent key ok',
          'agent endpoint ok',
          'agent model ok',
          'agent image ok',
        ]);
      } finally {
        await llm.close();
      }
    } finally {
      process.env = env;
    }
  });
});

describe('retries say what they wait for', () => {
  test('5xx and timeouts: each retry is announced with its reason and the variable that governs it', async () => {
    let n = 0;
    const flaky = await server((req, res) => {
      if (n++ < 2) return json(res, 503, { error: { message: 'loading model' } });
      json(res, 200, {
        id: 'x',
        object: 'chat.completion',
        created: 0,
        model: 'm',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'ok' } }],
      });
    });
    const silent = await server(() => {});
    try {
      const lines: string[] = [];
      const r = await new LlmClient(cfg('m', flaky.baseURL, { backoffMs: 1 }), undefined, (l) =>
        lines.push(l),
      ).complete([{ role: 'user', content: 'hi' }]);
      expect(r.text).toBe('ok');
      expect(lines).toEqual([
        '  … the agent model answered 503; retry 1 of 3 in 0.0 s',
        '  … the agent model answered 503; retry 2 of 3 in 0.0 s',
      ]);
      const t: string[] = [];
      const client = new LlmClient(
        cfg('m', silent.baseURL, { timeoutMs: 200, maxRetries: 1, backoffMs: 1 }),
        undefined,
        (l) => t.push(l),
      );
      await expect(client.complete([{ role: 'user', content: 'hi' }])).rejects.toThrow(/failed after 2 attempts/);
      expect(t).toEqual([
        '  … the agent model did not answer within 0.2 s (HEED_AGENT_TIMEOUT_MS); retry 1 of 1 in 0.0 s',
      ]);
    } finally {
      await Promise.all([flaky.close(), silent.close()]);
    }
  });
});
