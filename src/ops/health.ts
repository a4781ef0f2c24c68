/**
 * Liveness and readiness. `/healthz` answers 200 while the process runs. `/readyz` answers 200 only when
 * the store answers within a short timeout, every configured platform is connected and no shutdown has
 * begun; otherwise 503, so a load balancer or orchestrator sends work elsewhere. The JSON body says which
 * check failed. Served on Slack's HTTP port, or on its own small server (HEALTH_PORT) in the other modes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the readiness probe needs from the store: one read that resolves or throws. */
/** The store port rejects a read it cannot answer, so a probe is one bounded read. */
export interface StoreProbe {
  get(key: string): Promise<unknown>;
}

export const STORE_PROBE_TIMEOUT_MS = 1_000;
const PROBE_KEY = 'health:probe';

export interface Readiness {
  ready: boolean;
  checks: Record<string, boolean>;
}

export class Health {
  private readonly platforms = new Map<string, () => boolean>();
  private shuttingDown = false;

  constructor(
    private readonly store: StoreProbe | undefined,
    private readonly storeTimeoutMs = STORE_PROBE_TIMEOUT_MS,
  ) {}

  /** A front end reports whether it is connected (Slack's socket or server, Discord's gateway). */
  addPlatform(name: string, isConnected: () => boolean): void {
    this.platforms.set(name, isConnected);
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async readiness(): Promise<Readiness> {
    const checks: Record<string, boolean> = { accepting: !this.shuttingDown };
    if (this.store) checks.store = await storeAnswers(this.store, this.storeTimeoutMs);
    for (const [name, isConnected] of this.platforms) checks[name] = safely(isConnected);
    return { ready: Object.values(checks).every(Boolean), checks };
  }

  /** Answers /healthz and /readyz; returns false for any other path so the caller can route it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || (path !== '/healthz' && path !== '/readyz')) return false;
    if (path === '/healthz') {
      send(res, 200, { alive: true });
      return true;
    }
    this.readiness().then(
      (readiness) => send(res, readiness.ready ? 200 : 503, readiness),
      () => send(res, 503, { ready: false }),
    );
    return true;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/**
 * The state port rejects when the store cannot answer and resolves (with a record or undefined) when it can:
 * a throw or no answer in time means down.
 */
async function storeAnswers(store: StoreProbe, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const answer = await Promise.race([store.get(PROBE_KEY).then(() => 'answered' as const), timeout]);
    return answer === 'answered';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The stand-alone health server for modes without Slack's HTTP server. */
export async function startHealthServer(health: Health, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    if (!health.handle(req, res)) send(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

export const portOf = (server: Server): number => (server.address() as AddressInfo).port;

/** Closes a server now: idle keep-alive connections would otherwise hold it open for seconds. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
