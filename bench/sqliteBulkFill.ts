/**
 * Fills the app's SQLite store file with many records at once, for benches. Written through the store one
 * record at a time, every write is its own autocommitted transaction with its own sync to disk: 100,000
 * profiles took about 204 s. Here they go in one transaction of multi-row INSERTs on the same file, in the
 * rows the app's store (keyv over @keyv/sqlite) reads: its own table, the key prefixed with the namespace,
 * the value keyv's own serialisation of `{ value }`. `verifyReadBack` proves the app reads them.
 */
import { isDeepStrictEqual } from 'node:util';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import type { StatePort } from '../src/core/state/statePort';
import { STORE_NAMESPACE } from '../src/storage/createState';

/** 2 bound parameters a row: 1,000 a statement, under SQLite's limit of 999 before 3.32 and 32,766 since. */
const ROWS_PER_INSERT = 499;

/** Entries are consumed as they come, so a generator keeps only one statement's rows in memory. */
export async function bulkFillSqlite(file: string, entries: Iterable<[key: string, value: unknown]>, namespace = STORE_NAMESPACE): Promise<void> {
  // keyv's default serialiser, the one the app's keyv applies (it escapes strings starting with ':').
  const serialize = new Keyv().serialize!;
  // The same adapter and table as the app's store; it creates the table if the file is new.
  const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 });
  const insert = async (params: string[]) =>
    sqlite.query(`INSERT INTO keyv (key, value) VALUES ${'(?, ?), '.repeat(params.length / 2 - 1)}(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, ...params);
  try {
    await sqlite.query('BEGIN');
    let params: string[] = [];
    for (const [key, value] of entries) {
      params.push(`${namespace}:${key}`, await serialize({ value }));
      if (params.length === ROWS_PER_INSERT * 2) {
        await insert(params);
        params = [];
      }
    }
    if (params.length > 0) await insert(params);
    await sqlite.query('COMMIT');
  } catch (error) {
    await sqlite.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await sqlite.disconnect();
  }
}

/** Reads `sample` of the entries back through the app's own store; throws if any differs (a format drift). */
export async function verifyReadBack(store: StatePort, sample: [key: string, value: unknown][]): Promise<void> {
  for (const [key, value] of sample) {
    const stored = await store.get(key);
    if (!isDeepStrictEqual(stored, JSON.parse(JSON.stringify(value)))) {
      throw new Error(`bulk fill: ${key} does not read back as written; the store's row format has changed`);
    }
  }
}
