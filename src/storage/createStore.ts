/**
 * One keyv store for the whole app, chosen by STORE_URL: an embedded SQLite file by default, Redis when
 * several instances share state, or memory for throwaway runs.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import KeyvRedis from '@keyv/redis';
import type { Logger } from '../core/logger';

export const STORE_NAMESPACE = 'mentor';

export function createStore(storeUrl: string, logger?: Logger): Keyv {
  let keyv: Keyv;
  if (storeUrl === 'memory') {
    keyv = new Keyv({ namespace: STORE_NAMESPACE });
  } else if (storeUrl.startsWith('sqlite://')) {
    const file = storeUrl.slice('sqlite://'.length);
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // busyTimeout: several processes (console CLI runs, sharded bots) may share one file.
    keyv = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 }), namespace: STORE_NAMESPACE });
  } else if (/^rediss?:\/\//.test(storeUrl)) {
    keyv = new Keyv({ store: new KeyvRedis(storeUrl), namespace: STORE_NAMESPACE });
  } else {
    throw new Error('STORE_URL must be sqlite://PATH, redis://HOST:PORT or memory');
  }
  // An 'error' with no listener would crash the process; report it instead.
  keyv.on('error', (error: unknown) => logger?.error('store error', { error: String(error) }));
  return keyv;
}
