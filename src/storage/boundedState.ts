/**
 * Every store call bounded in time, and the store's health told in two log lines. A call that fails or does
 * not answer within `timeoutMs` rejects with StoreUnavailableError (keyv over a lost connection can hang,
 * keyv #1470 and #1496), so a request can answer within a second of the store going away.
 *
 * The log says once that the store went away and once that it is back, however many calls fail in between.
 * Only calls that started after the last change of state can change it again, so a slow call from before an
 * outage cannot announce a recovery in the middle of it (nor a late failure a second outage).
 */
import type { Logger } from '../core/logger';
import { afterMs } from '../core/deadlines';
import { StoreUnavailableError, UnreadableRecordError, type Lock, type StatePort } from '../core/state/statePort';

export const DEFAULT_STORE_TIMEOUT_MS = 500;

export class BoundedState implements StatePort {
  private available = true;
  /** Bumped at each change of state; a call may change the state only if none happened since it started. */
  private generation = 0;
  private downSince = 0;

  constructor(
    private readonly inner: StatePort,
    private readonly logger: Logger,
    private readonly timeoutMs = DEFAULT_STORE_TIMEOUT_MS,
  ) {}

  get sharedAcrossProcesses(): boolean {
    return this.inner.sharedAcrossProcesses;
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.bounded('get', () => this.inner.get<T>(key));
  }

  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]> {
    return this.bounded('getMany', () => this.inner.getMany<T>(keys));
  }

  set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    return this.bounded('set', () => this.inner.set(key, value, ttlMs));
  }

  delete(key: string): Promise<void> {
    return this.bounded('delete', () => this.inner.delete(key));
  }

  setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    return this.bounded('setIfAbsent', () => this.inner.setIfAbsent(key, ttlMs));
  }

  acquireLock(key: string, ttlMs: number): Promise<Lock | undefined> {
    return this.bounded('acquireLock', () => this.inner.acquireLock(key, ttlMs));
  }

  releaseLock(lock: Lock): Promise<void> {
    return this.bounded('releaseLock', () => this.inner.releaseLock(lock));
  }

  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }

  private bounded<T>(operation: string, call: () => Promise<T>): Promise<T> {
    const startedIn = this.generation;
    return new Promise<T>((resolve, reject) => {
      // The first of answer, failure or deadline settles the call; whatever comes after is ignored.
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        deadline.cancel();
        // A damaged record is an answer from a working store.
        if (error instanceof UnreadableRecordError) {
          this.answered(startedIn);
          reject(error);
          return;
        }
        const failure = error instanceof StoreUnavailableError ? error : new StoreUnavailableError(`store ${operation} failed: ${describe(error)}`, { cause: error });
        this.failed(startedIn, failure);
        reject(failure);
      };
      const deadline = afterMs(this.timeoutMs, () => fail(new StoreUnavailableError(`store ${operation} did not answer within ${this.timeoutMs} ms`)));
      let work: Promise<T>;
      try {
        work = call();
      } catch (error) {
        work = Promise.reject(error);
      }
      work.then((value) => {
        if (settled) return;
        settled = true;
        deadline.cancel();
        this.answered(startedIn);
        resolve(value);
      }, fail);
    });
  }

  private answered(startedIn: number): void {
    if (this.available || startedIn !== this.generation) return;
    this.available = true;
    this.generation++;
    this.logger.info('store available again: answers use saved progress again', { downForMs: Date.now() - this.downSince });
  }

  private failed(startedIn: number, failure: StoreUnavailableError): void {
    if (!this.available || startedIn !== this.generation) return;
    this.available = false;
    this.generation++;
    this.downSince = Date.now();
    this.logger.error('store unavailable: answering without saved progress until it is back', { reason: failure.message });
  }
}

/** Error messages only: a Redis error object can carry the connection options. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
