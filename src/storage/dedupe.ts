/**
 * "Have we seen this delivery before?" with SET-once semantics, for every platform. Slack retries events it
 * thinks failed (X-Slack-Retry-Num, up to 3 times, the first one while the original may still be running)
 * and two Discord processes on one token both receive each interaction, so every delivery id is recorded
 * once with a TTL and later copies are dropped.
 *
 * - In one process, a synchronous in-memory check makes the decision atomic (no await between check and mark).
 * - With Redis behind keyv, `SET key 1 NX PX ttl` makes it atomic across instances.
 * - With SQLite, keyv has no compare-and-set; get-then-set leaves a tiny window between processes sharing
 *   one file, which the in-process check cannot close. Use Redis for several instances.
 * - keyv's memory store lives in this process, so the in-process record is all there is to check.
 * A store that fails or hangs must not drop real messages: after `timeoutMs` the delivery counts as new.
 */
import type Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import type { Logger } from '../core/logger';

export type FirstTime = (key: string) => Promise<boolean>;

export interface DedupeOptions {
  /** Namespaces one platform's delivery ids from another's ("slack:seen:", "discord:seen:"). */
  prefix?: string;
  ttlMs?: number;
  timeoutMs?: number;
  /** Bound on the in-process memory of recent keys. */
  maxLocalKeys?: number;
}

interface RedisSetNx {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
}


export function createDedupe(store: Keyv, logger: Logger, options: DedupeOptions = {}): FirstTime {
  const prefix = options.prefix ?? 'seen:';
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const timeoutMs = options.timeoutMs ?? 500;
  const maxLocalKeys = options.maxLocalKeys ?? 50_000;
  const local = new Map<string, number>();
  const adapter: unknown = store.store;
  // keyv's memory store is a Map inside this process: the in-process record already covers it.
  const sharedStore = !(adapter instanceof Map);

  const markInStore = async (key: string): Promise<boolean> => {
    if (adapter instanceof KeyvRedis) {
      const client = (await adapter.getClient()) as unknown as RedisSetNx;
      const result = await client.set(adapter.createKeyPrefix(key, adapter.namespace), '1', { NX: true, PX: ttlMs });
      return result === 'OK';
    }
    if ((await store.get(key)) !== undefined) return false;
    await store.set(key, 1, ttlMs);
    return true;
  };

  const remember = (key: string, now: number) => {
    if (local.size >= maxLocalKeys) {
      for (const [k, expires] of local) if (expires <= now) local.delete(k);
      // Still full: forget the oldest (Map keeps insertion order); the store still knows them.
      for (const k of local.keys()) {
        if (local.size < maxLocalKeys) break;
        local.delete(k);
      }
    }
    local.set(key, now + ttlMs);
  };

  return async (id: string): Promise<boolean> => {
    const key = prefix + id;
    const now = Date.now();
    const expires = local.get(key);
    if (expires !== undefined && expires > now) return false;
    remember(key, now);
    if (!sharedStore) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        logger.warn('dedupe store timed out; treating the delivery as new', { timeoutMs });
        resolve(true);
      }, timeoutMs);
    });
    try {
      return await Promise.race([markInStore(key), timeout]);
    } catch (error) {
      logger.warn('dedupe store failed; treating the delivery as new', { error });
      return true;
    } finally {
      clearTimeout(timer);
    }
  };
}
