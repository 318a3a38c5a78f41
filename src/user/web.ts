// The browser approval page: a small HTTP server on 127.0.0.1 with a random per-run token. Consent requests and
// questions wait for an answer from the page; updates reach it by server-sent events. Fail-safe: no answer before the
// timeout means deny, a second answer or a late one is refused, and nothing is served without the token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { DEFAULT_CONFIG } from '../core/config.js';
import { HeedError } from '../core/errors.js';
import { categoryWords, type ConsentAnswer } from '../core/vocab.js';
import type { ConsentRequest, EpisodeContext, Question, RunEnd, Screen, StepEvent, UserChannel } from './channel.js';
import { WebTimeline } from './web-timeline.js';
import { readJson, sendText } from './web-http.js';
import { PAGE } from './web-page.js';

export interface WebUserOptions {
  port?: number;
  /** Seconds to wait for an answer; then consent is denied (never allowed) and a question goes unanswered. */
  timeoutS?: number;
  /** Where to print the URL. */
  announce?: (url: string) => void;
}

type Pending =
  | {
      id: number;
      kind: 'consent';
      request: Omit<ConsentRequest, 'screen'>;
      screen?: Screen;
      episode?: EpisodeContext;
      resolve: (a: ConsentAnswer) => void;
      deadline: number;
    }
  | {
      id: number;
      kind: 'question';
      question: Omit<Question, 'screen'>;
      screen?: Screen;
      episode?: EpisodeContext;
      resolve: (a: string) => void;
      deadline: number;
    };

const Answer = z.union([
  z.strictObject({ id: z.number().int(), answer: z.enum(['allow', 'allow_once', 'always', 'deny', 'never']) }),
  z.strictObject({ id: z.number().int(), instead: z.string().trim().min(1).max(2000) }),
  z.strictObject({ id: z.number().int(), text: z.string().max(2000) }),
]);

export class WebUser implements UserChannel {
  readonly kind = 'web';
  readonly token = randomBytes(24).toString('hex');
  private server?: Server;
  private port = 0;
  private pending?: Pending;
  private nextId = 1;
  /** Ids already answered or expired: a second answer is refused, not applied. */
  private readonly closed = new Map<number, 'answered' | 'expired'>();
  private readonly timeline = new WebTimeline();
  private readonly clients = new Set<ServerResponse>();
  private lastScreen?: Screen;
  private screenVersion = 0;

