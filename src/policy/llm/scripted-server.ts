// A scripted OpenAI-compatible endpoint on 127.0.0.1: POST /v1/chat/completions answered by a function. Tests and
// the benchmark go through the real openai client over HTTP against it. Records every request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string | { type: string; text?: string; image_url?: { url: string } }[] }[];
  response_format?: { type: string };
  [k: string]: unknown;
}

export type Reply = string | { status: number; body?: unknown; headers?: Record<string, string> };

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

/** `respond` may be async: a test can change the device while heed waits for the model (time of check vs use). */
export async function startFakeLlm(respond: (req: ChatRequest, n: number) => Reply | Promise<Reply>): Promise<FakeLlm> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const parsed = JSON.parse(await body(req)) as ChatRequest;
    requests.push(parsed);
    let reply: Reply;
    try {
      reply = await respond(parsed, requests.length - 1);
    } catch (e) {
      reply = { status: 500, body: { error: { message: (e as Error).message } } };
    }
    if (typeof reply !== 'string') {
      res
        .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
        .end(JSON.stringify(reply.body ?? { error: { message: 'scripted error' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: 0,
        model: parsed.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply } }],
        usage: { prompt_tokens: 1000, completion_tokens: 20, total_tokens: 1020 },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { baseURL: `http://127.0.0.1:${port}/v1`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
