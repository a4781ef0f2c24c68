/**
 * One user's requests, one at a time, across every instance that shares a store. keyv has no
 * compare-and-set, so two instances answering the same user at once could each save a profile missing the
 * other's change; the port's lock closes that gap. Waiting is bounded: a chat platform wants its answer soon,
 * and a lock that cannot be had in time is reported like a store that cannot answer.
 */
import type { Lock, StatePort } from './statePort';
import { StoreUnavailableError } from './statePort';

/** Runs `work` while no other instance works on the same user. */
export type UserLock = <T>(userId: string, work: () => Promise<T>) => Promise<T>;

export interface LockOptions {
  /** A crashed holder's lock frees itself after this long (a request's store calls are bounded well below it). */
  ttlMs?: number;
  /** How long a request waits for the lock before giving up. */
  waitMs?: number;
  retryMs?: number;
  /** Pause between background retries of a release that failed. */
  retryReleaseMs?: number;
}

export class LockTimeoutError extends StoreUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = 'LockTimeoutError';
  }
}

/** Within one process the mentor's own queue already orders a user's requests: no lock needed. */
export const noLock: UserLock = (_userId, work) => work();

export function createUserLock(state: StatePort, options: LockOptions = {}): UserLock {
  if (!state.sharedAcrossProcesses) return noLock;
  const lockOptions = { ttlMs: options.ttlMs ?? 5_000, waitMs: options.waitMs ?? 1_000, retryMs: options.retryMs ?? 10, retryReleaseMs: options.retryReleaseMs };
  return (userId, work) => withLock(state, `user:${userId}`, lockOptions, work, `user ${userId}`);
}

/**
 * Runs `work` holding the store's lock on `key`, across every process sharing the store: waits up to
 * `waitMs`, retrying every `retryMs`, then throws LockTimeoutError (`what` names the lock in its message).
 */
export async function withLock<T>(state: StatePort, key: string, options: LockOptions & { ttlMs: number; waitMs: number }, work: () => Promise<T>, what = key): Promise<T> {
  const deadline = Date.now() + options.waitMs;
  let lock: Lock | undefined;
  while (!(lock = await state.acquireLock(key, options.ttlMs))) {
    if (Date.now() >= deadline) throw new LockTimeoutError(`could not lock ${what} within ${options.waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 10));
  }
  try {
    return await work();
  } finally {
    await release(state, lock, options.retryReleaseMs ?? 200);
  }
}

/**
 * A release that fails (the connection was just reset) must not turn a finished answer into an error, and
 * should not leave the person locked out until the lock's TTL: it is retried in the background for a while,
 * as the client reconnects.
 */
async function release(state: StatePort, lock: Lock, retryMs: number): Promise<void> {
  if (await state.releaseLock(lock).then(() => true, () => false)) return;
  void (async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, retryMs).unref());
      if (await state.releaseLock(lock).then(() => true, () => false)) return;
    }
  })();
}
