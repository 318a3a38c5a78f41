// Closing the approval page always ends, whatever the browser holds open. Chromium opens speculative connections
// (preconnect) that send no request, and http.Server.close() alone waits for those until the server's own timeouts
// (minutes): `heed run --user web` and `heed eval --user web` stayed open after their runs had ended (web.test.ts hung
// at 90 / 150 s). WebUser.close() drops every connection (5cfbb3c); without that the first two cases hang.
import { describe, expect, test } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import { WebUser } from '../../src/user/web.js';

async function started(): Promise<{ web: WebUser; port: number; token: string }> {
  let url = '';
  const web = await new WebUser({ announce: (u) => (url = u) }).start();
  const u = new URL(url);
  return { web, port: Number(u.port), token: u.searchParams.get('token')! };
}

async function socketTo(port: number, send?: string): Promise<Socket> {
  const s = connect(port, '127.0.0.1');
  await new Promise<void>((r) => s.on('connect', () => r()));
  s.on('error', () => {});
  if (send) s.write(send);
  await new Promise((r) => setTimeout(r, 100));
  return s;
}

const closesWithin = async (web: WebUser, ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  const r = await Promise.race([
    web.close().then(() => 'closed'),
    new Promise((res) => (timer = setTimeout(() => res('still open'), ms))),
  ]);
  clearTimeout(timer);
  return r;
};

describe('closing the approval page', () => {
  test.each([
    ['a connection that never sends a request (a browser preconnect)', undefined],
    ['a request whose headers never end', 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
  ])('ends at once with %s open', async (_what, send) => {
    const { web, port } = await started();
    const s = await socketTo(port, send);
    try {
      expect(await closesWithin(web, 3_000)).toBe('closed');
    } finally {
      s.destroy();
    }
  });

  test('ends at once with the page’s event stream and a keep-alive connection open', async () => {
    const { web, port, token } = await started();
    const events = await socketTo(port, `GET /events?token=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const idle = await socketTo(port, `GET /?token=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    try {
      expect(await closesWithin(web, 3_000)).toBe('closed');
    } finally {
      events.destroy();
      idle.destroy();
    }
  });
});
