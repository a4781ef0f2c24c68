/** Claims and locks for the memory store: it lives in this process, so a Map with expiry times is atomic. */
import { randomUUID } from 'node:crypto';
import type { Lock } from '../../core/state/statePort';
import type { Atomics } from '../keyvState';

export function memoryAtomics(now: () => number = Date.now): Atomics {
  const held = new Map<string, { token: string; expires: number }>();
  const claim = (key: string, token: string, ttlMs: number): boolean => {
    const current = held.get(key);
    const at = now();
    if (current && current.expires > at) return false;
    held.set(key, { token, expires: at + ttlMs });
    if (held.size > 10_000) for (const [k, v] of held) if (v.expires <= at) held.delete(k);
    return true;
  };
  return {
    setIfAbsent: (key, ttlMs) => Promise.resolve(claim(`claim:${key}`, '1', ttlMs)),
    acquireLock(key, ttlMs): Promise<Lock | undefined> {
      const token = randomUUID();
      return Promise.resolve(claim(`lock:${key}`, token, ttlMs) ? { key, token } : undefined);
    },
    releaseLock(lock) {
      if (held.get(`lock:${lock.key}`)?.token === lock.token) held.delete(`lock:${lock.key}`);
      return Promise.resolve();
    },
  };
}
