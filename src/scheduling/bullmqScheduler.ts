/**
 * Tips across several instances sharing Redis, with BullMQ 6 (loaded only in this mode: see
 * createTipScheduler.ts).
 *
 * - One job scheduler (`upsertJobScheduler`, the same id from every instance, so there is one) produces a
 *   `tick` job every TIPS_TICK_MS on the `tips-tick` queue; whichever instance's worker takes it asks the
 *   runner what is due and adds one `deliver` job per (subscription, local date) to `tips-deliver`, with a
 *   job id derived from both (see tipJobs.ts). BullMQ ignores an add whose id it still keeps, so a post is
 *   queued once whichever instance ticks, however many ticks see it due before it is sent.
 * - Completed delivery jobs are kept KEEP_COMPLETED_S (3 days, more than the runner's catch-up window
 *   and a day's change of date) so a late tick cannot queue the same day again; the runner's sent record
 *   is the second guard (it answers `already-sent`).
 * - Every instance runs both workers: delivery with TIPS_CONCURRENCY jobs at once, retries with exponential
 *   backoff, and one rate limit shared by all instances (BullMQ's limiter lives in Redis).
 * - A worker that dies holding jobs leaves their locks to expire (TIPS_LOCK_MS); another worker's stalled
 *   check (every TIPS_STALLED_INTERVAL_MS) puts them back, and they run again. A post the dead worker had
 *   already sent but not recorded is then posted twice: at most TIPS_CONCURRENCY posts per crashed instance.
 */
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { DeliveryResult } from '../core/tips/model';
import { deliveryJobId, fromJobData, platformOf, toJobData, type DeliveryJobData } from './tipJobs';
import type { TickResult, TipScheduler, TipSchedulerDeps } from './types';

export const TICK_QUEUE = 'tips-tick';
export const DELIVER_QUEUE = 'tips-deliver';
export const JOB_SCHEDULER_ID = 'tips-tick';
/** Long enough that no tick can see the same local date due again (3 h catch-up + a day of time zones). */
export const KEEP_COMPLETED_S = 3 * 24 * 60 * 60;
const KEEP_FAILED_S = 7 * 24 * 60 * 60;

export interface BullmqTipScheduler extends TipScheduler {
  readonly tickQueue: Queue;
  readonly deliverQueue: Queue<DeliveryJobData>;
}

export function createBullmqScheduler(deps: TipSchedulerDeps): BullmqTipScheduler {
  const { runner, senders, logger, options } = deps;
  // Each Queue and Worker opens (and on close, closes) connections of its own; workers need
  // maxRetriesPerRequest: null for their blocking commands.
  const connection: ConnectionOptions = { url: options.storeUrl, maxRetriesPerRequest: null };
  const prefix = options.queuePrefix;
  const tickQueue = new Queue(TICK_QUEUE, { connection, prefix });
  const deliverQueue = new Queue<DeliveryJobData>(DELIVER_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs },
      removeOnComplete: { age: KEEP_COMPLETED_S },
      removeOnFail: { age: KEEP_FAILED_S },
    },
  });
  for (const queue of [tickQueue, deliverQueue]) queue.on('error', (error: Error) => logger.warn('tips queue error', { error: error.message }));
  let tickWorker: Worker | undefined;
  let deliverWorker: Worker<DeliveryJobData, DeliveryResult> | undefined;
  let closing: Promise<unknown> | undefined;
  let accepting = true;

  const stopIntake = () => {
    if (!accepting) return;
    accepting = false;
    // close() stops fetching at once and resolves when the jobs under way are finished.
    closing = Promise.all([tickWorker?.close(), deliverWorker?.close()]);
  };

  const tick = async (now: Date = new Date()): Promise<TickResult> => {
    const { due } = await runner.runDue(now);
    const known = due.filter((d) => platformOf(d.subscriptionId) !== undefined);
    if (known.length > 0) {
      await deliverQueue.addBulk(known.map((d) => ({ name: 'deliver', data: toJobData(d), opts: { jobId: deliveryJobId(d) } })));
    }
    if (due.length > 0) logger.info('tips tick', { due: due.length, handed: known.length });
    return { due: due.length, handed: known.length };
  };

  const deliver = async (job: Job<DeliveryJobData, DeliveryResult>): Promise<DeliveryResult> => {
    const due = fromJobData(job.data);
    const platform = platformOf(due.subscriptionId);
    // Every instance should post to the same platforms; one that cannot hands the job back for a retry.
    if (platform === undefined || !senders.has(platform)) throw new Error(`no ${String(platform)} sender on this instance`);
    const result = await runner.deliver(due, senders, new Date());
    logger.info('tip delivered', { subscription: due.subscriptionId, localDate: due.localDate, result, attempt: job.attemptsMade + 1 });
    return result;
  };

  const workerBase = {
    connection,
    prefix,
    lockDuration: options.lockMs,
    stalledInterval: options.stalledIntervalMs,
    // A job put back after its worker died counts as stalled once; give it room before it is failed.
    maxStalledCount: 3,
  };

  return {
    mode: 'bullmq',
    tickQueue,
    deliverQueue,
    tick,
    async start() {
      await tickQueue.upsertJobScheduler(
        JOB_SCHEDULER_ID,
        { every: options.tickMs },
        { name: 'tick', opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } } },
      );
      tickWorker = new Worker(TICK_QUEUE, async () => tick(new Date()), { ...workerBase, concurrency: 1 });
      deliverWorker = new Worker<DeliveryJobData, DeliveryResult>(DELIVER_QUEUE, deliver, {
        ...workerBase,
        concurrency: options.concurrency,
        limiter: { max: options.rateMax, duration: options.rateDurationMs },
      });
      tickWorker.on('failed', (_job, error) => logger.error('tips tick failed', { error }));
      deliverWorker.on('failed', (job, error) =>
        logger.warn('tip post failed', { jobId: job?.id, subscription: job?.data.subscriptionId, attemptsMade: job?.attemptsMade, attempts: options.attempts, error }),
      );
      for (const worker of [tickWorker, deliverWorker]) worker.on('error', (error: Error) => logger.warn('tips worker error', { error: error.message }));
      logger.info('tips scheduler started', { mode: 'bullmq', tickMs: options.tickMs, concurrency: options.concurrency, rate: `${options.rateMax}/${options.rateDurationMs}ms`, prefix, platforms: [...senders.keys()] });
    },
    stopIntake,
    async stop() {
      stopIntake();
      await closing;
      await Promise.all([tickQueue.close(), deliverQueue.close()]);
      logger.info('tips scheduler stopped', { mode: 'bullmq' });
    },
  };
}
