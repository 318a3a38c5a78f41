// A scripted OpenAI-compatible endpoint on 127.0.0.1: POST /v1/chat/completions answered by a function. Tests and
// the benchmark go through the real openai client over HTTP against it. Records every request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PREFLIGHT_HEADER } from './preflight.js';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string | { type: string; text?: string; image_url?: { url: string } }[] }[];
  response_format?: { type: string };
  [k: string]: unknown;
}

/**
 * A reply: the assistant's text; a status with any body (a body without `choices`, content parts …); or a hostile
 * endpoint's behaviour: `stall: 'headers'` sends 200 and its headers, then nothing; `stall: 'silent'` sends nothing;
 * `reset` drops the connection.
 */
export type Reply =
  | string
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { stall: 'headers' | 'silent' }
  | { reset: true };

export interface FakeLlm {
  baseURL: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `models`: what GET /models lists (without it, /models is 404, as on servers that have none). */
export async function startFakeLlm(
  respond: (req: ChatRequest, n: number) => Reply | Promise<Reply>,
  opts: { models?: string[] } = {},
): Promise<FakeLlm> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url?.endsWith('/models') && opts.models) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          data: opts.models.map((id) => ({ id, object: 'model', owned_by: 'heed' })),
        }),
      );
      return;
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const parsed = JSON.parse(await body(req)) as ChatRequest;
    // heed's preflight (src/policy/llm/preflight.ts) is answered here and not counted: scripts script the run.
    if (req.headers[PREFLIGHT_HEADER]) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(parsed, 'green', 0)));
      return;
    }
    requests.push(parsed);
    let reply: Reply;
    try {
      reply = await respond(parsed, requests.length - 1);
    } catch (e) {
      reply = { status: 500, body: { error: { message: (e as Error).message } } };
    }
    if (typeof reply === 'object' && 'stall' in reply) {
      if (reply.stall === 'headers') res.writeHead(200, { 'content-type': 'application/json' }).write('{"id":');
      return; // and never finish
    }
    if (typeof reply === 'object' && 'reset' in reply) {
      req.socket.destroy();
      return;
    }
    if (typeof reply !== 'string') {
      res
        .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
        .end(JSON.stringify(reply.body ?? { error: { message: 'scripted error' } }));
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(completion(parsed, reply, requests.length)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections(); // stalled replies hold their connections open
      }),
  };
}

function completion(req: ChatRequest, content: string, n: number) {
  return {
    id: `chatcmpl-${n}`,
    object: 'chat.completion',
    created: 0,
    model: req.model,
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    usage: { prompt_tokens: 1000, completion_tokens: 20, total_tokens: 1020 },
  };
}
