/**
 * Several instances on one Redis (BullMQ): three real `node dist/main.js` processes with Slack configured
 * against a fake Web API, 300 channel subscriptions due this minute. Every channel gets its tip exactly once
 * whichever instance ticks; then, with posts slowed down, one instance is killed (SIGKILL) while its worker
 * holds jobs and started again: nothing is missed, and only a post that instance had under way at the kill
 * can go out a second time (at most its worker's concurrency). Each instance posts with a token of its own,
 * so the fake can tell who posted what. Needs `npm run build` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { StatePort } from '../../src/core/state/statePort';
import { ROOT, startApp, type AppProcess } from '../helpers/appProcess';
import { deliverQueueName } from '../../src/scheduling/bullmqScheduler';
import { startPrivateRedis, type PrivateRedis } from '../helpers/privateRedis';
import { SlackPostFake } from '../helpers/slackPostFake';
import { jobCounts } from './redisKeys';
import { seedChannelSubscriptions, tipsAppEnv } from './tipsFixture';

const MAIN = path.join(ROOT, 'dist', 'main.js');
const CONCURRENCY = 4;
const PREFIX = 'tips-three';

jest.setTimeout(90_000);

describe('tips on three instances sharing Redis (BullMQ)', () => {
  let redis: PrivateRedis;
  let fake: SlackPostFake;
  let store: StatePort;
  let deliverQueue: Queue;
  const apps: AppProcess[] = [];

  const start = (token: string): AppProcess => {
    const app = startApp(
      { compiled: MAIN },
      tipsAppEnv({ storeUrl: redis.url, token, apiUrl: fake.apiUrl, concurrency: CONCURRENCY }, {
        TIPS_QUEUE_PREFIX: PREFIX,
        TIPS_BACKOFF_MS: '200',
        // A killed worker's jobs are taken up again within a few seconds, not the production 30 s.
        TIPS_LOCK_MS: '2000',
        TIPS_STALLED_INTERVAL_MS: '1000',
      }),
    );
    apps.push(app);
    return app;
  };
  const started = (app: AppProcess) => app.waitForLog((l) => l.message === 'tips scheduler started', 30_000);
  const settled = async (total: number) => {
    for (;;) {
      const c = await jobCounts(deliverQueue);
      if (c.completed === total && c.pending + c.failed === 0) return c;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first');
    redis = await startPrivateRedis();
    fake = await SlackPostFake.start();
    store = redis.connect({ timeoutMs: 5_000 });
    deliverQueue = new Queue(deliverQueueName('slack'), { connection: { url: redis.url }, prefix: PREFIX });
  });

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await deliverQueue?.close();
    await redis?.stop();
    await fake?.close();
  });

  it('posts each of 300 channel tips exactly once, whichever instance ticks', async () => {
    const channels = Array.from({ length: 300 }, (_, i) => `CA${String(i).padStart(3, '0')}`);
    // Written while the instances start: whichever ticks first finds them all, or some and the rest later.
    const running = [start('xoxb-instance-0'), start('xoxb-instance-1'), start('xoxb-instance-2')];
    await Promise.all([...running.map(started), seedChannelSubscriptions(store, channels, new Date())]);

    await fake.waitFor(() => channels.every((c) => fake.count(c) >= 1), 45_000, 'every channel posted');
    await settled(300);
    expect(channels.filter((c) => fake.count(c) !== 1)).toEqual([]);
    expect(fake.posts).toHaveLength(300);
    const byInstance = ['xoxb-instance-0', 'xoxb-instance-1', 'xoxb-instance-2'].map((t) => fake.posts.filter((p) => p.token === t).length);
    process.stdout.write(`three instances: posts per instance ${byInstance.join(' / ')}\n`);
  });

  it('after a SIGKILL mid-run and a restart: nothing missed, a second post only for what was in flight (at most the concurrency)', async () => {
    const [victim] = apps;
    fake.delayMs = 150;
    const channels = Array.from({ length: 300 }, (_, i) => `CB${String(i).padStart(3, '0')}`);
    const isB = (c: string) => c.startsWith('CB');
    await seedChannelSubscriptions(store, channels, new Date());

    // Kill while the victim is in the middle of its share.
    await fake.waitFor(() => fake.posts.filter((p) => isB(p.channel) && p.token === 'xoxb-instance-0').length >= 20, 45_000, 'the victim posting');
    victim!.child.kill('SIGKILL');
    await victim!.exited;
    const restarted = start('xoxb-instance-0-restarted');
    await started(restarted);

    await fake.waitFor(() => channels.every((c) => fake.count(c) >= 1), 45_000, 'every channel posted');
    await settled(600);

    const posts = fake.posts.filter((p) => isB(p.channel));
    const twice = channels.filter((c) => fake.count(c) > 1);
    for (const channel of twice) {
      const tokens = posts.filter((p) => p.channel === channel).map((p) => p.token);
      // One post from the killed process (it was under way at the kill), one from whoever took the job up.
      expect(tokens).toHaveLength(2);
      expect(tokens[0]).toBe('xoxb-instance-0');
    }
    expect(twice.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(channels.filter((c) => fake.count(c) === 0)).toEqual([]);
    process.stdout.write(`three instances: ${twice.length} post(s) repeated after the SIGKILL (bound ${CONCURRENCY})\n`);
  });

  it('stops in order on SIGTERM: workers finish their jobs, every live instance exits 0', async () => {
    const live = apps.filter((a) => a.child.exitCode === null && a.child.signalCode === null);
    expect(live).toHaveLength(3);
    for (const app of live) app.child.kill('SIGTERM');
    const exits = await Promise.all(live.map((a) => a.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0, 0]);
    for (const app of live) expect(app.logs.some((l) => l.message === 'tips scheduler stopped')).toBe(true);
  });
});
