/**
 * The tip scheduler for this deployment, chosen by STORE_URL: with Redis (several instances) BullMQ, with
 * the embedded SQLite store or memory (one process) croner in-process. BullMQ (and its Redis client) is
 * required only in Redis mode, so neither the console nor a one-shot CLI run ever loads it.
 */
import { createInProcessScheduler } from './inProcessScheduler';
import type { TipScheduler, TipSchedulerDeps } from './types';

export type { TipScheduler, TipSchedulerDeps, TipSchedulerOptions, TickResult } from './types';
export { tipSchedulerOptions } from './types';

export const usesBullmq = (storeUrl: string): boolean => /^rediss?:\/\//.test(storeUrl);

export function createTipScheduler(deps: TipSchedulerDeps): TipScheduler {
  if (usesBullmq(deps.options.storeUrl)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createBullmqScheduler } = require('./bullmqScheduler') as typeof import('./bullmqScheduler');
    return createBullmqScheduler(deps);
  }
  return createInProcessScheduler(deps);
}
