/**
 * A state that holds nothing and accepts nothing: what the core works against when the real store cannot
 * answer, so a request can still get the answer that needs no profile. Nothing written here is kept.
 */
import type { Lock, StatePort } from './statePort';

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
