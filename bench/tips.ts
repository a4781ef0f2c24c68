/**
 * Tips benchmark: 10,000 channel subscriptions due at once (BENCH_TIPS; BENCH_TIPS_SQLITE for the SQLite mode), posted through the real runner and the Slack
 * TipSender to a fake Slack Web API (in this process, on loopback) that enforces Slack's one message per
 * second per channel (10,000 channels; a faster post gets 429 with Retry-After). Printed per mode (BullMQ on
 * the Redis at REDIS_URL, then croner in-process on a temporary SQLite file):
 * - total time from the tick to the last post, and messages per second;
 * - duplicates (channels posted more than once; must be 0) and 429s;
 * - the scheduler's own CPU time per 1,000 subscriptions: process.cpuUsage (user + system) around
 *   `runner.runDue(now)` (reading 10,000 subscriptions and sent records, computing what is due) plus, with
 *   BullMQ, adding the 10,000 delivery jobs
 *   (addBulk). Redis' own CPU is not in it; the posting is not in it.
 * The rate limit is set out of the way (TIPS_RATE_MAX 100,000/s) so the machinery itself is measured; in
 * production the limiter, not this, sets the pace. Keys (namespace and queue prefix) are deleted afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@redis/client';
import { createSlackTipSender } from '../src/bots/slack/tipSender';
import { createLogger } from '../src/core/logger';
import type { StatePort } from '../src/core/state/statePort';
import type { Platform, TipSender } from '../src/core/tips/model';
import { createTipsRunner } from '../src/core/tips/tipsRunner';
import { loadKnowledgeBase } from '../src/knowledge/load';
import { createBullmqScheduler } from '../src/scheduling/bullmqScheduler';
import { createInProcessScheduler } from '../src/scheduling/inProcessScheduler';
import type { TipSchedulerOptions } from '../src/scheduling/types';
import { createState } from '../src/storage/createState';
import { SlackPostFake } from '../test/helpers/slackPostFake';
import { seedManyChannelSubscriptions } from '../test/scheduling/tipsFixture';
import { printTable } from './stats';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const COUNT = Number(process.env.BENCH_TIPS ?? 10_000);
/** SQLite commits each write to disk (about 25 ms a write here, four writes a post): fewer, or it takes many minutes. */
const SQLITE_COUNT = Number(process.env.BENCH_TIPS_SQLITE ?? COUNT);
const CONCURRENCY = Number(process.env.BENCH_TIPS_CONCURRENCY ?? 50);
const logger = createLogger('silent');
const kb = loadKnowledgeBase();

const options = (storeUrl: string, prefix: string): TipSchedulerOptions => ({
  storeUrl,
  tickMs: 3_600_000, // the bench ticks once, by hand
  concurrency: CONCURRENCY,
  rateMax: 100_000,
  rateDurationMs: 1000,
  leaseMs: 5 * 60_000,
  queuePrefix: prefix,
  attempts: 8,
  backoffMs: 1000,
  lockMs: 30_000,
  stalledIntervalMs: 30_000,
});

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

interface Run {
  count: number;
  totalS: number;
  perSecond: number;
  duplicates: number;
  rateLimited: number;
  missing: number;
  cpuPer1000: number;
}

async function run(mode: 'bullmq' | 'in-process', store: StatePort, storeUrl: string, prefix: string, count: number): Promise<Run> {
  const fake = await SlackPostFake.start({ perChannelMs: 1000 });
  const channels = Array.from({ length: count }, (_, i) => `CBENCH${String(i).padStart(5, '0')}`);
  const now = new Date();
  await seedManyChannelSubscriptions(store, channels, now);
  const runner = createTipsRunner({ store, knowledge: kb, logger });
  const senders = new Map<Platform, TipSender>([['slack', createSlackTipSender({ token: 'xoxb-bench', apiUrl: fake.apiUrl, logger, logLevel: 'silent' })]]);
  const deps = { options: options(storeUrl, prefix), store, runner, senders, logger };
  try {
    const began = performance.now();
    let cpu: number;
    if (mode === 'bullmq') {
      const scheduler = createBullmqScheduler(deps);
      const cpu0 = process.cpuUsage();
      await scheduler.tick(now);
      cpu = cpuMs(cpu0);
      await scheduler.start();
      await fake.waitFor(() => fake.channels.size >= count, 600_000, 'every channel posted');
      await scheduler.stop();
    } else {
      // The scheduler's share: what runDue costs (the in-process tick then posts; that is not its CPU).
      const cpu0 = process.cpuUsage();
      await runner.runDue(now);
      cpu = cpuMs(cpu0);
      const scheduler = createInProcessScheduler(deps);
      await scheduler.tick(now);
      await scheduler.stop();
    }
    const totalS = (performance.now() - began) / 1000;
    return {
      count,
      totalS,
      perSecond: fake.posts.length / totalS,
      duplicates: fake.duplicates().length,
      rateLimited: fake.rateLimited,
      missing: channels.filter((c) => fake.count(c) === 0).length,
      cpuPer1000: cpu / (count / 1000),
    };
  } finally {
    await fake.close();
  }
}

const rows = (label: string, r: Run): [string, string, string][] => [
  [`${label}: total`, r.totalS.toFixed(1), `s for ${r.count} due subscriptions, concurrency ${CONCURRENCY}`],
  [`${label}: messages/s`, r.perSecond.toFixed(0), 'posts accepted by the fake per second'],
  [`${label}: duplicates`, String(r.duplicates), `channels posted twice (must be 0); missing ${r.missing}; 429s ${r.rateLimited}`],
  [`${label}: scheduler CPU`, r.cpuPer1000.toFixed(1), 'ms per 1,000 subscriptions (runDue' + (label.startsWith('bullmq') ? ' + addBulk)' : ')')],
];

async function deleteRedisKeys(...patterns: string[]): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  for (const pattern of patterns) for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 1000 })) if (keys.length > 0) await client.del(keys);
  client.destroy();
}

async function main(): Promise<void> {
  const title = 'tips: due subscriptions posted to a fake Slack (1 msg/s per channel enforced, one channel each)';
  const tag = `mentor-bench-tips-${process.pid}`;
  const redisStore = createState(REDIS_URL, { namespace: tag });
  try {
    printTable(title, rows('bullmq (redis)', await run('bullmq', redisStore, REDIS_URL, `${tag}-bull`, COUNT)));
  } finally {
    await redisStore.disconnect();
    await deleteRedisKeys(`${tag}*`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'mentor-bench-tips-'));
  const url = `sqlite://${path.join(dir, 'mentor.sqlite')}`;
  // Seeding writes hundreds of records at once, which SQLite commits one by one.
  const sqliteStore = createState(url, { timeoutMs: 60_000 });
  try {
    printTable(title, rows('croner (sqlite)', await run('in-process', sqliteStore, url, 'unused', SQLITE_COUNT)));
  } finally {
    await sqliteStore.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
