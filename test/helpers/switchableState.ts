/** A real store that can be switched off, as a Redis outage would: every call then fails with StoreUnavailableError. */
import { StoreUnavailableError, type Lock, type StatePort } from '../../src/core/state/statePort';

export class SwitchableState implements StatePort {
  down = false;
  /** Every key written while up, in order: what a test checks was (or was not) written. */
  readonly writes: string[] = [];

  constructor(private readonly inner: StatePort) {}

  get sharedAcrossProcesses(): boolean {
    return this.inner.sharedAcrossProcesses;
  }

  private check(): void {
    if (this.down) throw new StoreUnavailableError('switched off');
  }

  async get<T>(key: string): Promise<T | undefined> {
    this.check();
    return this.inner.get<T>(key);
  }
  async getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]> {
    this.check();
    return this.inner.getMany<T>(keys);
  }
  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    this.check();
    this.writes.push(key);
    return this.inner.set(key, value, ttlMs);
  }
  async delete(key: string): Promise<void> {
    this.check();
    this.writes.push(key);
    return this.inner.delete(key);
  }
  async setIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    this.check();
    return this.inner.setIfAbsent(key, ttlMs);
  }
  async acquireLock(key: string, ttlMs: number): Promise<Lock | undefined> {
    this.check();
    return this.inner.acquireLock(key, ttlMs);
  }
  async releaseLock(lock: Lock): Promise<void> {
    this.check();
    return this.inner.releaseLock(lock);
  }
  disconnect(): Promise<void> {
    return this.inner.disconnect();
  }
}
