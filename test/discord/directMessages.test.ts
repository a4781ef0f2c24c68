/**
 * DMs end to end: a conversation of several turns with memory, bots and the bot itself ignored, users
 * who refuse DMs (50007) marked undeliverable in the store and not tried again, and a failing store that
 * never keeps an answer from the user.
 */
import { reply } from '../../src/core/reply';
import { isUndeliverable, markUndeliverable } from '../../src/bots/discord/undeliverable';
import { FAKE_BOT_USER, discordError, type RecordedCall } from '../helpers/discordFake';
import { visibleText } from '../helpers/discordMessages';
import { directMessage, dmChannelId, makeUser, type FakeUser } from '../helpers/discordPayloads';
import { payloadsThatCouldPing, startHarness, type Harness } from '../helpers/discordHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const channelPosts = (user: FakeUser) => h.fake.callsTo('POST', new RegExp(`^/channels/${dmChannelId(user.id)}/messages$`));

/** Sends a DM, waits for the bot to answer and finish everything it started, and returns all it posted. */
async function say(user: FakeUser, text: string): Promise<string> {
  const before = channelPosts(user).filter((c) => c.status === 200).length;
  h.fake.dispatch('MESSAGE_CREATE', directMessage(text, user));
  await h.fake.waitUntil(() => (channelPosts(user).filter((c) => c.status === 200).length > before ? true : undefined));
  await h.bot.whenIdle(); // a long answer may be several messages: every part is posted once the bot is idle
  return channelPosts(user)
    .filter((c) => c.status === 200)
    .slice(before)
    .map((c: RecordedCall) => visibleText(c.body))
    .join('\n');
}

test('a later answer uses what the user said earlier in the conversation', async () => {
  const scientist = makeUser('320000000000000001');
  const first = await say(scientist, "I'm a data scientist");
  expect(first).toMatch(/Data scientist/);
  const informed = await say(scientist, 'what should I learn next?');
  const fresh = await say(makeUser('320000000000000002'), 'what should I learn next?');
  const stepOf = (text: string) => /next step: ([^\n]+)/i.exec(text)?.[1];
  expect(stepOf(informed)).toBeDefined();
  expect(stepOf(fresh)).toBeDefined();
  expect(stepOf(informed)).not.toEqual(stepOf(fresh));
  // A third turn (a command word typed in the DM) still knows the background.
  expect(await say(scientist, 'profile')).toMatch(/Background\nData scientist/);
});

test('quick successive DMs are answered in the order they were written', async () => {
  const user = makeUser('320000000000000003');
  h.fake.dispatch('MESSAGE_CREATE', directMessage('what is automl?', user));
  h.fake.dispatch('MESSAGE_CREATE', directMessage('what is pytorch?', user));
  const posts = await h.fake.waitUntil(() => {
    const texts = channelPosts(user).map((c) => visibleText(c.body));
    const automl = texts.findIndex((t) => /AutoML/.test(t));
    const pytorch = texts.findIndex((t) => /PyTorch/.test(t));
    return automl >= 0 && pytorch >= 0 ? { automl, pytorch } : undefined;
  });
  expect(posts.automl).toBeLessThan(posts.pytorch);
});

test('messages from bots, from itself and from servers get no answer', async () => {
  const human = makeUser('320000000000000004');
  const otherBot = makeUser('320000000000000005', 'otherbot', true);
  const callsBefore = h.fake.calls.length;
  h.fake.dispatch('MESSAGE_CREATE', directMessage('what should I learn next?', otherBot));
  h.fake.dispatch('MESSAGE_CREATE', { ...directMessage('what should I learn next?', FAKE_BOT_USER), channel_id: dmChannelId(human.id) });
  h.fake.dispatch('MESSAGE_CREATE', { ...directMessage('what should I learn next?', human), guild_id: '400000000000000001', channel_id: '400000000000000002' });
  // A human DM afterwards is answered, so the earlier events were processed (the gateway delivers in order).
  expect(await say(human, 'hello')).not.toHaveLength(0);
  const newCalls = h.fake.calls.slice(callsBefore);
  expect(newCalls.filter((c) => c.path !== `/channels/${dmChannelId(human.id)}/messages`)).toEqual([]);
  expect(newCalls).toHaveLength(1);
});

test('empty DMs (an attachment only) are ignored', async () => {
  const user = makeUser('320000000000000006');
  const callsBefore = h.fake.calls.length;
  h.fake.dispatch('MESSAGE_CREATE', directMessage('   ', user));
  await say(user, 'hello');
  expect(h.fake.calls.slice(callsBefore)).toHaveLength(1);
});

