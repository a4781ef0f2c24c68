/**
 * SET-once dedupe over keyv: atomic in one process, atomic across instances with Redis (SET NX PX), and
 * never dropping real deliveries when the store fails or hangs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Keyv from 'keyv';
import type KeyvRedis from '@keyv/redis';
import { createLogger, type Logger } from '../../src/core/logger';
import { createDedupe } from '../../src/storage/dedupe';
import { startPrivateRedis, type PrivateRedis } from '../helpers/privateRedis';
import { createStore } from '../../src/storage/createStore';

function capture(): { logger: Logger; lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return { logger: createLogger('debug', (l) => lines.push(JSON.parse(l) as { level: string; message: string })), lines };
}

describe('with the memory store (one process)', () => {
  let store: Keyv;
  beforeEach(() => {
    store = new Keyv({ namespace: 'mentor' });
  });
  afterEach(async () => {
    await store.disconnect();
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

describe('with a shared SQLite store (several processes)', () => {
  let dir: string;
  let store: Keyv;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mentor-dedupe-'));
    store = createStore(`sqlite://${path.join(dir, 'mentor.sqlite')}`);
  });
  afterEach(async () => {
    await store.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a second instance (its own in-process memory) sees the key as seen, through the store', async () => {
    const one = createDedupe(store, capture().logger, { prefix: 'slack:seen:' });
    const two = createDedupe(store, capture().logger, { prefix: 'slack:seen:' });
    expect(await one('k')).toBe(true);
    expect(await two('k')).toBe(false);
    expect(await store.get('slack:seen:k')).toBe(1);
  });

  test('a key forgotten by the bounded in-process memory is still known to the store', async () => {
    const firstTime = createDedupe(store, capture().logger, { maxLocalKeys: 2 });
    for (const k of ['k1', 'k2', 'k3', 'k4']) expect(await firstTime(k)).toBe(true);
    expect(await firstTime('k1')).toBe(false);
  });

  test('a store that throws: the delivery counts as new and a warning is logged', async () => {
    const { logger, lines } = capture();
    store.get = async () => {
      throw new Error('store down');
    };
    const firstTime = createDedupe(store, logger);
    expect(await firstTime('x')).toBe(true);
    expect(lines.map((l) => [l.level, l.message])).toEqual([['warn', 'dedupe store failed; treating the delivery as new']]);
  });

  test('a store that hangs: the answer comes after the timeout, not never', async () => {
    const { logger, lines } = capture();
    store.get = () => new Promise<never>(() => undefined);
    const firstTime = createDedupe(store, logger, { timeoutMs: 100 });
    const started = Date.now();
    expect(await firstTime('x')).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(lines.map((l) => l.message)).toEqual(['dedupe store timed out; treating the delivery as new']);
    // Within this process the key is still remembered.
    expect(await firstTime('x')).toBe(false);
  });
});

describe('with Redis (a private redis-server on a unix socket)', () => {
  let redis: PrivateRedis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });
  const connect = () => redis.connect();

  test('two instances with their own connections: one delivery wins, and the key expires on its own', async () => {
    const a = connect();
    const b = connect();
    const one = createDedupe(a, capture().logger, { ttlMs: 60_000, prefix: 'slack:seen:' });
    const two = createDedupe(b, capture().logger, { ttlMs: 60_000, prefix: 'slack:seen:' });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? one('event:Ev1') : two('event:Ev1'))));
    expect(results.filter(Boolean)).toHaveLength(1);

    const adapter = a.store as KeyvRedis<unknown>;
    const client = (await adapter.getClient()) as unknown as { pTTL(k: string): Promise<number>; get(k: string): Promise<string | null> };
    const key = adapter.createKeyPrefix('slack:seen:event:Ev1', adapter.namespace);
    const ttl = await client.pTTL(key);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Written by SET NX itself (a raw "1"), not by keyv's get-then-set (which stores a JSON envelope).
    expect(await client.get(key)).toBe('1');
  });
});
