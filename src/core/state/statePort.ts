/**
 * The one way the core keeps state: a small port in the spirit of vercel/chat's StateAdapter. The core
 * depends on this interface only; src/storage implements it for SQLite (the embedded default), Redis and
 * memory, with keyv underneath.
 *
 * The contract that keeps profiles safe: a read that fails is an error, never "no record". `get` resolves
 * `undefined` only when the store answered that there is no record; when it cannot answer (disconnected,
 * reset, too slow) every method rejects with StoreUnavailableError, within a bounded time.
 */

export interface StatePort {
  /** The stored value, or undefined when there is no record (or it expired). */
  get<T = unknown>(key: string): Promise<T | undefined>;
  /**
   * Many records in one round trip (daily tips read every subscription each minute), in the order of `keys`;
   * undefined where there is no record. Fails as a whole like `get`: never a partial "no record". A record that
   * is not even JSON reads as `{ unreadable: key }`, a value no schema accepts, so its reader logs and skips it.
   */
  getMany<T = unknown>(keys: readonly string[]): Promise<(T | undefined)[]>;
  /** Stores a JSON-serialisable value, optionally expiring after `ttlMs`. Resolves only once the store accepted it. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Claims `key` for `ttlMs` if nobody holds it: true when this call made the claim, atomically across every
   * process sharing the store. Claims live in a key space of their own (get/set/delete do not see them).
   */
  setIfAbsent(key: string, ttlMs: number): Promise<boolean>;
  /** One attempt at an exclusive lock that frees itself after `ttlMs`; undefined when someone else holds it. */
  acquireLock(key: string, ttlMs: number): Promise<Lock | undefined>;
  /** Releases the lock only while it is still ours (an expired lock taken over by another holder stays theirs). */
  releaseLock(lock: Lock): Promise<void>;
  /** True when other processes may work on the same records at once (Redis): then a user lock is needed. */
  readonly sharedAcrossProcesses: boolean;
  disconnect(): Promise<void>;
}

export interface Lock {
  key: string;
  token: string;
}

/** The store could not answer (down, reset, timed out). Nothing can be concluded about the record. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** The store answered, but the record is not even decodable (not JSON): it exists and is damaged. */
export class UnreadableRecordError extends Error {
  constructor(key: string, options?: { cause?: unknown }) {
    super(`the record at ${key} could not be decoded`, options);
    this.name = 'UnreadableRecordError';
  }
}
