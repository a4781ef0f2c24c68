import { createClient } from '@redis/client';
import { createMentor } from '../../src/core/mentor';
import { createUserLock } from '../../src/core/state/userLock';
import { REDIS_URL, redisState } from '../helpers/tempStore';

/** The real Redis on 127.0.0.1:6379, as several instances would share it. */
describe('mentor on a real Redis', () => {
  const namespace = `mentor-test-${process.pid}-${Date.now()}`;
  const redis = createClient({ url: REDIS_URL });

  beforeAll(async () => {
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${namespace}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.quit();
  });

  it('shares profiles between two instances and forgets a user completely', async () => {
    const storeA = redisState(namespace);
    const storeB = redisState(namespace);
    const a = createMentor({ store: storeA });
    const b = createMentor({ store: storeB });
    try {
      await a.handle({ kind: 'message', userId: 'r1', text: "I'm a data scientist" });
      await a.handle({ kind: 'command', userId: 'r1', command: 'profile', text: '' });
      const onB = await b.handle({ kind: 'message', userId: 'r1', text: 'skip' });
      expect(onB.text).toContain('Setup 2 of 3');
      expect((await b.handle({ kind: 'command', userId: 'r1', command: 'next', text: '' })).text).toContain('Your next step: MLOps');

      expect((await redis.keys(`${namespace}*r1*`)).length).toBeGreaterThan(0);
      await b.handle({ kind: 'command', userId: 'r1', command: 'forget', text: 'confirm' });
      expect(await redis.keys(`${namespace}*r1*`)).toEqual([]);
    } finally {
      await storeA.disconnect();
      await storeB.disconnect();
    }
  });

  it('keeps every change when two instances answer the same user at once', async () => {
    const stores = [redisState(namespace), redisState(namespace)];
    const [a, b] = stores.map((store) => createMentor({ store, lock: createUserLock(store) }));
    const topics = ['python', 'tensorflow', 'pytorch', 'keras', 'apache-spark', 'mlops', 'automl', 'spacy', 'kubeflow', 'apache-airflow'];
    try {
      await Promise.all(topics.map((topic, i) => (i % 2 === 0 ? a! : b!).handle({ kind: 'command', userId: 'both', command: 'done', text: topic })));
      const stored = (await stores[0]!.get('profile:both')) as { topics: Record<string, { status: string }> };
      expect(Object.keys(stored.topics).sort()).toEqual([...topics].sort());
      expect(await redis.keys(`${namespace}*lock*`)).toEqual([]);
    } finally {
      await Promise.all(stores.map((s) => s.disconnect()));
    }
  });

  it('stores conversation state with an expiry', async () => {
    const store = redisState(namespace);
    try {
      await createMentor({ store }).handle({ kind: 'command', userId: 'ttl', command: 'profile', text: '' });
      const [key] = await redis.keys(`${namespace}*conversation:ttl*`);
      expect(key).toBeDefined();
      const ttl = await redis.pTTL(key!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    } finally {
      await store.disconnect();
    }
  });
});
