/** Claims and locks for the memory store: it lives in this process, so a Map with expiry times is atomic. */
import type { Atomics } from '../keyvState';
import { atomicsFromClaim } from './fromClaim';

export function memoryAtomics(now: () => number = Date.now): Atomics {
  const held = new Map<string, { token: string; expires: number }>();
  return atomicsFromClaim(
    (key, token, ttlMs) => {
      const at = now();
      const current = held.get(key);
      if (current && current.expires > at) return Promise.resolve(false);
      held.set(key, { token, expires: at + ttlMs });
      if (held.size > 10_000) for (const [k, v] of held) if (v.expires <= at) held.delete(k);
      return Promise.resolve(true);
    },
    (key, token) => {
      if (held.get(key)?.token === token) held.delete(key);
      return Promise.resolve();
    },
  );
}
