/**
 * One user's requests, one at a time, across every instance that shares a Redis store. keyv has no
 * compare-and-set, so two instances answering the same user at once could each save a profile missing the
 * other's change. With Redis the lock is `SET key token NX PX ttl`, released by a script that deletes the
 * key only while it still holds our token (an expired lock taken over by another instance stays theirs).
 * Other stores live in one process, where the mentor's own queue already orders a user's requests.
 */
import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import KeyvRedis from '@keyv/redis';
import type { UserLock } from '../core/session';

interface RedisLockClient {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface LockOptions {
  /** A crashed holder's lock frees itself after this long. */
  ttlMs?: number;
  /** How long a request waits for the lock before giving up (the chat platforms want an answer soon). */
  waitMs?: number;
  retryMs?: number;
}

export class LockTimeoutError extends Error {}

export function createUserLock(store: Keyv, options: LockOptions = {}): UserLock | undefined {
  const adapter: unknown = store.store;
  if (!(adapter instanceof KeyvRedis)) return undefined;
  const ttlMs = options.ttlMs ?? 10_000;
  const waitMs = options.waitMs ?? 5_000;
  const retryMs = options.retryMs ?? 15;
  return async (userId, work) => {
    const client = (await adapter.getClient()) as unknown as RedisLockClient;
    const key = adapter.createKeyPrefix(`lock:user:${userId}`, adapter.namespace);
    const token = randomUUID();
    const deadline = Date.now() + waitMs;
    while ((await client.set(key, token, { NX: true, PX: ttlMs })) !== 'OK') {
      if (Date.now() >= deadline) throw new LockTimeoutError(`could not lock user ${userId} within ${waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
    try {
      return await work();
    } finally {
      await client.eval(RELEASE, { keys: [key], arguments: [token] });
    }
  };
}
