/** Real stores for tests: a fresh SQLite file in a temp folder, or a unique namespace on the local Redis. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import { createStore } from '../../src/storage/createStore';

export interface TempSqlite {
  dir: string;
  file: string;
  url: string;
  open(): Keyv;
  cleanup(): void;
}

export function tempSqlite(): TempSqlite {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentor-test-'));
  const file = path.join(dir, 'mentor.sqlite');
  return {
    dir,
    file,
    url: `sqlite://${file}`,
    open: () => createStore(`sqlite://${file}`),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A Keyv on the real Redis under a namespace of its own, so tests never see each other's keys. */
export function redisKeyv(namespace: string): Keyv {
  const keyv = new Keyv({ store: new KeyvRedis(REDIS_URL), namespace });
  keyv.on('error', () => undefined);
  return keyv;
}
