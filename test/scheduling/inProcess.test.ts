import { createLogger } from '../../src/core/logger';
import type { Platform, Subscription, TipSender, TipsRunner } from '../../src/core/tips/model';
import { createTipsRunner } from '../../src/core/tips/tipsRunner';
import { createInProcessScheduler, cronFor } from '../../src/scheduling/inProcessScheduler';
import { createRateLimiter } from '../../src/scheduling/rateLimiter';
import type { TipSchedulerOptions } from '../../src/scheduling/types';
import { createState } from '../../src/storage/createState';
import { notYetSent, seedChannelSubscriptions } from './tipsFixture';

const logger = createLogger('silent');
const options = (overrides: Partial<TipSchedulerOptions> = {}): TipSchedulerOptions => ({
  storeUrl: 'memory',
  tickMs: 60_000,
  concurrency: 2,
  rateMax: 1000,
  rateDurationMs: 1000,
  leaseMs: 60_000,
  queuePrefix: 'unused',
  attempts: 1,
  backoffMs: 10,
  lockMs: 1000,
  stalledIntervalMs: 1000,
  ...overrides,
});

/** A sender whose posts wait for `release()`; it records each post when it starts (as Slack shows it). */
function gatedSender() {
  const started: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const sender: TipSender = {
    platform: 'slack',
    async send(subscription: Subscription) {
      started.push(subscription.target);
      await gate;
      return { kind: 'sent' };
    },
  };
  return { sender, started, release: () => open() };
}

describe('the in-process tip scheduler', () => {
  it('ticks on the minute, or every N seconds when shorter', () => {
    expect(cronFor(60_000)).toEqual({ pattern: '0 * * * * *' });
    expect(cronFor(300_000)).toEqual({ pattern: '0 */5 * * * *' });
    expect(cronFor(1_000)).toEqual({ pattern: '* * * * * *', interval: 1 });
  });

  it('a graceful stop finishes the posts under way and starts none; the next start posts the rest, nothing twice', async () => {
    const store = createState('memory');
    const now = new Date();
    const channels = Array.from({ length: 10 }, (_, i) => `C${i}`);
    await seedChannelSubscriptions(store, channels, now);
    const runner = createTipsRunner({ store, logger });
    const first = gatedSender();
    const a = createInProcessScheduler({ options: options(), store, runner, senders: new Map<Platform, TipSender>([['slack', first.sender]]), logger });
    const ticking = a.tick(now);
    while (first.started.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    a.stopIntake();
    first.release();
    await a.stop();
    await ticking;
    expect(first.started).toHaveLength(2);
    const ids = channels.map((c) => `slack:channel:${c}`);
    expect(await notYetSent(store, ids, now.toISOString().slice(0, 10))).toHaveLength(8);

    const second = gatedSender();
    second.release();
    const b = createInProcessScheduler({ options: options(), store, runner, senders: new Map<Platform, TipSender>([['slack', second.sender]]), logger });
    expect(await b.tick(now)).toEqual({ due: 8, handed: 8 });
    expect([...first.started, ...second.started].sort()).toEqual([...channels].sort());
    expect(await b.tick(now)).toEqual({ due: 0, handed: 0 });
    await b.stop();
  });

  it('a failed post stays claimed until its lease expires, then the next tick retries it', async () => {
    const store = createState('memory');
    const now = new Date();
    await seedChannelSubscriptions(store, ['C1'], now);
    let calls = 0;
    const flaky: TipSender = {
      platform: 'slack',
      send: () => (++calls === 1 ? Promise.reject(new Error('slack 500')) : Promise.resolve({ kind: 'sent' })),
    };
    const scheduler = createInProcessScheduler({ options: options({ leaseMs: 300 }), store, runner: createTipsRunner({ store, logger }), senders: new Map<Platform, TipSender>([['slack', flaky]]), logger });
    await scheduler.tick(now);
    expect(calls).toBe(1);
    await scheduler.tick(now); // still leased: not tried again
    expect(calls).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await scheduler.tick(now);
    expect(calls).toBe(2);
    expect(await notYetSent(store, ['slack:channel:C1'], now.toISOString().slice(0, 10))).toEqual([]);
    await scheduler.stop();
  });

  it("delivers with the tick's own now (the runner checks the slot is still due then), not the clock's", async () => {
    const store = createState('memory');
    const later = new Date(Date.now() + 6 * 60 * 60 * 1000);
    await seedChannelSubscriptions(store, ['C1'], later);
    const core = createTipsRunner({ store, logger });
    const nows: Date[] = [];
    const runner: TipsRunner = {
      runDue: (now) => core.runDue(now),
      deliver: (due, senders, now) => {
        nows.push(now);
        return core.deliver(due, senders, now);
      },
    };
    const sender: TipSender = { platform: 'slack', send: () => Promise.resolve({ kind: 'sent' }) };
    const scheduler = createInProcessScheduler({ options: options(), store, runner, senders: new Map<Platform, TipSender>([['slack', sender]]), logger });
    expect(await scheduler.tick(later)).toEqual({ due: 1, handed: 1 });
    expect(nows).toEqual([later]);
    await scheduler.stop();
  });

  it('rate limit: at most max starts per window', async () => {
    let at = 0;
    const limiter = createRateLimiter(3, 1000, () => at);
    const taken: number[] = [];
    for (let i = 0; i < 3; i++) await limiter.take().then(() => taken.push(at));
    const fourth = limiter.take().then(() => taken.push(at));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(taken).toEqual([0, 0, 0]);
    at = 1000;
    await fourth;
    expect(taken).toEqual([0, 0, 0, 1000]);
  });
});
