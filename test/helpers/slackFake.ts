/**
 * A fake Slack on 127.0.0.1 (port 0): the Web API methods the app uses (`/api/<method>`) and response_url
 * targets (`/response/<id>`). It records every call, answers like Slack does (HTTP 200 with `ok`), and can
 * be told to fail the next calls with a 429 + Retry-After, a 5xx or a Slack error such as channel_not_found,
 * or to take a response_url post at once but answer it late (`slowResponseUrl`).
 * File uploads work as Slack's external upload does: files.getUploadURLExternal hands out /upload/<file id>,
 * which takes the bytes (recorded in `uploads`), and files.completeUploadExternal shares the file.
 * It is also a Socket Mode endpoint: apps.connections.open hands out ws://.../socket, where the fake says
 * hello and sends envelopes (`sendEnvelope`), resolving with the app's acknowledgement.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization?: string;
  /** HTTP status the fake answered with (429 and 5xx calls are recorded too). */
  status: number;
  /** The Slack error code of an injected `{ ok: false }` answer. */
  error?: string;
  at: number;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  status: number;
  at: number;
}

export interface Upload {
  fileId: string;
  /** The request body as sent (the library posts the file as multipart form data). */
  body: Buffer;
  authorization?: string;
}

export interface Failure {
  status?: number;
  retryAfterSeconds?: number;
  /** A Slack error code, answered as HTTP 200 `{ ok: false, error }`. */
  error?: string;
}

const RESPONSE_URL_MAX_POSTS = 5;

export class SlackFake {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly uploads: Upload[] = [];
  private fileCounter = 0;
  private readonly events = new EventEmitter();
  private readonly apiFailures = new Map<string, Failure[]>();
  private readonly responseFailures = new Map<string, Failure[]>();
  private readonly responseCounts = new Map<string, number>();
  private readonly responseDelays = new Map<string, number[]>();
  private readonly lateAnswers = new Set<NodeJS.Timeout>();
  private tsCounter = 1;
  /** users.info's `tz` per user id (default America/New_York). */
  readonly timezones = new Map<string, string>();
  private server!: Server;
  private sockets!: WebSocketServer;
  private readonly acks = new Map<string, (payload: Record<string, unknown>) => void>();
  private envelopeCounter = 0;
  url = '';

