/**
 * Claims and locks on Redis through the client's public API: `SET key token NX PX ttl`, and a release
 * script that deletes the key only while it still holds our token. Keys sit under `<namespace>:claim:` and
 * `<namespace>:lock:`, apart from keyv's records.
 */
import type { Atomics } from '../keyvState';
import { atomicsFromClaim } from './fromClaim';

/** The two commands used, as @redis/client exposes them. */
export interface RedisAtomicClient {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function redisAtomics(client: RedisAtomicClient, namespace: string): Atomics {
  return atomicsFromClaim(
    async (key, token, ttlMs) => (await client.set(`${namespace}:${key}`, token, { NX: true, PX: Math.max(1, Math.round(ttlMs)) })) === 'OK',
    async (key, token) => {
      await client.eval(RELEASE, { keys: [`${namespace}:${key}`], arguments: [token] });
    },
  );
}
