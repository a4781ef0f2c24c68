/**
 * Discord throughput: N `/mentor next` interactions dispatched over the fake gateway to the real discord.js
 * client and the real core (memory store), at most C in flight. Reports interactions per second and the
 * p50/p99 time from dispatch to the interaction callback arriving at the fake REST. Loopback only.
 *
 *   npx tsx bench/discord.ts [N=1000] [C=50]
 */
import { performance } from 'node:perf_hooks';
import { createDiscordBot } from '../src/bots/discord/bot';
import { silentLogger } from '../src/core/logger';
import { createMentor } from '../src/core/mentor';
import { createState } from '../src/storage/createState';
import { FakeDiscord } from '../test/helpers/discordFake';
import { chatInput, makeUser } from '../test/helpers/discordPayloads';
import { BENCH_QUEUE_LIMITS } from './stats';

const N = Number(process.argv[2] ?? 1000);
const CONCURRENCY = Number(process.argv[3] ?? 50);
const USERS = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const fake = await FakeDiscord.start();
  const store = createState('memory');
  const mentor = createMentor({ store, logger: silentLogger, queueLimits: BENCH_QUEUE_LIMITS });
  const bot = createDiscordBot({ token: 'bench-token', apiUrl: fake.apiUrl, mentor, store, logger: silentLogger });
  await bot.start();

  // One callback per interaction token; resolve the waiting dispatch when it lands.
  const waiting = new Map<string, (at: number) => void>();
  fake.onCall.add((call) => {
    const token = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(call.path)?.[1];
    if (token && call.status < 300) waiting.get(token)?.(call.at);
  });
  const users = Array.from({ length: USERS }, (_, i) => makeUser(`35${String(i).padStart(16, '0')}`));

  const run = async (count: number): Promise<{ latencies: number[]; seconds: number }> => {
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const payload = chatInput('next', [], { user: users[i % USERS]! });
        const arrived = new Promise<number>((resolve) => waiting.set(payload.token, resolve));
        const sentAt = performance.now();
        fake.dispatch('INTERACTION_CREATE', payload);
        latencies.push((await arrived) - sentAt);
        waiting.delete(payload.token);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { latencies, seconds: (performance.now() - started) / 1000 };
  };
  // Warm-up (JIT, first profile writes, connection pool) is not measured.
  await run(Math.min(200, N));
  const { latencies, seconds } = await run(N);

  latencies.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  process.stdout.write(
    `discord: ${N} /mentor next interactions, concurrency ${CONCURRENCY}: ${(N / seconds).toFixed(0)} interactions/s, ` +
      `p50 ${fmt(percentile(latencies, 50))}, p99 ${fmt(percentile(latencies, 99))}, max ${fmt(latencies[latencies.length - 1]!)}\n`,
  );
  await bot.stop();
  await fake.close();
  await store.disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