  constructor(private readonly o: WebUserOptions = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/?token=${this.token}`;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    const port = this.o.port ?? 0;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', (e: NodeJS.ErrnoException) =>
        reject(
          new HeedError(
            `The approval page cannot listen on 127.0.0.1:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}`,
            'set HEED_WEB_PORT to a free port, or unset it for any free one',
          ),
        ),
      );
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    (this.o.announce ?? ((u) => console.log(`heed approval page: ${u}`)))(this.url);
    return this;
  }

  private timeoutMs(): number {
    return (this.o.timeoutS ?? DEFAULT_CONFIG.web.timeoutS) * 1000;
  }

  async consent(r: ConsentRequest, episode?: EpisodeContext): Promise<ConsentAnswer> {
    const { screen, ...request } = r;
    if (episode) this.timeline.episode(episode);
    return this.wait<ConsentAnswer>(
      (id, resolve, deadline) => ({ id, kind: 'consent', request, screen, episode, resolve, deadline }),
      { kind: 'deny', source: 'timeout' },
    );
  }

  async ask(q: Question, episode?: EpisodeContext): Promise<string> {
    const { screen, ...question } = q;
    if (episode) this.timeline.episode(episode);
    return this.wait<string>(
      (id, resolve, deadline) => ({ id, kind: 'question', question, screen, episode, resolve, deadline }),
      '(no answer from the approval page)',
    );
  }

  notify(e: StepEvent, episode?: EpisodeContext): void {
    this.timeline.add(e, episode);
    this.broadcast();
  }

  /** How the run ended: the page shows it, and knows the silence that follows is not a lost connection. */
  end(e: RunEnd): void {
    this.timeline.end(e);
    this.broadcast();
  }

  /** The same page, answering for one episode of an eval: everything it shows is labelled with the episode. */
  forEpisode(c: EpisodeContext): UserChannel {
    return {
      kind: this.kind,
      ask: (q) => this.ask(q, c),
      consent: (r) => this.consent(r, c),
      notify: (e) => this.notify(e, c),
      end: (e) => {
        this.timeline.endEpisode(c, e);
        this.broadcast();
      },
    };
  }

  /** Requests from several episodes at once (heed eval --devices N) wait their turn: the page shows one at a time. */
  private turn: Promise<unknown> = Promise.resolve();

  private wait<T>(make: (id: number, resolve: (v: T) => void, deadline: number) => Pending, onTimeout: T): Promise<T> {
    const mine = this.turn.then(() => this.show(make, onTimeout));
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  private show<T>(make: (id: number, resolve: (v: T) => void, deadline: number) => Pending, onTimeout: T): Promise<T> {
    return new Promise<T>((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        const p = this.pending;
        if (p?.id !== id) return;
        this.closed.set(id, 'expired');
        this.pending = undefined;
        this.timeline.add(
          { step: this.timeline.lastStep, action: `request ${id}`, outcome: 'no answer in time: treated as deny' },
          p.episode,
        );
        this.broadcast();
        resolve(onTimeout);
      }, this.timeoutMs());
      const done = (v: T) => {
        clearTimeout(timer);
        resolve(v);
      };
      this.pending = make(id, done as never, Date.now() + this.timeoutMs());
      if (this.pending.screen) {
        this.lastScreen = this.pending.screen;
        this.screenVersion++;
      }
      this.broadcast();
    });
  }

  private state(): unknown {
    const p = this.pending;
    return {
      pending: p
        ? {
            id: p.id,
            kind: p.kind,
            // The category as people say it ("sign-in"), for the topic and the answers' small print.
            ...(p.kind === 'consent'
              ? { request: p.request, topic: categoryWords(p.request.category) }
              : { question: p.question }),
            ...(p.episode ? { episode: p.episode } : {}),
            deadline: p.deadline,
          }
        : null,
      screen: this.lastScreen
        ? {
            version: this.screenVersion,
            width: this.lastScreen.width,
            height: this.lastScreen.height,
            box: this.lastScreen.box,
            point: this.lastScreen.point,
          }
        : null,
      ...this.timeline.state(),
    };
  }

  private broadcast(): void {
    const data = `event: state\ndata: ${JSON.stringify(this.state())}\n\n`;
    for (const c of this.clients) c.write(data);
  }

  private tokenOk(given: string | null | undefined): boolean {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const send = (status: number, body: string, type?: string) => sendText(res, status, body, type);
    // Only this host name and port: a page on another origin (or a DNS-rebinding name) gets nothing.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) return send(403, 'wrong host');
    if (req.method === 'GET') {
      if (!this.tokenOk(url.searchParams.get('token'))) return send(403, 'missing or wrong token');
      if (url.pathname === '/') return send(200, PAGE, 'text/html; charset=utf-8');
      if (url.pathname === '/frame.jpg') {
        if (!this.lastScreen) return send(404, 'no frame yet');
        res.writeHead(200, {
          'content-type': 'image/jpeg',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        return void res.end(this.lastScreen.jpeg);
      }
      if (url.pathname === '/events') {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(`event: state\ndata: ${JSON.stringify(this.state())}\n\n`);
        this.clients.add(res);
        req.on('close', () => this.clients.delete(res));
        return;
      }
      return send(404, 'not found');
    }
    if (req.method !== 'POST' || url.pathname !== '/answer') return send(405, 'only POST /answer changes anything');
    const origin = req.headers.origin;
    if (origin !== this.origin && origin !== `http://localhost:${this.port}`)
      return send(403, 'cross-origin request refused');
    if (!this.tokenOk(req.headers['x-heed-token'] as string | undefined)) return send(403, 'missing or wrong token');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(415, 'send JSON');
    const read = await readJson(req);
    if (!read.ok) return send(read.status, read.why);
    const a = Answer.safeParse(read.body);
    if (!a.success) return send(400, `bad answer: ${a.error.issues[0]!.message}`);
    const p = this.pending;
    const was = this.closed.get(a.data.id);
    if (was === 'expired') return send(410, 'too late: this request timed out and was denied');
    if (was === 'answered' || !p || p.id !== a.data.id) return send(409, 'this request was already answered');
    if (p.kind === 'consent' && 'text' in a.data)
      return send(400, 'a consent request needs allow, allow_once, always, deny, never or an instruction');
    if (p.kind === 'question' && !('text' in a.data)) return send(400, 'a question needs a text answer');
    this.closed.set(p.id, 'answered');
    this.pending = undefined;
    if (p.kind === 'consent')
      p.resolve(
        'answer' in a.data
          ? { kind: a.data.answer }
          : { kind: 'instead', instruction: (a.data as { instead: string }).instead },
      );
    else p.resolve((a.data as { text: string }).text);
    this.broadcast();
    send(200, 'ok');
  }

  async close(): Promise<void> {
    // Closing with a request open answers it the fail-safe way: deny, or no answer to a question.
    const p = this.pending;
    if (p) {
      this.pending = undefined;
      this.closed.set(p.id, 'expired');
      if (p.kind === 'consent') p.resolve({ kind: 'deny', source: 'channel-closed' });
      else p.resolve('(the approval page was closed)');
    }
    for (const c of this.clients) c.end();
    this.clients.clear();
    await new Promise<void>((r) => {
      if (!this.server) return r();
      this.server.close(() => r());
      // A page's EventSource reconnects at once when its stream ends: that new stream (or a keep-alive socket) would
      // hold close() open, and the run's process with it, for as long as the tab stays open.
      this.server.closeAllConnections();
    });
  }
}
