/**
 * A state that holds nothing and accepts nothing: what the core works against when the real store cannot
 * answer, so a request can still get the answer that needs no profile. Nothing written here is kept.
 */
import { StoreUnavailableError, type Lock, type StatePort } from './statePort';

export const EMPTY_STATE: StatePort = {
  get: () => Promise.resolve(undefined),
  getMany: (keys: readonly string[]) => Promise.resolve(keys.map(() => undefined)),
  set: () => Promise.resolve(),
  delete: () => Promise.resolve(),
  setIfAbsent: () => Promise.resolve(true),
  acquireLock: (key: string): Promise<Lock> => Promise.resolve({ key, token: 'empty' }),
  releaseLock: () => Promise.resolve(),
  sharedAcrossProcesses: false,
  disconnect: () => Promise.resolve(),
};

/**
 * A state that cannot answer: every call fails as the real store did. Used where "holds nothing" would be a
 * lie, such as tip subscriptions while the store is down (no subscription is not the same as unknown).
 */
const unavailable = () => Promise.reject(new StoreUnavailableError('the store is not available'));
export const UNAVAILABLE_STATE: StatePort = {
  get: unavailable,
  getMany: unavailable,
  set: unavailable,
  delete: unavailable,
  setIfAbsent: unavailable,
  acquireLock: unavailable,
  releaseLock: unavailable,
  sharedAcrossProcesses: false,
  disconnect: () => Promise.resolve(),
};
