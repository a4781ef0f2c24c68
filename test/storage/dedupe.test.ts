/**
 * SET-once dedupe over the state port: atomic in one process, atomic across instances with SQLite (one
 * upsert) and Redis (SET NX PX), and never dropping real deliveries when the store fails or hangs.
 */
import { createClient } from '@redis/client';
import { createLogger, type Logger } from '../../src/core/logger';
import type { StatePort } from '../../src/core/state/statePort';
import { createDedupe } from '../../src/bots/common/dedupe';
import { createState } from '../../src/storage/createState';
import { startPrivateRedis, type PrivateRedis } from '../helpers/privateRedis';
import { tempSqlite, type TempSqlite } from '../helpers/tempStore';

function capture(): { logger: Logger; lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return { logger: createLogger('debug', (l) => lines.push(JSON.parse(l) as { level: string; message: string })), lines };
}

describe('with the memory store (one process)', () => {
  let store: StatePort;
  beforeEach(() => {
    store = createState('memory');
  });
  afterEach(async () => {
    await store.disconnect();
  });

  test('the in-process memory keeps the newest keys when full, and lets expired ones go', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      // The memory store is not shared, so the in-process memory is all there is: what it forgets is new again.
      const firstTime = createDedupe(store, capture().logger, { maxLocalKeys: 3, ttlMs: 60_000 });
      for (const k of ['a', 'b', 'c', 'd']) expect(await firstTime(k)).toBe(true);
      expect(await firstTime('d')).toBe(false);
      expect(await firstTime('b')).toBe(false);
      expect(await firstTime('a')).toBe(true); // the oldest went when 'd' came
      jest.advanceTimersByTime(60_001);
      expect(await firstTime('d')).toBe(true); // expired
      expect(await firstTime('d')).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a key is new once; other keys are independent', async () => {
    const firstTime = createDedupe(store, capture().logger, { prefix: 'slack:seen:' });
    expect(await firstTime('a')).toBe(true);
    expect(await firstTime('a')).toBe(false);
    expect(await firstTime('b')).toBe(true);
  });

  test('twenty concurrent deliveries of one key: exactly one is new', async () => {
    const firstTime = createDedupe(store, capture().logger, { prefix: 'slack:seen:' });
    const results = await Promise.all(Array.from({ length: 20 }, () => firstTime('same')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('after the TTL a key is new again', async () => {
    // The clock is moved, not waited on: the result cannot depend on how busy the machine is.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const firstTime = createDedupe(store, capture().logger, { ttlMs: 50 });
      expect(await firstTime('short')).toBe(true);
      jest.advanceTimersByTime(49);
      expect(await firstTime('short')).toBe(false);
      jest.advanceTimersByTime(31);
      expect(await firstTime('short')).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('with a shared SQLite file (several processes)', () => {
  let db: TempSqlite;
  let store: StatePort;
  beforeEach(() => {
    db = tempSqlite();
    store = db.open();
  });
  afterEach(async () => {
    await store.disconnect();
    db.cleanup();
  });

  test('a second instance (its own connection and memory) sees the key as seen, through the file', async () => {
    const other = db.open();
    try {
      const one = createDedupe(store, capture().logger, { prefix: 'slack:seen:' });
      const two = createDedupe(other, capture().logger, { prefix: 'slack:seen:' });
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? one('k') : two('k'))));
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await other.disconnect();
    }
  });

  test('a key forgotten by the bounded in-process memory is still known to the store', async () => {
    const firstTime = createDedupe(store, capture().logger, { maxLocalKeys: 2 });
    for (const k of ['k1', 'k2', 'k3', 'k4']) expect(await firstTime(k)).toBe(true);
    expect(await firstTime('k1')).toBe(false);
  });

  test('a store that throws: the delivery counts as new', async () => {
    const { logger, lines } = capture();
    store.setIfAbsent = async () => {
      throw new Error('store down');
    };
    const firstTime = createDedupe(store, logger);
    expect(await firstTime('x')).toBe(true);
    expect(lines.map((l) => [l.level, l.message])).toEqual([['debug', 'dedupe store failed; treating the delivery as new']]);
  });

  test('a store that hangs: the answer comes after the store bound, not never', async () => {
    const hanging = createState(db.url, { timeoutMs: 100 });
    try {
      const inner = (hanging as unknown as { inner: StatePort }).inner;
      inner.setIfAbsent = () => new Promise<never>(() => undefined);
      const firstTime = createDedupe(hanging, capture().logger);
      const started = Date.now();
      expect(await firstTime('x')).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
      // Within this process the key is still remembered.
      expect(await firstTime('x')).toBe(false);
    } finally {
      await hanging.disconnect();
    }
  });
});

describe('with Redis (a private redis-server)', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  test('two instances with their own connections: one delivery wins, and the key expires on its own', async () => {
    const one = createDedupe(redis.connect(), capture().logger, { ttlMs: 60_000, prefix: 'slack:seen:' });
    const two = createDedupe(redis.connect(), capture().logger, { ttlMs: 60_000, prefix: 'slack:seen:' });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? one('event:Ev1') : two('event:Ev1'))));
    expect(results.filter(Boolean)).toHaveLength(1);

    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const key = 'mentor:claim:slack:seen:event:Ev1';
      const ttl = await client.pTTL(key);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      // Written by SET NX itself (a raw "1"), not by keyv's get-then-set (which stores a JSON envelope).
      expect(await client.get(key)).toBe('1');
    } finally {
      await client.quit();
    }
  });
});
