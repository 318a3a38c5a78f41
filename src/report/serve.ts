// `heed report --serve`: a run or eval folder over HTTP on 127.0.0.1, for a machine you reach by SSH
// (ssh -L PORT:127.0.0.1:PORT you@host). Read-only, GET only, and only under a random path prefix (the token), so
// the page's relative links to frames keep working while nothing is served to someone who lacks the URL. Only the
// report's own kinds of files are served, never a listing, and nothing outside the folder (symlinks included).
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

export interface ServedReport {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function serveReport(folder: string, o: { port?: number; file?: string } = {}): Promise<ServedReport> {
  const root = realpathSync(folder);
  const token = randomBytes(16).toString('hex');
  let port = 0;
  const server: Server = createServer((req, res) => {
    const send = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end(text);
    };
    // Only our own host names: a page on another origin reaching us by a DNS-rebinding name gets nothing.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(403, 'wrong host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'read-only');
    const path = decodeURIComponent(new URL(req.url ?? '/', `http://${host}`).pathname);
    if (path === `/${token}` || path === `/${token}/`) {
      res.writeHead(302, { location: `/${token}/${o.file ?? 'report.html'}` });
      return void res.end();
    }
    if (!path.startsWith(`/${token}/`)) return send(404, 'not found');
    const rel = path.slice(token.length + 2);
    if (!rel || rel.includes('\0') || rel.split('/').some((p) => p === '..' || p.startsWith('.')))
      return send(404, 'not found');
    const type = TYPES[extname(rel).toLowerCase()];
    const file = join(root, rel);
    if (!type || !existsSync(file)) return send(404, 'not found');
    const real = realpathSync(file);
    if (!real.startsWith(root + sep) || !statSync(real).isFile()) return send(404, 'not found');
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(real).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${token}/${o.file ?? 'report.html'}`,
    port,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