  static async start(): Promise<SlackFake> {
    const fake = new SlackFake();
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.sockets = new WebSocketServer({ server: fake.server, path: '/socket' });
    fake.sockets.on('connection', (socket) => fake.onSocket(socket));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** The next `times` calls to `method` fail as described. */
  failApi(method: string, failure: Failure, times = 1): void {
    this.apiFailures.set(method, [...(this.apiFailures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
  }

  failResponseUrl(id: string, failure: Failure, times = 1): void {
    this.responseFailures.set(id, [...(this.responseFailures.get(id) ?? []), ...Array.from({ length: times }, () => failure)]);
  }

  /** The next `times` posts to `id` are taken (recorded, so shown) at once, but answered `delayMs` later. */
  slowResponseUrl(id: string, delayMs: number, times = 1): void {
    this.responseDelays.set(id, [...(this.responseDelays.get(id) ?? []), ...Array.from({ length: times }, () => delayMs)]);
  }

  /** Successful calls to one Web API method. */
  ok(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && c.error === undefined);
  }

  postsTo(id: string): ResponseUrlPost[] {
    return this.responses.filter((r) => r.id === id && r.status === 200);
  }

  /** Resolves once `check` holds (checked after every recorded call), or rejects after `timeoutMs`. */
  waitFor<T>(check: () => T | undefined | false, timeoutMs = 8_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const test = () => {
        const value = check();
        if (value === undefined || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`SlackFake.waitFor timed out; calls: ${this.calls.map((c) => `${c.method}:${c.status}`).join(', ')}; responses: ${this.responses.length}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('recorded', test);
      };
      if (!test()) this.events.on('recorded', test);
    });
  }

  /** Socket Mode clients currently connected. */
  get socketClients(): number {
    return this.sockets.clients.size;
  }

  /** Sends a Socket Mode envelope to every connected client; resolves with the payload of the app's ack. */
  sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const envelopeId = `env-${++this.envelopeCounter}`;
    const acked = new Promise<Record<string, unknown>>((resolve) => this.acks.set(envelopeId, resolve));
    const frame = JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', ...extra });
    for (const client of this.sockets.clients) client.send(frame);
    return acked;
  }

  private onSocket(socket: WebSocket): void {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
      if (message.envelope_id) this.acks.get(message.envelope_id)?.(message.payload ?? {});
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'fake' } }));
  }

  async close(): Promise<void> {
    // Let clients that are closing finish the handshake, or the library keeps a 30 s timer alive.
    await Promise.all(
      [...this.sockets.clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => (client.terminate(), resolve()), 1000);
            client.once('close', () => (clearTimeout(timer), resolve()));
          }),
      ),
    );
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
    for (const timer of this.lateAnswers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const path = (req.url ?? '').split('?')[0]!;
    if (path.startsWith('/upload/')) {
      this.record(this.uploads, { fileId: path.slice('/upload/'.length), body: bytes, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
      return;
    }
    if (path.startsWith('/api/')) return this.api(path.slice('/api/'.length), req, raw, res);
    if (path.startsWith('/response/')) return this.responseUrlPost(path.slice('/response/'.length), raw, res);
    res.writeHead(404).end();
  }

  private api(method: string, req: IncomingMessage, raw: string, res: ServerResponse): void {
    const params = parseParams(raw, String(req.headers['content-type'] ?? ''));
    const failure = this.apiFailures.get(method)?.shift();
    const status = failure?.status ?? 200;
    this.record(this.calls, { method, params, authorization: req.headers.authorization, status, error: failure?.error, at: Date.now() });
    if (failure?.status) {
      res.writeHead(failure.status, failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {});
      res.end(failure.status === 429 ? '{"ok":false,"error":"ratelimited"}' : 'server error');
      return;
    }
    const body = failure?.error ? { ok: false, error: failure.error } : this.answer(method, params);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const ts = `1700000000.${String(this.tsCounter++).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'mentor', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts, message: { text: params.text, ts, bot_id: 'BBOT' } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      case 'views.publish':
        return { ok: true, view: { id: `V${ts}`, ...(params.view as object) } };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http://', 'ws://')}/socket` };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.fileCounter}`;
        return { ok: true, file_id: fileId, upload_url: `${this.url}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal': {
        const files = (typeof params.files === 'string' ? JSON.parse(params.files) : params.files) as { id: string; title?: string }[];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      case 'users.info':
        // Slack's profile timezone, as the tips command reads it; settable per user.
        return { ok: true, user: { id: params.user, tz: this.timezones.get(String(params.user)) ?? 'America/New_York' } };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users ?? '')}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private responseUrlPost(id: string, raw: string, res: ServerResponse): void {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = { unparsable: raw };
    }
    const used = (this.responseCounts.get(id) ?? 0) + 1;
    this.responseCounts.set(id, used);
    const failure = this.responseFailures.get(id)?.shift();
    // Like Slack: a response_url takes 5 posts, then refuses.
    const status = failure?.status ?? (used > RESPONSE_URL_MAX_POSTS ? 404 : 200);
    this.record(this.responses, { id, body, status, at: Date.now() });
    const answer = () => void res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'used_url');
    const delay = this.responseDelays.get(id)?.shift();
    if (delay === undefined) return answer();
    const timer = setTimeout(() => {
      this.lateAnswers.delete(timer);
      // The client may have given up and closed the connection meanwhile.
      if (!res.destroyed) answer();
    }, delay);
    this.lateAnswers.add(timer);
  }

  private record<T>(list: T[], item: T): void {
    list.push(item);
    this.events.emit('recorded');
  }
}

/** Web API bodies are form-encoded (JSON-valued fields as strings) or JSON. */
function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(raw))) {
    const text = Array.isArray(value) ? value[0] : value;
    out[key] = (key === 'blocks' || key === 'view' || key === 'attachments') && typeof text === 'string' ? JSON.parse(text) : text;
  }
  return out;
}
