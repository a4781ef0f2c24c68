/**
 * A private redis-server on a free 127.0.0.1 port in a temp folder, for tests where instances share state
 * the way processes do in production (SET NX across connections), and for outages: it can be killed and
 * started again on the same port while the app keeps running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../../src/core/logger';
import type { StatePort } from '../../src/core/state/statePort';
import { createState } from '../../src/storage/createState';

export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  /** A new connection, as a separate process would open (`url` overrides the address, e.g. a proxy). */
  connect(options?: { logger?: Logger; url?: string; timeoutMs?: number }): StatePort;
  /** SIGKILL: an outage, not a shutdown. */
  kill(): Promise<void>;
  /** Starts the server again on the same port, with every write it acknowledged (append-only file, fsync always). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentor-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const states: StatePort[] = [];

  const launch = async () => {
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await answersPing(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('redis-server did not start (is it installed?)');
  };
  const kill = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
      await once(server, 'exit');
    }
  };
  const stop = async () => {
    for (const state of states) await state.disconnect().catch(() => undefined);
    await kill();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    port,
    connect(options = {}) {
      const state = createState(options.url ?? url, { logger: options.logger, timeoutMs: options.timeoutMs });
      states.push(state);
      return state;
    },
    kill,
    restart: launch,
    stop,
  };
}
