/**
 * The StatePort over keyv: get/set/delete go through keyv (with `throwOnErrors`, so a store error is an error
 * and never "no record"); the atomic operations keyv does not have come from the backend's own client.
 */
import type Keyv from 'keyv';
import { UnreadableRecordError, type Lock, type StatePort } from '../core/state/statePort';

/** Set-if-absent and locks, implemented per backend (see ./atomics). */
export interface Atomics {
  setIfAbsent(key: string, ttlMs: number): Promise<boolean>;
  acquireLock(key: string, ttlMs: number): Promise<Lock | undefined>;
  releaseLock(lock: Lock): Promise<void>;
  close?(): Promise<void>;
}

export class KeyvState implements StatePort {
  constructor(
    private readonly keyv: Keyv,
    private readonly atomics: Atomics,
    readonly sharedAcrossProcesses: boolean,
    /** Resolves when calls may go out (Redis: once its first connection is up). */
    private readonly ready: () => Promise<void> = () => Promise.resolve(),
  ) {
    if (!keyv.throwOnErrors) throw new Error('KeyvState needs keyv with throwOnErrors: true');
    // keyv emits every store error as well as throwing it; without a listener an 'error' would crash the
    // process. The thrown error is what the caller handles (and what the health log reports).
    keyv.on('error', () => undefined);
  }

  async get<T>(key: string): Promise<T | undefined> {
    await this.ready();
    try {
      return (await this.keyv.get(key)) as T | undefined;
    } catch (error) {
      // keyv decodes JSON itself: a value that is not JSON is a damaged record, not a store outage.
      if (error instanceof SyntaxError) throw new UnreadableRecordError(key, { cause: error });
      throw error;
    }
  }

  async getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    await this.ready();
    try {
      return (await this.keyv.getMany([...keys])) as (T | undefined)[];
    } catch (error) {
      // One damaged value spoils the batch: read one by one, so a store failure still fails the whole call
      // and only the damaged record reads as a value no schema accepts (its readers log and skip it).
      if (!(error instanceof SyntaxError)) throw error;
      return Promise.all(
        keys.map((key) =>
          this.get<T>(key).catch((inner: unknown) => {
            if (inner instanceof UnreadableRecordError) return { unreadable: key } as T;
            throw inner;
          }),
        ),
      );
    }
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.ready();
    if ((await this.keyv.set(key, value, ttlMs)) === false) throw new Error(`the store did not accept ${key}`);
  }

  async delete(key: string): Promise<void> {
    await this.ready();
    await this.keyv.delete(key);
  }

  async setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    await this.ready();
    return this.atomics.setIfAbsent(key, ttlMs);
  }

  async acquireLock(key: string, ttlMs: number): Promise<Lock | undefined> {
    await this.ready();
    return this.atomics.acquireLock(key, ttlMs);
  }

  async releaseLock(lock: Lock): Promise<void> {
    await this.ready();
    return this.atomics.releaseLock(lock);
  }

  async disconnect(): Promise<void> {
    await this.atomics.close?.();
    await this.keyv.disconnect();
  }
}
