/**
 * "Have we seen this delivery before?" with SET-once semantics, for every platform. Slack retries events it
 * thinks failed (X-Slack-Retry-Num, up to 3 times, the first one while the original may still be running)
 * and two Discord processes on one token both receive each interaction, so every delivery id is claimed
 * once with a TTL and later copies are dropped.
 *
 * - In one process, a synchronous in-memory check makes the decision atomic (no await between check and mark).
 * - Across processes, the state's set-if-absent is atomic (Redis SET NX PX; an upsert on SQLite).
 * A store that fails or hangs must not drop real messages: then the delivery counts as new (store calls are
 * bounded by the state itself).
 */
import type { Logger } from '../../core/logger';
import type { StatePort } from '../../core/state/statePort';

export type FirstTime = (key: string) => Promise<boolean>;

export interface DedupeOptions {
  /** Namespaces one platform's delivery ids from another's ("slack:seen:", "discord:seen:"). */
  prefix?: string;
  ttlMs?: number;
  /** Bound on the in-process memory of recent keys. */
  maxLocalKeys?: number;
}

export function createDedupe(state: StatePort, logger: Logger, options: DedupeOptions = {}): FirstTime {
  const prefix = options.prefix ?? 'seen:';
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const maxLocalKeys = options.maxLocalKeys ?? 50_000;
  const local = new Map<string, number>();

  // Every key lives for the same ttlMs and is (re)inserted at the end, so the Map's order is the order of
  // expiry: expired keys are always at the front. Each call drops those, then, while still full, the oldest
  // live ones (the store still knows them), and stops at the first key it keeps: a few steps per delivery,
  // not a walk over 50,000 keys once the Map is full.
  const remember = (key: string, now: number) => {
    local.delete(key);
    for (const [k, expires] of local) {
      if (expires > now && local.size < maxLocalKeys) break;
      local.delete(k);
    }
    local.set(key, now + ttlMs);
  };

  return async (id: string): Promise<boolean> => {
    const key = prefix + id;
    const now = Date.now();
    const expires = local.get(key);
    if (expires !== undefined && expires > now) return false;
    remember(key, now);
    // A store that lives in this process saw nothing the local record did not.
    if (!state.sharedAcrossProcesses) return true;
    try {
      return await state.setIfAbsent(key, ttlMs);
    } catch (error) {
      logger.debug('dedupe store failed; treating the delivery as new', { error: error instanceof Error ? error.message : String(error) });
      return true;
    }
  };
}
