/**
 * The Redis state: keyv (with @keyv/redis) for records, the same @redis/client connection for claims and
 * locks. The client is built here, through its public API, so that it behaves well when Redis goes away:
 * - `disableOfflineQueue`: while disconnected, commands fail at once instead of queueing for the whole
 *   outage (node-redis' default), so every request can answer without its profile within a second;
 * - it reconnects by itself, retrying at most every second, so answers are personal again soon after
 *   Redis is back, without a restart;
 * - connecting starts here, so @keyv/redis never connects (or disconnects) the client on its own; calls
 *   made before the very first connection wait for it (bounded by BoundedState), later ones fail fast.
 */
import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import { createClient, type RedisClientOptions } from '@redis/client';
import type { Logger } from '../core/logger';
import { redisAtomics, type RedisAtomicClient } from './atomics/redisAtomics';
import { KeyvState } from './keyvState';

const RECONNECT_MAX_DELAY_MS = 1_000;
const CONNECT_TIMEOUT_MS = 1_000;

export function createRedisState(connection: string | RedisClientOptions, namespace: string, logger: Logger): KeyvState {
  const client = createClient({
    ...(typeof connection === 'string' ? { url: connection } : connection),
    disableOfflineQueue: true,
    socket: {
      ...(typeof connection === 'string' ? {} : connection.socket),
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, RECONNECT_MAX_DELAY_MS),
    },
  } as RedisClientOptions);
  // Without a listener, a socket error would crash the process. Outages are logged once by BoundedState.
  client.on('error', (error: unknown) => logger.debug('redis connection error', { error: error instanceof Error ? error.message : String(error) }));
  const firstConnection = new Promise<void>((resolve) => client.once('ready', () => resolve()));
  let connectedOnce = false;
  void firstConnection.then(() => (connectedOnce = true));
  client.connect().catch((error: unknown) => logger.error('redis connection given up', { error: error instanceof Error ? error.message : String(error) }));
  const store = new KeyvRedis(client as never, { throwOnErrors: true, throwOnConnectError: true });
  const keyv = new Keyv({ store, namespace, throwOnErrors: true });
  const atomics = redisAtomics(client as unknown as RedisAtomicClient, namespace);
  return new KeyvState(keyv, atomics, true, () => (connectedOnce ? Promise.resolve() : firstConnection));
}
