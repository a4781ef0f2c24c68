/**
 * The subscription store on the real backends: getMany in batches on SQLite and Redis, a damaged record
 * skipped without stopping the others, two instances subscribing at once without losing an id, and a store
 * that cannot answer is an error, never "no subscriptions".
 */
import { createClient } from '@redis/client';
import sqlite3 from 'sqlite3';
import { silentLogger } from '../../../src/core/logger';
import type { StatePort } from '../../../src/core/state/statePort';
import { StoreUnavailableError } from '../../../src/core/state/statePort';
import type { Subscription } from '../../../src/core/tips/model';
import { SubscriptionStore, subscriptionKey } from '../../../src/core/tips/subscriptionStore';
import { createTipsRunner } from '../../../src/core/tips/tipsRunner';
import { loadKnowledgeBase } from '../../../src/knowledge/load';
import { createState } from '../../../src/storage/createState';
import { SwitchableState } from '../../helpers/switchableState';
import { REDIS_URL, redisState, tempSqlite } from '../../helpers/tempStore';

const kb = loadKnowledgeBase();
const T0 = '2027-06-01T00:00:00.000Z';
const MONDAY_0905 = new Date('2027-06-07T09:05:00.000Z');

function subscription(id: string): Subscription {
  return { schemaVersion: 1, id, audience: 'channel', platform: 'slack', target: id.split(':')[2]!, userId: 'U1', time: '09:00', timezone: 'UTC', weekdays: [1], frequency: 'normal', since: T0, createdAt: T0, updatedAt: T0 };
}

/** Subscriptions two at a time, from two stores (two instances) at once: the index lock keeps every id. */
async function subscribeMany(one: StatePort, prefix: string, count: number, two: StatePort = one): Promise<void> {
  const a = new SubscriptionStore(one, silentLogger);
  const b = new SubscriptionStore(two, silentLogger);
  for (let i = 0; i < count; i += 2) {
    await Promise.all([a.put(subscription(`slack:channel:${prefix}${i}`)), b.put(subscription(`slack:channel:${prefix}${i + 1}`))]);
  }
}

describe('the subscription store on SQLite', () => {
  it('reads them all in batches and skips a record that is not even JSON', async () => {
    const db = tempSqlite();
    const store = db.open();
    try {
      await subscribeMany(store, 'S', 40);
      const raw = new sqlite3.Database(db.file);
      await new Promise<void>((resolve, reject) =>
        raw.run("UPDATE keyv SET value = '{not json' WHERE key = 'mentor:tips:sub:slack:channel:S7'", (e: Error | null) => (raw.close(), e ? reject(e) : resolve())),
      );
      const { subscriptions } = await new SubscriptionStore(store, silentLogger).all();
      expect(subscriptions).toHaveLength(39);
      const { due } = await createTipsRunner({ store, knowledge: kb }).runDue(MONDAY_0905);
      expect(due).toHaveLength(39);
    } finally {
      await store.disconnect();
      db.cleanup();
    }
  });
});

describe('the subscription store on a real Redis', () => {
  const namespace = `mentor-tips-test-${process.pid}-${Date.now()}`;
  afterAll(async () => {
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const keys = await redis.keys(`${namespace}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.quit();
  });

  it('keeps every id when two instances subscribe at once, and reads them with getMany', async () => {
    const one = redisState(namespace);
    const two = redisState(namespace);
    try {
      await Promise.all([subscribeMany(one, 'A', 30, two), subscribeMany(two, 'B', 30, one)]);
      const { subscriptions } = await new SubscriptionStore(one, silentLogger).all();
      expect(subscriptions).toHaveLength(60);
      expect(await one.getMany([subscriptionKey('slack:channel:A1'), 'nothing-here'])).toEqual([expect.objectContaining({ id: 'slack:channel:A1' }), undefined]);
    } finally {
      await one.disconnect();
      await two.disconnect();
    }
  });
});

describe('when the store cannot answer', () => {
  it('runDue fails instead of finding nothing due, and a change is not written', async () => {
    const store = new SwitchableState(createState('memory'));
    await subscribeMany(store, 'C', 4);
    store.down = true;
    const runner = createTipsRunner({ store, knowledge: kb });
    await expect(runner.runDue(MONDAY_0905)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(new SubscriptionStore(store, silentLogger).put(subscription('slack:channel:D1'))).rejects.toBeInstanceOf(StoreUnavailableError);
    store.down = false;
    expect((await runner.runDue(MONDAY_0905)).due).toHaveLength(4);
    await store.disconnect();
  });
});
