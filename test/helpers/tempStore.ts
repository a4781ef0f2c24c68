/** Real stores for tests: a fresh SQLite file in a temp folder, or a unique namespace on the local Redis. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StatePort } from '../../src/core/state/statePort';
import { createState } from '../../src/storage/createState';

export interface TempSqlite {
  dir: string;
  file: string;
  url: string;
  open(): StatePort;
  cleanup(): void;
}

export function tempSqlite(): TempSqlite {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentor-test-'));
  const file = path.join(dir, 'mentor.sqlite');
  return {
    dir,
    file,
    url: `sqlite://${file}`,
    open: () => createState(`sqlite://${file}`),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A state on the real Redis under a namespace of its own, so tests never see each other's keys. */
export function redisState(namespace: string): StatePort {
  return createState(REDIS_URL, { namespace });
}
