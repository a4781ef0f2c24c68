/**
 * A private redis-server on a unix socket in a temp folder, for tests where two instances share state the
 * way two processes do in production (SET NX across connections, not one process's memory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Keyv from 'keyv';
import KeyvRedis, { type RedisClientOptions } from '@keyv/redis';
import { STORE_NAMESPACE } from '../../src/storage/createStore';

export interface PrivateRedis {
  /** A new connection, as a separate process would open. */
  connect(): Keyv;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentor-redis-'));
  const socket = path.join(dir, 'redis.sock');
  const server: ChildProcess = spawn('redis-server', ['--port', '0', '--unixsocket', socket, '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  const stores: Keyv[] = [];
  const connect = () => {
    const store = new Keyv({ store: new KeyvRedis({ socket: { path: socket } } as RedisClientOptions), namespace: STORE_NAMESPACE });
    store.on('error', () => undefined);
    stores.push(store);
    return store;
  };
  const stop = async () => {
    for (const store of stores) await store.disconnect().catch(() => undefined);
    if (server.exitCode === null) {
      server.kill();
      await once(server, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready once the socket answers a PING.
  for (let i = 0; i < 100; i++) {
    const probe = new KeyvRedis({ socket: { path: socket, reconnectStrategy: false } } as RedisClientOptions, { throwOnConnectError: false });
    try {
      const client = (await probe.getClient()) as unknown as { ping(): Promise<string> };
      if ((await client.ping()) === 'PONG') {
        await probe.disconnect();
        return { connect, stop };
      }
    } catch {
      // not up yet
    }
    await probe.disconnect().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error('redis-server did not start (is it installed?)');
}
