/**
 * A fake Discord (REST + gateway) on 127.0.0.1, port 0, so the real discord.js Client runs unchanged:
 * `rest: { api: fake.apiUrl }` and the gateway URL comes from GET /gateway/bot. Every REST call is recorded
 * (method, path, JSON body, arrival time); errors such as 429, 10062, 40060 and 50007 can be injected.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';

/** A message the bot posted, in the full shape discord.js expects; `fields` override the defaults. */
export function botMessage(fields: Record<string, unknown>) {
  return {
    id: snowflake(),
    author: FAKE_BOT_USER,
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    type: 0,
    flags: 0,
    ...fields,
  };
}

export interface RecordedCall {
  method: string;
  /** Path after /api/v10, without the query string, e.g. `/interactions/1/tok/callback`. */
  path: string;
  query: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** performance.now() when the request arrived. */
  at: number;
  /** The status the fake answered with (injected errors included). */
  status: number;
  /** Files of a multipart request (discord.js sends attachments so; `body` is then its payload_json). */
  files?: RecordedFile[];
}

export interface RecordedFile {
  /** The form field, `files[0]`... */
  field: string;
  filename: string;
  bytes: Buffer;
}

/** Splits multipart/form-data into its JSON payload and its files, as Discord reads an upload. */
function parseMultipart(raw: Buffer, contentType: string): { body: unknown; files: RecordedFile[] } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const delimiter = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  const files: RecordedFile[] = [];
  let body: unknown;
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2); // CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const field = /name="([^"]+)"/.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]+)"/.exec(headers)?.[1];
    if (filename !== undefined) files.push({ field, filename, bytes: Buffer.from(content) });
    else if (field === 'payload_json') body = JSON.parse(content.toString('utf8'));
    start = next;
  }
  return { body, files };
}

export interface Injection {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** How many matching calls get this answer (default 1). */
  times?: number;
}

interface Session {
  socket: WebSocket;
  seq: number;
  shard: [number, number];
  identified: boolean;
}

export const FAKE_APP_ID = '900000000000000001';
export const FAKE_BOT_USER = { id: '900000000000000002', username: 'mentor', discriminator: '0', global_name: 'Mentor', avatar: null, bot: true };

/** Discord's epoch: a snowflake's top bits are milliseconds since 2015-01-01 (developers/reference.mdx). */
export const DISCORD_EPOCH = 1_420_070_400_000;
let sequence = 0n;
/**
 * A snowflake created at `ms` (default now), as Discord makes them: discord.js reads an interaction's
 * createdTimestamp from its id. The low 22 bits (worker, process, increment) hold a counter, so ids stay unique.
 */
