/**
 * The tip scheduler as main.ts and the tests see it, whichever runs underneath (croner in one process, a
 * BullMQ job scheduler with workers when instances share Redis).
 */
import type { Config } from '../config';
import type { Logger } from '../core/logger';
import type { StatePort } from '../core/state/statePort';
import type { Platform, TipSender, TipsRunner } from '../core/tips/model';

export interface TipSchedulerOptions {
  storeUrl: string;
  tickMs: number;
  concurrency: number;
  rateMax: number;
  rateDurationMs: number;
  leaseMs: number;
  queuePrefix: string;
  attempts: number;
  backoffMs: number;
  lockMs: number;
  stalledIntervalMs: number;
}

export const tipSchedulerOptions = (config: Config): TipSchedulerOptions => ({
  storeUrl: config.STORE_URL,
  tickMs: config.TIPS_TICK_MS,
  concurrency: config.TIPS_CONCURRENCY,
  rateMax: config.TIPS_RATE_MAX,
  rateDurationMs: config.TIPS_RATE_DURATION_MS,
  leaseMs: config.TIPS_LEASE_MS,
  queuePrefix: config.TIPS_QUEUE_PREFIX,
  attempts: config.TIPS_ATTEMPTS,
  backoffMs: config.TIPS_BACKOFF_MS,
  lockMs: config.TIPS_LOCK_MS,
  stalledIntervalMs: config.TIPS_STALLED_INTERVAL_MS,
});

export interface TipSchedulerDeps {
  options: TipSchedulerOptions;
  store: StatePort;
  runner: TipsRunner;
  /** The platforms this instance can post to; main fills it from the configured front ends. */
  senders: ReadonlyMap<Platform, TipSender>;
  logger: Logger;
}

export interface TickResult {
  /** What runDue returned as due. */
  due: number;
  /** In-process: posts claimed and attempted by this tick. BullMQ: delivery jobs handed to addBulk (ids already known are ignored by BullMQ). */
  handed: number;
}

export interface TipScheduler {
  readonly mode: 'in-process' | 'bullmq';
  /** Starts ticking (and, with BullMQ, this instance's workers). */
  start(): Promise<void>;
  /** Shutdown, first step: no new tick, no new post from now on; posts under way go on. */
  stopIntake(): void;
  /** Waits for the posts under way, then closes (BullMQ: workers, queues, connection). */
  stop(): Promise<void>;
  /** One tick now, outside the timer (tests, the bench). */
  tick(now?: Date): Promise<TickResult>;
}
