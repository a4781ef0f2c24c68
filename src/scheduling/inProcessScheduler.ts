/**
 * Tips in one process (the embedded SQLite default, or memory): croner ticks every TIPS_TICK_MS with overlap
 * protection (`protect: true`), each tick asks the runner what is due and posts it with bounded concurrency
 * and a rate limit.
 *
 * Exactly once, also across restarts: before a post, its (subscription, local date) is claimed in the store
 * with a lease (`setIfAbsent(key, leaseMs)`, atomic on the SQLite file). The runner writes the sent record
 * after the platform accepted the post, so a later tick finds it sent. A post whose process died between the
 * claim and the record stays claimed until the lease expires, then a tick retries it: only a post that was
 * in flight at a crash can be posted twice. A graceful stop (SIGTERM) finishes the posts under way and
 * starts no new one, so it posts nothing twice.
 */
import { Cron } from 'croner';
import type { DueTip } from '../core/tips/model';
import { createRateLimiter } from './rateLimiter';
import { claimKey, platformOf } from './tipJobs';
import type { TickResult, TipScheduler, TipSchedulerDeps } from './types';

/** croner's smallest step is a second; a whole number of minutes runs on the minute. */
export function cronFor(tickMs: number): { pattern: string; interval?: number } {
  if (tickMs % 60_000 === 0) return { pattern: tickMs === 60_000 ? '0 * * * * *' : `0 */${tickMs / 60_000} * * * *` };
  return { pattern: '* * * * * *', interval: Math.max(1, Math.round(tickMs / 1000)) };
}

export function createInProcessScheduler(deps: TipSchedulerDeps): TipScheduler {
  const { runner, store, senders, logger, options } = deps;
  const limiter = createRateLimiter(options.rateMax, options.rateDurationMs);
  /** Posts under way in this process (the lease already keeps other processes off them). */
  const posting = new Set<string>();
  let accepting = true;
  let cron: Cron | undefined;
  let running: Promise<TickResult> | undefined;

  /** `now` is the tick's: the runner checks the slot is still due at that instant (the same minute in production). */
  const post = async (due: DueTip, now: Date): Promise<boolean> => {
    const key = claimKey(due);
    if (posting.has(key)) return false;
    posting.add(key);
    try {
      await limiter.take();
      if (!accepting) return false;
      if (!(await store.setIfAbsent(key, options.leaseMs))) {
        logger.debug('tip already claimed', { subscription: due.subscriptionId, localDate: due.localDate });
        return false;
      }
      // 'sent', or why not ('already-sent', 'not-due', 'paused', ...): logged as the runner answered.
      const result = await runner.deliver(due, senders, now);
      logger.info('tip delivered', { subscription: due.subscriptionId, localDate: due.localDate, result });
      return true;
    } catch (error) {
      // The claim stays: a later tick retries once its lease has expired.
      logger.error('tip post failed; retried once its lease expires', { subscription: due.subscriptionId, localDate: due.localDate, leaseMs: options.leaseMs, error });
      return true;
    } finally {
      posting.delete(key);
    }
  };

  const runTick = async (now: Date): Promise<TickResult> => {
    if (!accepting) return { due: 0, handed: 0 };
    const { due } = await runner.runDue(now);
    const mine = due.filter((d) => {
      const platform = platformOf(d.subscriptionId);
      return platform !== undefined && senders.has(platform);
    });
    if (mine.length < due.length) logger.warn('tips due for a platform this instance does not post to', { count: due.length - mine.length });
    let handed = 0;
    let next = 0;
    const worker = async () => {
      while (accepting && next < mine.length) if (await post(mine[next++]!, now)) handed++;
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, mine.length) }, worker));
    if (due.length > 0) logger.info('tips tick', { due: due.length, handed });
    return { due: due.length, handed };
  };

  const tick = (now: Date = new Date()): Promise<TickResult> => {
    // One tick at a time, whether from the timer or a caller.
    running ??= runTick(now).finally(() => (running = undefined));
    return running;
  };

  return {
    mode: 'in-process',
    tick,
    async start() {
      const { pattern, interval } = cronFor(options.tickMs);
      cron = new Cron(pattern, { protect: true, interval, catch: (error: unknown) => logger.error('tips tick failed', { error }) }, async () => {
        await tick().catch((error: unknown) => logger.error('tips tick failed', { error }));
      });
      logger.info('tips scheduler started', { mode: 'in-process', tickMs: options.tickMs, concurrency: options.concurrency, platforms: [...senders.keys()] });
      // Catch up at once after a start or restart, not at the next tick.
      void tick().catch((error: unknown) => logger.error('tips tick failed', { error }));
      return Promise.resolve();
    },
    stopIntake() {
      accepting = false;
      cron?.stop();
    },
    async stop() {
      accepting = false;
      cron?.stop();
      await running?.catch(() => undefined);
      logger.info('tips scheduler stopped', { mode: 'in-process' });
    },
  };
}