describe('users who refuse DMs (50007)', () => {
  const cannotDm = { method: 'POST', path: /^\/channels\/\d+\/messages$/, ...discordError(50007, 'Cannot send messages to this user', 403) };

  test('a proactive DM marks the user undeliverable, and they are not tried again', async () => {
    const userId = '320000000000000007';
    h.fake.inject(cannotDm);
    await expect(h.bot.sendDirectMessage(userId, reply([{ type: 'text', text: 'A tip for you' }]))).resolves.toBe('undeliverable');
    expect(await isUndeliverable(h.store, userId)).toBe(true);
    const callsBefore = h.fake.calls.length;
    await expect(h.bot.sendDirectMessage(userId, reply([{ type: 'text', text: 'Another tip' }]))).resolves.toBe('undeliverable');
    expect(h.fake.calls.length).toBe(callsBefore);
    expect(h.logs.some((l) => l.level === 'warn' && /50007/.test(l.message))).toBe(true);
  });

  test('a reachable user gets the proactive DM', async () => {
    const userId = '320000000000000008';
    await expect(h.bot.sendDirectMessage(userId, reply([{ type: 'text', text: 'A tip for you @everyone' }]))).resolves.toBe('sent');
    const sent = h.fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)).at(-1)!;
    expect(sent.body.content).toContain('A tip for you');
    expect(sent.body.allowed_mentions).toEqual({ parse: [] });
  });

  test('a DM reply refused with 50007 marks the user; writing again lifts the mark', async () => {
    const user = makeUser('320000000000000009');
    h.fake.inject(cannotDm);
    h.fake.dispatch('MESSAGE_CREATE', directMessage('hello', user));
    await h.fake.waitUntil(() => (channelPosts(user).some((c) => c.status === 403) ? true : undefined));
    await h.fake.waitUntil(() => h.logs.find((l) => /50007/.test(l.message) && l.user === user.id));
    expect(await isUndeliverable(h.store, user.id)).toBe(true);
    expect(channelPosts(user)).toHaveLength(1); // not retried
    await say(user, 'hello again');
    expect(await isUndeliverable(h.store, user.id)).toBe(false);
  });
});

describe('a store that fails around the undeliverable mark never keeps the answer from the user', () => {
  const MARK = /^discord:undeliverable:/;
  afterEach(() => jest.restoreAllMocks());

  /** Makes deleting the mark fail in the given way; every other store call keeps working. */
  function breakMarkDelete(broken: () => Promise<void>) {
    const real = h.store.delete.bind(h.store);
    return jest.spyOn(h.store, 'delete').mockImplementation((key) => (typeof key === 'string' && MARK.test(key) ? broken() : real(key)));
  }

  test('a delete that throws: the DM is answered, the failure is a warning', async () => {
    const user = makeUser('320000000000000010');
    await markUndeliverable(h.store, user.id);
    const spy = breakMarkDelete(() => Promise.reject(new Error('store down')));
    expect(await say(user, 'what is automl?')).toMatch(/AutoML/);
    expect(spy).toHaveBeenCalled();
    expect(h.logs.find((l) => l.message === 'discord: could not lift the undeliverable mark' && l.user === user.id)?.error).toBe('store down');
  });

  test('a delete that never settles: this DM and the next one are both answered', async () => {
    const user = makeUser('320000000000000011');
    await markUndeliverable(h.store, user.id);
    breakMarkDelete(() => new Promise<void>(() => undefined));
    expect(await say(user, 'what is automl?')).toMatch(/AutoML/);
    expect(await say(user, 'what is pytorch?')).toMatch(/PyTorch/);
    expect(h.logs.find((l) => l.message === 'discord: could not lift the undeliverable mark' && l.user === user.id)?.error).toMatch(/timed out/);
  });

  test('a proactive DM whose mark cannot be read in time fails fast instead of hanging', async () => {
    const real = h.store.get.bind(h.store);
    jest.spyOn(h.store, 'get').mockImplementation(((key: string) => (MARK.test(key) ? new Promise(() => undefined) : real(key))) as typeof h.store.get);
    await expect(h.bot.sendDirectMessage('320000000000000014', reply([{ type: 'text', text: 'A tip' }]))).resolves.toBe('failed');
    const logged = h.logs.find((l) => l.message === 'discord: DM failed' && l.user === '320000000000000014');
    expect(logged?.error).toMatch(/timed out/);
    h.logs.splice(h.logs.indexOf(logged!), 1); // expected; the final check looks for unexpected errors
  });

  test('a user without a mark costs no delete at all', async () => {
    const spy = jest.spyOn(h.store, 'delete');
    await say(makeUser('320000000000000012'), 'hello');
    expect(spy.mock.calls.filter(([key]) => typeof key === 'string' && MARK.test(key))).toEqual([]);
  });
});

test('no payload could ping and nothing failed', () => {
  expect(payloadsThatCouldPing(h.fake.calls)).toEqual([]);
  expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
});
