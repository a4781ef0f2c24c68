/**
 * Every backend's atomic operations come down to one primitive, "take this key with this token for ttl if it
 * is free or expired", plus a release that deletes the key only while it holds our token. Set-if-absent and
 * locks are built from them here once, in two key spaces (`claim:` and `lock:`).
 */
import { randomUUID } from 'node:crypto';
import type { Lock } from '../../core/state/statePort';
import type { Atomics } from '../keyvState';

export type Claim = (key: string, token: string, ttlMs: number) => Promise<boolean>;
export type ReleaseIfOwned = (key: string, token: string) => Promise<void>;

export function atomicsFromClaim(claim: Claim, releaseIfOwned: ReleaseIfOwned): Atomics {
  return {
    setIfAbsent: (key, ttlMs) => claim(`claim:${key}`, '1', ttlMs),
    async acquireLock(key, ttlMs): Promise<Lock | undefined> {
      const token = randomUUID();
      return (await claim(`lock:${key}`, token, ttlMs)) ? { key, token } : undefined;
    },
    releaseLock: (lock) => releaseIfOwned(`lock:${lock.key}`, lock.token),
  };
}
