/**
 * Tips across several instances sharing Redis, with BullMQ 6 (loaded only in this mode: see
 * createTipScheduler.ts).
 *
 * - One job scheduler (`upsertJobScheduler`, the same id from every instance, so there is one) produces a
 *   `tick` job every TIPS_TICK_MS on the `tips-tick` queue; whichever instance's worker takes it asks the
 *   runner what is due and adds one `deliver` job per (subscription, local date) to its platform's queue
 *   (`tips-deliver-slack`, `tips-deliver-discord`, `tips-deliver-console`), with a job id derived from both
 *   and the subscription's `since` (see tipJobs.ts; due tips carry it). BullMQ ignores an add whose id it still keeps, so a post is
 *   queued once whichever instance ticks, however many ticks see it due before it is sent.
 * - Completed delivery jobs are kept KEEP_COMPLETED_S (3 days, more than the runner's catch-up window
 *   and a day's change of date) so a late tick cannot queue the same day again; the runner's sent record
 *   is the second guard (it answers `already-sent`).
 * - Every instance runs the tick worker, and a delivery worker only for each platform it has a sender for
 *   (the sharded Discord manager posts to Discord only, a Slack instance to Slack only), so no instance takes
 *   a job it cannot post and no attempt is spent bouncing it. Each delivery worker runs TIPS_CONCURRENCY jobs
 *   at once, retries with exponential backoff, and its platform's rate limit is shared by all instances
 *   (BullMQ's limiter lives in Redis, one per queue). A platform no instance posts to keeps its jobs waiting.
 * - A worker that dies holding jobs leaves their locks to expire (TIPS_LOCK_MS); another worker's stalled
 *   check (every TIPS_STALLED_INTERVAL_MS) puts them back, and they run again. A post the dead worker had
 *   already sent but not recorded is then posted twice: at most TIPS_CONCURRENCY posts per crashed instance.
 */
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { PLATFORMS, type DeliveryResult, type DueTip, type Platform } from '../core/tips/model';
import { deliveryJobId, fromJobData, platformOf, toJobData, type DeliveryJobData } from './tipJobs';
import type { TickResult, TipScheduler, TipSchedulerDeps } from './types';

export const TICK_QUEUE = 'tips-tick';
/** One delivery queue per platform, so each instance takes only jobs it can post. */
export const deliverQueueName = (platform: Platform): string => `tips-deliver-${platform}`;
export const JOB_SCHEDULER_ID = 'tips-tick';
/** Long enough that no tick can see the same local date due again (3 h catch-up + a day of time zones). */
export const KEEP_COMPLETED_S = 3 * 24 * 60 * 60;
const KEEP_FAILED_S = 7 * 24 * 60 * 60;

export interface BullmqTipScheduler extends TipScheduler {
  readonly tickQueue: Queue;
  /** The platform's delivery queue (opened on first use). */
  deliverQueue(platform: Platform): Queue<DeliveryJobData>;
}

