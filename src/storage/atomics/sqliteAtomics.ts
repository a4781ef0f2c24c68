/**
 * Claims and locks for SQLite, in a table next to keyv's. One upsert statement takes a key that is free or
 * expired and reports whether it did, so it is atomic even between processes sharing the file (console runs,
 * sharded bots), which keyv's get-then-set is not. Expired rows are pruned now and then.
 */
import type { Atomics } from '../keyvState';
import { atomicsFromClaim } from './fromClaim';

/** KeyvSqlite's public query function: `query(sql, ...params)` resolving to the rows. */
export type SqliteQuery = (sql: string, ...params: unknown[]) => Promise<unknown[]>;

const TABLE = 'mentor_claims';
const PRUNE_EVERY = 1_000;

export function sqliteAtomics(query: SqliteQuery, namespace: string, now: () => number = Date.now): Atomics {
  const ready = query(`CREATE TABLE IF NOT EXISTS ${TABLE} (key TEXT PRIMARY KEY, token TEXT NOT NULL, expires INTEGER NOT NULL)`);
  let calls = 0;
  return atomicsFromClaim(
    async (key, token, ttlMs) => {
      await ready;
      const at = now();
      if (++calls % PRUNE_EVERY === 0) await query(`DELETE FROM ${TABLE} WHERE expires <= ?`, at);
      const rows = await query(
        `INSERT INTO ${TABLE} (key, token, expires) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET token = excluded.token, expires = excluded.expires WHERE ${TABLE}.expires <= ?
         RETURNING token`,
        `${namespace}:${key}`,
        token,
        at + ttlMs,
        at,
      );
      return rows.length === 1;
    },
    async (key, token) => {
      await ready;
      await query(`DELETE FROM ${TABLE} WHERE key = ? AND token = ?`, `${namespace}:${key}`, token);
    },
  );
}