export const snowflake = (ms = Date.now()): string => String((BigInt(ms - DISCORD_EPOCH) << 22n) | (sequence++ & 0x3f_ffffn));

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  /** IDENTIFY payloads (op 2) in arrival order. */
  readonly identifies: { token: string; intents: number; shard?: [number, number] }[] = [];
  /** Recommended shard count returned by GET /gateway/bot. */
  shards = 1;
  /** Called with every recorded REST call once it has been answered (cheap hook for benches). */
  readonly onCall = new Set<(call: RecordedCall) => void>();
  private readonly injections: (Injection & { left: number })[] = [];
  private readonly delays: { method: string; path: RegExp; ms: number; left: number }[] = [];
  private readonly sessions = new Set<Session>();
  private readonly waiters = new Set<() => void>();
  private readonly wss = new WebSocketServer({ noServer: true });

  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(): Promise<FakeDiscord> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeDiscord(server, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  inject(injection: Injection): void {
    this.injections.push({ ...injection, left: injection.times ?? 1 });
  }

  /** Calls matching a method and path pattern, in order. */
  /** The next `times` matching calls are recorded (and waiters woken) at once but answered `delayMs` later. */
  slow(method: string, path: RegExp, delayMs: number, times = 1): void {
    this.delays.push({ method, path, ms: delayMs, left: times });
  }

  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** Resolves with the first recorded call (past or future) that matches; rejects after `timeoutMs`. */
  waitForCall(match: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitUntil(() => this.calls.find(match), timeoutMs, 'REST call');
  }

  /**
   * Resolves when `probe` returns a value; re-checked on every REST call and gateway message, and every
   * 10 ms for conditions outside the fake (log lines, store contents).
   */
  waitUntil<T>(probe: () => T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        clearInterval(poll);
        resolve(value);
      };
      const poll = setInterval(check, 10);
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        clearInterval(poll);
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for a ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Sends a dispatch (op 0) with the session's next sequence number to every identified session, or one shard. */
  dispatch(type: string, data: unknown, shardId?: number): void {
    for (const session of this.sessions) {
      if (!session.identified || (shardId !== undefined && session.shard[0] !== shardId)) continue;
      session.seq += 1;
      session.socket.send(JSON.stringify({ op: 0, t: type, s: session.seq, d: data }));
    }
  }

  /** Closes every gateway connection with `code` (4000 = unknown error, resumable), as Discord does on trouble. */
  disconnectAll(code = 4000): void {
    for (const session of this.sessions) session.socket.close(code, 'fake Discord: disconnect');
  }

  /** RESUME payloads (op 6) received. */
  readonly resumes: { session_id: string; seq: number }[] = [];

  get connectedSessions(): number {
    return [...this.sessions].filter((s) => s.identified).length;
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    for (const check of [...this.waiters]) check();
  }

  private onSocket(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, shard: [0, 1], identified: false };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.on('error', () => this.sessions.delete(session));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      let packet: { op: number; d: Record<string, unknown> };
      try {
        packet = JSON.parse(String(raw));
      } catch {
        return;
      }
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (packet.op === 2) {
        const d = packet.d as { token: string; intents: number; shard?: [number, number] };
        this.identifies.push({ token: d.token, intents: d.intents, shard: d.shard });
        session.shard = d.shard ?? [0, 1];
        session.identified = true;
        session.seq += 1;
        socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: session.seq,
            d: {
              v: 10,
              user: FAKE_BOT_USER,
              guilds: [],
              session_id: `session-${snowflake()}`,
              resume_gateway_url: this.gatewayUrl,
              shard: session.shard,
              application: { id: FAKE_APP_ID, flags: 0 },
            },
          }),
        );
      }
      if (packet.op === 6) {
        this.resumes.push(packet.d as { session_id: string; seq: number });
        session.identified = true;
        session.seq += 1;
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: session.seq, d: {} }));
      }
      this.notify();
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    // discord.js encodes '@original' as %40original; recorded paths are decoded for readable assertions.
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const method = req.method ?? 'GET';
    let body: unknown = raw;
    let files: RecordedFile[] | undefined;
    const contentType = String(req.headers['content-type'] ?? '');
    if (contentType.startsWith('multipart/form-data')) {
      ({ body, files } = parseMultipart(bytes, contentType));
    } else {
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // text: kept raw
      }
    }
    const call: RecordedCall = { method, path, query: url.search, body, at, status: 0, ...(files ? { files } : {}) };
    this.calls.push(call);
    const delay = this.delays.find((d) => d.left > 0 && d.method === method && d.path.test(path));
    if (delay) {
      delay.left -= 1;
      this.notify();
      await new Promise((resolve) => setTimeout(resolve, delay.ms));
      if (res.destroyed) return;
    }

    const injection = this.injections.find((i) => i.left > 0 && i.method === method && i.path.test(path));
    if (injection) {
      injection.left -= 1;
      call.status = injection.status;
      res.writeHead(injection.status, { 'content-type': 'application/json', ...injection.headers });
      res.end(JSON.stringify(injection.body));
    } else {
      const [status, answer] = this.route(method, path, body);
      call.status = status;
      if (answer === undefined) {
        res.writeHead(status).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      }
    }
    for (const listener of this.onCall) listener(call);
    this.notify();
  }

  private route(method: string, path: string, body: unknown): [number, unknown] {
    const b = (body ?? {}) as Record<string, unknown>;
    const message = (channelId: string) => ({
      ...botMessage({ channel_id: channelId, content: b.content ?? '', embeds: b.embeds ?? [], components: b.components ?? [], flags: b.flags ?? 0 }),
      webhook_id: FAKE_APP_ID,
    });
    if (method === 'GET' && path === '/gateway/bot') {
      return [200, { url: this.gatewayUrl, shards: this.shards, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }];
    }
    if (method === 'GET' && path === '/gateway') return [200, { url: this.gatewayUrl }];
    if (method === 'GET' && path === '/users/@me') return [200, FAKE_BOT_USER];
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    if (/^\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(path)) {
      if (method === 'DELETE') return [204, undefined];
      return [200, message(snowflake())];
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return [200, message(snowflake())];
    const channel = /^\/channels\/(\d+)\/(messages|typing)$/.exec(path);
    if (method === 'POST' && channel) return channel[2] === 'typing' ? [204, undefined] : [200, message(channel[1]!)];
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = { id: String(b.recipient_id), username: `user${String(b.recipient_id)}`, discriminator: '0', global_name: null, avatar: null };
      return [200, { id: snowflake(), type: 1, recipients: [recipient], last_message_id: null, flags: 0 }];
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path) && Array.isArray(body)) {
      return [200, body.map((c: Record<string, unknown>) => ({ ...c, id: snowflake(), application_id: FAKE_APP_ID, version: snowflake() }))];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }
}

/** The body Discord sends with a JSON error code. */
export const discordError = (code: number, message: string, status = 400): Omit<Injection, 'method' | 'path'> => ({
  status,
  body: { message, code },
});

/** A per-route 429 the way Discord sends it: Retry-After header, bucket headers and retry_after in the body. */
export function rateLimit(retryAfterSeconds: number): Omit<Injection, 'method' | 'path'> {
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfterSeconds),
      'x-ratelimit-bucket': 'fake-bucket',
      'x-ratelimit-scope': 'user',
    },
  };
}
