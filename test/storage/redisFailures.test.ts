/**
 * Exactly one store call fails, with a connection reset between the app and a private Redis: the stored
 * profile is unchanged, the person is never told a change was saved that was not, and the answer comes
 * quickly. Then two instances on one Redis share one person's 100 concurrent updates without losing one.
 */
import type { Mentor } from '../../src/core/mentor';
import { createMentor } from '../../src/core/mentor';
import { profileKey } from '../../src/core/profile/profileStore';
import type { StatePort } from '../../src/core/state/statePort';
import { createUserLock } from '../../src/core/state/userLock';
import { STORE_DOWN_CHANGE_TEXT, STORE_DOWN_NOTE } from '../../src/core/storeFailure';
import { CuttableProxy } from '../helpers/cuttableProxy';
import { startPrivateRedis, type PrivateRedis } from '../helpers/privateRedis';

type StoredProfile = { topics: Record<string, { status: string }>; tipsShown: number };

let redis: PrivateRedis;
let proxy: CuttableProxy;
let direct: StatePort;
let viaProxy: StatePort;
let mentor: Mentor;

beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterAll(async () => {
  await redis.stop();
});
beforeEach(async () => {
  proxy = await CuttableProxy.start(redis.port);
  direct = redis.connect();
  viaProxy = redis.connect({ url: proxy.url });
  mentor = createMentor({ store: viaProxy, lock: createUserLock(viaProxy) });
});
afterEach(async () => {
  await viaProxy.disconnect();
  await proxy.close();
});

const command = (userId: string, name: string, text = '') => mentor.handle({ kind: 'command', userId, command: name, text });
const topicsOf = async (userId: string) => Object.keys((await direct.get<StoredProfile>(profileKey(userId)))?.topics ?? {}).sort();
/** The RESP frame of a command on the person's profile key: `*N\r\n$3\r\nGET\r\n$len\r\n<ns>profile:<user>\r\n`. */
const onProfile = (verb: 'GET' | 'SET', userId: string) => new RegExp(`\\$3\\r\\n${verb}\\r\\n\\$\\d+\\r\\n[^\\r]*profile:${userId}\\r\\n`);

/** The client reconnects by itself within about a second: ask until the answer is personal again (bounded). */
async function personalAgain(ask: () => Promise<{ text: string }>): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const { text } = await ask();
    if ((!text.includes(STORE_DOWN_NOTE) && text !== STORE_DOWN_CHANGE_TEXT) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function withProgress(userId: string): Promise<void> {
  expect((await command(userId, 'done', 'python')).text).toContain('marked done');
  expect((await command(userId, 'done', 'pytorch')).text).toContain('marked done');
  expect(await topicsOf(userId)).toEqual(['python', 'pytorch']);
}

test('the read of the profile is reset: a plain DM gets the answer that needs no profile, and nothing is written', async () => {
  await withProgress('read1');
  const before = await direct.get(profileKey('read1'));
  proxy.cutAt(onProfile('GET', 'read1'));
  const started = Date.now();
  const answer = await mentor.handle({ kind: 'message', userId: 'read1', text: 'what should I learn next?' });
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(proxy.cuts).toBe(1);
  expect(answer.text).toContain(STORE_DOWN_NOTE);
  expect(await direct.get(profileKey('read1'))).toEqual(before);
  // The client reconnected by itself: the next answer is personal again.
  expect(await personalAgain(() => command('read1', 'progress'))).toContain('Python');
  expect(await topicsOf('read1')).toEqual(['python', 'pytorch']);
});

test('the read is reset during `done keras`: not confirmed, not saved, earlier progress intact', async () => {
  await withProgress('read2');
  proxy.cutAt(onProfile('GET', 'read2'));
  const answer = await command('read2', 'done', 'keras');
  expect(proxy.cuts).toBe(1);
  expect(answer.text).not.toContain('marked done');
  expect(answer.text).toBe(STORE_DOWN_CHANGE_TEXT);
  expect(await topicsOf('read2')).toEqual(['python', 'pytorch']);
  // Once the connection is back the same command works.
  expect(await personalAgain(() => command('read2', 'done', 'keras'))).toContain('marked done');
  expect(await topicsOf('read2')).toEqual(['keras', 'python', 'pytorch']);
});

test('the write of the profile is reset: the person is told it was not saved, and the stored profile is unchanged', async () => {
  await withProgress('write1');
  const before = await direct.get(profileKey('write1'));
  proxy.cutAt(onProfile('SET', 'write1'));
  const started = Date.now();
  const answer = await command('write1', 'done', 'keras');
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(proxy.cuts).toBe(1);
  expect(answer.error).toBe(true);
  expect(answer.text).not.toContain('marked done');
  expect(answer.text).toMatch(/could not save/);
  expect(await direct.get(profileKey('write1'))).toEqual(before);
});

test('two app instances on one Redis: 100 concurrent updates of one person, split across both, are all stored', async () => {
  const stores = [redis.connect(), redis.connect()];
  // The per-person queue limits are a separate policy (see the flood test); here every update must be taken.
  const [a, b] = stores.map((store) => createMentor({ store, lock: createUserLock(store, { waitMs: 10_000 }), queueLimits: { maxDepth: 100, burst: 100 } }));
  const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a! : b!).handle({ kind: 'command', userId: 'shared', command: 'tip', text: '' })));
  expect(answers.filter((answer) => answer.error)).toEqual([]);
  // Every `tip` advances the stored counter by one: a lost update would leave it short.
  expect((await direct.get<StoredProfile>(profileKey('shared')))?.tipsShown).toBe(100);
});
