/**
 * A fake Slack Web API on 127.0.0.1 (port 0) for tip broadcasts: it counts chat.postMessage per channel and
 * per token (each app instance gets its own token, so a test can tell who posted), can answer every post
 * `delayMs` late (so a kill lands while posts are under way), and can enforce Slack's rule of about one
 * message per second per channel, answering 429 with Retry-After when it is broken. auth.test and
 * conversations.open answer as Slack does. Used by test/scheduling and bench/tips.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface Post {
  channel: string;
  token: string;
  /** When the fake took it (the post counts from here: Slack shows it even if the answer never arrives). */
  at: number;
}

export interface SlackPostFakeOptions {
  /** Answer each post this much later. */
  delayMs?: number;
  /** Enforce one post per channel per this many ms (Slack: about 1 s); a faster one gets 429. */
  perChannelMs?: number;
}

export class SlackPostFake {
  readonly posts: Post[] = [];
  /** Posts refused with 429 (the per-channel rule). */
  rateLimited = 0;
  private readonly perChannel = new Map<string, number>();
  private readonly lastAt = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server!: Server;
  url = '';

  private constructor(private readonly options: SlackPostFakeOptions) {}

  static async start(options: SlackPostFakeOptions = {}): Promise<SlackPostFake> {
    const fake = new SlackPostFake(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  set delayMs(ms: number) {
    this.options.delayMs = ms;
  }

  /** Posts per channel. */
  count(channel: string): number {
    return this.perChannel.get(channel) ?? 0;
  }

  get channels(): ReadonlyMap<string, number> {
    return this.perChannel;
  }

  /** Channels posted to more than once. */
  duplicates(): string[] {
    return [...this.perChannel].filter(([, n]) => n > 1).map(([c]) => c);
  }

  /** Resolves once `check` holds (checked after every post), rejects after `timeoutMs`. */
  waitFor(check: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
    return new Promise((resolve, reject) => {
      const test = () => {
        if (!check()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`SlackPostFake.waitFor(${what}) timed out after ${timeoutMs} ms; ${this.posts.length} posts to ${this.perChannel.size} channels`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(test);
      };
      this.waiters.add(test);
      test();
    });
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = (req.url ?? '').split('?')[0]!.replace(/^\/api\//, '');
    const params = String(req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw || '{}') as Record<string, unknown>) : parseQuery(raw);
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const json = (body: unknown) => {
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    switch (method) {
      case 'auth.test':
        return json({ ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'mentor', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' });
      case 'conversations.open':
        return json({ ok: true, channel: { id: `D${String(params.users ?? '')}` } });
      case 'chat.postMessage':
        return this.post(String(params.channel ?? ''), token, res, json);
      default:
        return json({ ok: false, error: 'unknown_method' });
    }
  }

  private post(channel: string, token: string, res: ServerResponse, json: (body: unknown) => void): void {
    const at = Date.now();
    const limit = this.options.perChannelMs;
    if (limit !== undefined) {
      const last = this.lastAt.get(channel);
      if (last !== undefined && at - last < limit) {
        this.rateLimited++;
        res.writeHead(429, { 'retry-after': String(Math.ceil((limit - (at - last)) / 1000)) }).end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      this.lastAt.set(channel, at);
    }
    this.posts.push({ channel, token, at });
    this.perChannel.set(channel, (this.perChannel.get(channel) ?? 0) + 1);
    for (const wake of [...this.waiters]) wake();
    const answer = () => json({ ok: true, channel, ts: `${Math.floor(at / 1000)}.${String(this.posts.length).padStart(6, '0')}` });
    const delay = this.options.delayMs ?? 0;
    if (delay <= 0) return answer();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      answer();
    }, delay);
    this.timers.add(timer);
  }
}
