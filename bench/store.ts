/**
 * Store benchmark: answers per second with the Redis store (one instance, and two instances sharing one
 * Redis with the cross-instance user lock), then peak RSS of a process serving 100,000 stored profiles from
 * the SQLite default. Uses the Redis at REDIS_URL (default 127.0.0.1:6379) under a namespace of its own,
 * deleted afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@redis/client';
import { createMentor, type Mentor } from '../src/core/mentor';
import { newProfile } from '../src/core/profile/profile';
import { profileKey } from '../src/core/profile/profileStore';
import { createUserLock } from '../src/core/state/userLock';
import { loadKnowledgeBase } from '../src/knowledge/load';
import { createState } from '../src/storage/createState';
import { bulkFillSqlite, verifyReadBack } from './sqliteBulkFill';
import { BENCH_QUEUE_LIMITS, peakRss, printTable } from './stats';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const kb = loadKnowledgeBase();

/** `concurrency` users at a time, each sending `next`, `done pytorch` and a question in turn. */
async function answersPerSecond(mentors: Mentor[], total: number, concurrency = 20): Promise<number> {
  let sent = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (sent < total) {
        const i = sent++;
        const userId = `bench-${worker}-${i % 5}`;
        const mentor = mentors[i % mentors.length]!;
        if (i % 3 === 0) await mentor.handle({ kind: 'command', userId, command: 'next', text: '' });
        else if (i % 3 === 1) await mentor.handle({ kind: 'command', userId, command: 'done', text: 'pytorch' });
        else await mentor.handle({ kind: 'message', userId, text: 'what is automl?' });
      }
    }),
  );
  return total / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function redisRows(): Promise<[string, string, string][]> {
  const namespace = `mentor-bench-${process.pid}`;
  const stores = [createState(REDIS_URL, { namespace }), createState(REDIS_URL, { namespace })];
  const [a, b] = stores.map((store) => createMentor({ store, knowledge: kb, lock: createUserLock(store), queueLimits: BENCH_QUEUE_LIMITS }));
  try {
    await answersPerSecond([a!], 300); // warm-up
    const one = await answersPerSecond([a!], 3000);
    const two = await answersPerSecond([a!, b!], 3000);
    return [
      ['redis, one instance', one.toFixed(0), 'answers/s, 20 users at a time'],
      ['redis, two instances', two.toFixed(0), 'answers/s, same users split across both (user lock in Redis)'],
    ];
  } finally {
    await Promise.all(stores.map((s) => s.disconnect()));
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const keys = await client.keys(`${namespace}*`);
    if (keys.length > 0) await client.del(keys);
    await client.quit();
  }
}

async function manyProfilesRows(): Promise<[string, string, string][]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentor-bench-'));
  const file = path.join(dir, 'mentor.sqlite');
  const count = 100_000;
  const now = new Date();
  // Generated as they are written: the peak RSS below is the serving process's, not a 100,000-profile array's.
  const profile = (i: number): [string, unknown] => [profileKey(`p${i}`), newProfile(`p${i}`, now)];
  function* profiles() {
    for (let i = 0; i < count; i++) yield profile(i);
  }
  const fillStarted = Date.now();
  let store: ReturnType<typeof createState> | undefined;
  try {
    await bulkFillSqlite(file, profiles());
    const fillS = (Date.now() - fillStarted) / 1000;
    store = createState(`sqlite://${file}`, { timeoutMs: 60_000 });
    await verifyReadBack(store, [profile(0), profile(count >> 1), profile(count - 1)]);
    const mentor = createMentor({ store, knowledge: kb, queueLimits: BENCH_QUEUE_LIMITS });
    const started = process.hrtime.bigint();
    for (let i = 0; i < 2000; i++) await mentor.handle({ kind: 'command', userId: `p${(i * 7919) % count}`, command: 'next', text: '' });
    const rate = 2000 / (Number(process.hrtime.bigint() - started) / 1e9);
    return [
      ['sqlite, 100,000 profiles', fillS.toFixed(1), 's to store them (one transaction, multi-row inserts)'],
      ['answers over them', rate.toFixed(0), 'answers/s (sqlite, random stored users)'],
      ['peak RSS', peakRss(), 'MiB, process total'],
    ];
  } finally {
    await store?.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  printTable('store', [...(await redisRows()), ...(await manyProfilesRows())]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