export function createBullmqScheduler(deps: TipSchedulerDeps): BullmqTipScheduler {
  const { runner, senders, logger, options } = deps;
  // Each Queue and Worker opens (and on close, closes) connections of its own; workers need
  // maxRetriesPerRequest: null for their blocking commands.
  const connection: ConnectionOptions = { url: options.storeUrl, maxRetriesPerRequest: null };
  const prefix = options.queuePrefix;
  const tickQueue = new Queue(TICK_QUEUE, { connection, prefix });
  const onQueueError = (error: Error) => logger.warn('tips queue error', { error: error.message });
  tickQueue.on('error', onQueueError);
  // Opened when first needed: a tick adds to the queues of the platforms that have something due.
  const deliverQueues = new Map<Platform, Queue<DeliveryJobData>>();
  const deliverQueue = (platform: Platform): Queue<DeliveryJobData> => {
    let queue = deliverQueues.get(platform);
    if (!queue) {
      queue = new Queue<DeliveryJobData>(deliverQueueName(platform), {
        connection,
        prefix,
        defaultJobOptions: {
          attempts: options.attempts,
          backoff: { type: 'exponential', delay: options.backoffMs },
          removeOnComplete: { age: KEEP_COMPLETED_S },
          removeOnFail: { age: KEEP_FAILED_S },
        },
      });
      queue.on('error', onQueueError);
      deliverQueues.set(platform, queue);
    }
    return queue;
  };
  /** The platforms this instance posts to: a delivery worker for each. */
  const platforms = PLATFORMS.filter((p) => senders.has(p));
  let tickWorker: Worker | undefined;
  const deliverWorkers: Worker<DeliveryJobData, DeliveryResult>[] = [];
  let closing: Promise<unknown> | undefined;
  let accepting = true;

  const stopIntake = () => {
    if (!accepting) return;
    accepting = false;
    // close() stops fetching at once and resolves when the jobs under way are finished.
    closing = Promise.all([tickWorker?.close(), ...deliverWorkers.map((w) => w.close())]);
  };

  const tick = async (now: Date = new Date()): Promise<TickResult> => {
    const { due } = await runner.runDue(now);
    const byPlatform = new Map<Platform, DueTip[]>();
    for (const d of due) {
      const platform = platformOf(d.subscriptionId);
      if (platform === undefined) continue;
      const list = byPlatform.get(platform);
      if (list) list.push(d);
      else byPlatform.set(platform, [d]);
    }
    const known = [...byPlatform.values()].flat();
    await Promise.all(
      [...byPlatform].map(([platform, tips]) =>
        deliverQueue(platform).addBulk(tips.map((t) => ({ name: 'deliver', data: toJobData(t), opts: { jobId: deliveryJobId(t) } }))),
      ),
    );
    if (due.length > 0) logger.info('tips tick', { due: due.length, handed: known.length });
    return { due: due.length, handed: known.length };
  };

  const deliver = async (job: Job<DeliveryJobData, DeliveryResult>): Promise<DeliveryResult> => {
    const due = fromJobData(job.data);
    const platform = platformOf(due.subscriptionId);
    // Cannot happen (a worker runs only for a platform with a sender, on that platform's queue): a bug, retried.
    if (platform === undefined || !senders.has(platform)) throw new Error(`no ${String(platform)} sender on this instance`);
    // The real time, not the tick's: the job may run minutes later (backoff, a busy queue); the runner checks
    // the slot is still due then, and lateness is measured at delivery.
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
      tickWorker.on('failed', (_job, error) => logger.error('tips tick failed', { error }));
      tickWorker.on('error', (error: Error) => logger.warn('tips worker error', { error: error.message }));
      for (const platform of platforms) {
        const worker = new Worker<DeliveryJobData, DeliveryResult>(deliverQueueName(platform), deliver, {
          ...workerBase,
          concurrency: options.concurrency,
          limiter: { max: options.rateMax, duration: options.rateDurationMs },
        });
        worker.on('failed', (job, error) =>
          logger.warn('tip post failed', { jobId: job?.id, subscription: job?.data.subscriptionId, attemptsMade: job?.attemptsMade, attempts: options.attempts, error }),
        );
        worker.on('error', (error: Error) => logger.warn('tips worker error', { platform, error: error.message }));
        deliverWorkers.push(worker);
      }
      logger.info('tips scheduler started', { mode: 'bullmq', tickMs: options.tickMs, concurrency: options.concurrency, rate: `${options.rateMax}/${options.rateDurationMs}ms per platform`, prefix, platforms });
    },
    stopIntake,
    async stop() {
      stopIntake();
      await closing;
      await Promise.all([tickQueue.close(), ...[...deliverQueues.values()].map((q) => q.close())]);
      logger.info('tips scheduler stopped', { mode: 'bullmq' });
    },
  };
}
