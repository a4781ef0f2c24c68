/**
 * Two processes on one token (a rolling deploy, or a mistake): Discord sends every event to both gateway
 * sessions. Sharing the store (Redis, as several instances require) each interaction and each DM is handled
 * by exactly one of them: one core call, one acknowledgement or answer.
 */
import { createDiscordBot, type DiscordBot } from '../../src/bots/discord/bot';
import { createLogger } from '../../src/core/logger';
import { createMentor } from '../../src/core/mentor';
import type { MentorRequest, MentorService } from '../../src/core/request';
import { FakeDiscord } from '../helpers/discordFake';
import type { LogLine } from '../helpers/discordHarness';
import { chatInput, directMessage, dmChannelId, makeUser } from '../helpers/discordPayloads';
import { startPrivateRedis, type PrivateRedis } from '../helpers/privateRedis';

let fake: FakeDiscord;
let redis: PrivateRedis;
const bots: DiscordBot[] = [];
const coreCalls: MentorRequest[] = [];
const logs: LogLine[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start();
  redis = await startPrivateRedis();
  for (let i = 0; i < 2; i++) {
    // Each "process" has its own store connection, core and logger, like a separate process would.
    const store = redis.connect();
    const logger = createLogger('debug', (line) => logs.push({ ...(JSON.parse(line) as LogLine), instance: i }));
    const real = createMentor({ store, logger });
    const mentor: MentorService = {
      suggestTopics: (q, limit) => real.suggestTopics(q, limit),
      handle: (request) => {
        coreCalls.push(request);
        return real.handle(request);
      },
    };
    const bot = createDiscordBot({ token: 'fake-token', apiUrl: fake.apiUrl, mentor, store, logger });
    await bot.start();
    bots.push(bot);
  }
  expect(fake.connectedSessions).toBe(2);
}, 20_000);

afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await redis?.stop();
  await fake?.close();
});

const allIdle = () => Promise.all(bots.map((b) => b.whenIdle()));

test('an interaction both instances receive: one core call, one acknowledgement', async () => {
  const payload = chatInput('done', [{ name: 'topic', value: 'pytorch' }]);
  const before = coreCalls.length;
  fake.dispatch('INTERACTION_CREATE', payload);
  await fake.waitUntil(() => logs.find((l) => /duplicate interaction dropped/.test(l.message) && l.interaction === payload.id));
  await allIdle();
  expect(coreCalls.length - before).toBe(1);
  expect(fake.calls.filter((c) => c.path.includes(`/${payload.token}`))).toHaveLength(1);
});

test('a DM both instances receive: one core call, one answer', async () => {
  const user = makeUser('360000000000000001');
  const message = directMessage('what is automl?', user);
  const before = coreCalls.length;
  fake.dispatch('MESSAGE_CREATE', message);
  await fake.waitUntil(() => logs.find((l) => /duplicate DM dropped/.test(l.message) && l.messageId === message.id));
  await allIdle();
  expect(coreCalls.length - before).toBe(1);
  expect(fake.callsTo('POST', new RegExp(`^/channels/${dmChannelId(user.id)}/messages$`))).toHaveLength(1);
});

test('nothing was logged as an error', () => {
  expect(logs.filter((l) => l.level === 'error')).toEqual([]);
});
