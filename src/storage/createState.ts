/**
 * The app's state, chosen by STORE_URL: an embedded SQLite file by default, Redis when several instances
 * share state, or memory for throwaway runs. Whatever the backend, every call is bounded in time and a
 * failure is an error, never "no record" (see boundedState.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import type { Logger } from '../core/logger';
import { silentLogger } from '../core/logger';
import type { StatePort } from '../core/state/statePort';
import { memoryAtomics } from './atomics/memoryAtomics';
import { sqliteAtomics, type SqliteQuery } from './atomics/sqliteAtomics';
import { BoundedState, DEFAULT_STORE_TIMEOUT_MS } from './boundedState';
import { KeyvState } from './keyvState';

export const STORE_NAMESPACE = 'mentor';

export interface StateOptions {
  logger?: Logger;
  /** Bound on every store call. */
  timeoutMs?: number;
  namespace?: string;
}

export function createState(storeUrl: string, options: StateOptions = {}): StatePort {
  const logger = options.logger ?? silentLogger;
  const namespace = options.namespace ?? STORE_NAMESPACE;
  return new BoundedState(openBackend(storeUrl, namespace, logger), logger, options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS);
}

function openBackend(storeUrl: string, namespace: string, logger: Logger): StatePort {
  if (storeUrl === 'memory') {
    // Values are still copied through JSON (no caller may share an object with the store), but with the
    // built-in JSON rather than keyv's default serializer, written in JavaScript and several times slower.
    // Its extra (escaping strings that start with ":", encoding Buffers) only matters for what other
    // processes read back, and nothing else reads this store.
    const keyv = new Keyv({ namespace, throwOnErrors: true, serialize: JSON.stringify, deserialize: JSON.parse });
    return new KeyvState(keyv, memoryAtomics(), false);
  }
  if (storeUrl.startsWith('sqlite://')) {
    const file = storeUrl.slice('sqlite://'.length);
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // busyTimeout: several processes (console CLI runs, sharded bots) may share one file.
    const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 });
    // Write-ahead logging, synced at checkpoints: a write is one append instead of a journal and two
    // fsyncs, about ten times faster here, and readers no longer wait for writers. A crash of the process
    // loses nothing; a power cut may lose the last moments' writes, never the file's consistency.
    if (file !== ':memory:') void sqlite.query('PRAGMA journal_mode = WAL').then(() => sqlite.query('PRAGMA synchronous = NORMAL')).catch((error: unknown) => logger.warn('sqlite: write-ahead logging not enabled', { error }));
    const keyv = new Keyv({ store: sqlite, namespace, throwOnErrors: true });
    // Several processes may share the file (console runs, sharded bots): claims and locks are atomic on it.
    return new KeyvState(keyv, sqliteAtomics(sqlite.query as SqliteQuery, namespace), true);
  }
  if (/^rediss?:\/\//.test(storeUrl)) {
    // Required here, not imported above: the Redis client is about 400 modules, a large share of a
    // one-shot CLI answer's start-up, and SQLite and memory stores never use it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createRedisState } = require('./redisState') as typeof import('./redisState');
    return createRedisState(storeUrl, namespace, logger);
  }
  throw new Error('STORE_URL must be sqlite://PATH, redis://HOST:PORT or memory');
}
