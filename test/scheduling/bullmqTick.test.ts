import type { Platform, Subscription, TipSender } from '../../src/core/tips/model';
import { createLogger } from '../../src/core/logger';
import type { StatePort } from '../../src/core/state/statePort';
import { createBullmqScheduler, type BullmqTipScheduler } from '../../src/scheduling/bullmqScheduler';
import { deliveryJobId } from '../../src/scheduling/tipJobs';
import type { TipSchedulerOptions } from '../../src/scheduling/types';
import { REDIS_URL, redisState } from '../helpers/tempStore';
import { deleteKeys, jobCounts, uniqueName } from './redisKeys';
import { createTipsRunner } from '../../src/core/tips/tipsRunner';
import { SubscriptionStore } from '../../src/core/tips/subscriptionStore';
import { channelSubscriptions, seedChannelSubscriptions } from './tipsFixture';

const logger = createLogger('silent');

describe('the BullMQ tick', () => {
  const name = uniqueName('tick');
  let store: StatePort;
  let scheduler: BullmqTipScheduler;
  const posted: string[] = [];
  const sender: TipSender = {
    platform: 'slack',
    send: (subscription: Subscription) => {
      posted.push(subscription.target);
      return Promise.resolve({ kind: 'sent' });
    },
  };
  const options: TipSchedulerOptions = {
    storeUrl: REDIS_URL,
    tickMs: 3_600_000, // the test ticks by hand
    concurrency: 4,
    rateMax: 1000,
    rateDurationMs: 1000,
    leaseMs: 60_000,
    queuePrefix: name,
    attempts: 3,
    backoffMs: 50,
    lockMs: 5_000,
    stalledIntervalMs: 5_000,
  };

  beforeAll(() => {
    store = redisState(name);
    scheduler = createBullmqScheduler({ options, store, runner: createTipsRunner({ store, logger }), senders: new Map<Platform, TipSender>([['slack', sender]]), logger });
  });
  afterAll(async () => {
    await scheduler.stop();
    await store.disconnect();
    await deleteKeys(`${name}:*`);
  });

  it('adds one delivery job per subscription and day; a second tick in the same minute adds nothing; delivered ones are not queued again', async () => {
    const now = new Date();
    const channels = Array.from({ length: 20 }, (_, i) => `C${i}`);
    const [{ since }] = (await seedChannelSubscriptions(store, channels, now)) as [Subscription];

    const first = await scheduler.tick(now);
    expect(first).toEqual({ due: 20, handed: 20 });
    const counts = await scheduler.deliverQueue('slack').getJobCounts();
    expect(counts.waiting).toBe(20);
    const localDate = now.toISOString().slice(0, 10);
    const job = await scheduler.deliverQueue('slack').getJob(deliveryJobId({ subscriptionId: 'slack:channel:C7', localDate, since }));
    expect(job?.data).toMatchObject({ subscriptionId: 'slack:channel:C7', localDate });

    // Same minute, a few seconds later (another instance's tick): still due, but the ids are taken.
    const second = await scheduler.tick(new Date(now.getTime() + 5_000));
    expect(second.due).toBe(20);
    expect(await scheduler.deliverQueue('slack').getJobCounts()).toEqual(counts);

    await scheduler.start();
    await waitUntil(async () => (await scheduler.deliverQueue('slack').getJobCounts()).completed === 20);
    expect(posted.sort()).toEqual([...channels].sort());

    // A late tick after delivery: nothing due, nothing added, nothing posted again.
    expect(await scheduler.tick(new Date(now.getTime() + 10_000))).toEqual({ due: 0, handed: 0 });
    expect((await scheduler.deliverQueue('slack').getJobCounts()).completed).toBe(20);
    expect(posted).toHaveLength(20);

    // Even if something asked again (a runner whose record was lost), BullMQ keeps the completed ids.
    await scheduler.deliverQueue('slack').addBulk(channels.map((c) => ({ name: 'deliver', data: { subscriptionId: `slack:channel:${c}`, localDate, scheduledAt: now.toISOString() }, opts: { jobId: deliveryJobId({ subscriptionId: `slack:channel:${c}`, localDate, since }) } })));
    expect(await jobCounts(scheduler.deliverQueue('slack'))).toEqual({ pending: 0, completed: 20, failed: 0 });

    // Off, then on again the same day, before the slot's time: a new subscription (a later since), a new post.
    const subscriptions = new SubscriptionStore(store, logger);
    await subscriptions.remove('slack:channel:C3');
    const [again] = channelSubscriptions(['C3'], now) as [Subscription];
    await subscriptions.put({ ...again, since: new Date(now.getTime() - 30 * 60_000).toISOString() });
    expect(await scheduler.tick(new Date(now.getTime() + 15_000))).toEqual({ due: 1, handed: 1 });
    await waitUntil(async () => (await jobCounts(scheduler.deliverQueue('slack'))).completed === 21);
    expect(posted.filter((c) => c === 'C3')).toHaveLength(2);
    expect(posted).toHaveLength(21);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('BullMQ with instances that post to different platforms (a Slack instance, the sharded Discord manager)', () => {
  const name = uniqueName('platforms');
  let store: StatePort;
  const schedulers: BullmqTipScheduler[] = [];
  const posted: { platform: Platform; target: string }[] = [];
  const senderFor = (platform: Platform): TipSender => ({
    platform,
    send: (subscription: Subscription) => {
      posted.push({ platform, target: subscription.target });
      return Promise.resolve({ kind: 'sent' });
    },
  });
  // One attempt: a job taken by an instance without that platform's sender would fail at once.
  const options = (): TipSchedulerOptions => ({
    storeUrl: REDIS_URL,
    tickMs: 3_600_000,
    concurrency: 4,
    rateMax: 1000,
    rateDurationMs: 1000,
    leaseMs: 60_000,
    queuePrefix: name,
    attempts: 1,
    backoffMs: 50,
    lockMs: 5_000,
    stalledIntervalMs: 5_000,
  });

  beforeAll(() => {
    store = redisState(name);
    const runner = createTipsRunner({ store, logger });
    for (const platform of ['slack', 'discord'] as const) {
      schedulers.push(createBullmqScheduler({ options: options(), store, runner, senders: new Map<Platform, TipSender>([[platform, senderFor(platform)]]), logger }));
    }
  });
  afterAll(async () => {
    await Promise.all(schedulers.map((s) => s.stop()));
    await store.disconnect();
    await deleteKeys(`${name}:*`);
  });

  it("queues each job on its platform's queue; each instance takes only its own platform's, none fails", async () => {
    const now = new Date();
    const channels = Array.from({ length: 10 }, (_, i) => `C${i}`);
    await seedChannelSubscriptions(store, channels, now, 'slack');
    await seedChannelSubscriptions(store, channels, now, 'discord');
    const [slackInstance, discordInstance] = schedulers as [BullmqTipScheduler, BullmqTipScheduler];

    // The Slack instance ticks, for both platforms.
    expect(await slackInstance.tick(now)).toEqual({ due: 20, handed: 20 });
    expect((await jobCounts(slackInstance.deliverQueue('slack'))).pending).toBe(10);
    expect((await jobCounts(slackInstance.deliverQueue('discord'))).pending).toBe(10);

    await Promise.all(schedulers.map((s) => s.start()));
    const settled = async () => {
      const counts = await Promise.all((['slack', 'discord'] as const).map((p) => jobCounts(discordInstance.deliverQueue(p))));
      return counts.every((c) => c.pending === 0);
    };
    await waitUntil(settled);
    for (const platform of ['slack', 'discord'] as const) {
      expect(await jobCounts(discordInstance.deliverQueue(platform))).toEqual({ pending: 0, completed: 10, failed: 0 });
      expect(posted.filter((p) => p.platform === platform).map((p) => p.target).sort()).toEqual([...channels].sort());
    }
    expect(posted).toHaveLength(20);
  });
});
