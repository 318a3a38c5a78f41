// HTTP pieces of the approval page's server: the headers every response carries, and a bounded JSON body reader.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** No caching, no sniffing, no framing, no referrer; the page may load only its own frame and events. */
export const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; img-src 'self' blob:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

export function sendText(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, ...PAGE_HEADERS });
  res.end(body);
}

/** The request's JSON body, or why not: 'too large' past `max` bytes, 'not JSON' otherwise. */
export async function readJson(
  req: IncomingMessage,
  max = 16_384,
): Promise<{ ok: true; body: unknown } | { ok: false; status: number; why: string }> {
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > max) return { ok: false, status: 413, why: 'too large' };
      chunks.push(c as Buffer);
    }
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 400, why: 'not JSON' };
  }
}
