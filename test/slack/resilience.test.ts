/**
 * Deadlines and failures: a slow core is acked in time and delivered later, rate limits and 5xx are waited
 * out, unreachable channels are logged (and explained where possible), big answers respect response_url's
 * 5-post limit. The mentor is the real one, only wrapped to be slow: by the clock in one test (a genuinely
 * slow core, with wide margins), otherwise held on a gate the test opens, so nothing races the clock.
 */
import type { KnowledgeBase } from '../../src/knowledge/load';
import type { KnownBlock, SlackMessage } from '../../src/bots/slack/render';
import { UNREACHABLE_HELP } from '../../src/bots/slack/delivery';
import { limitViolations, visibleText } from '../helpers/slackBlocks';
import { gate } from '../helpers/slackGate';
import { SlackHarness, type HarnessOptions } from '../helpers/slackHarness';

let h: SlackHarness | undefined;
async function start(options: HarnessOptions = {}): Promise<SlackHarness> {
  h = await SlackHarness.start(options);
  return h;
}
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Gated tests need not wait the real 2 s for the ack: the core answers only when released anyway. */
const QUICK_ACK_MS = 100;

/** A knowledge base whose first topic has a summary long enough to need several Slack messages. */
const hugeFirstTopic = (words: number) => (kb: KnowledgeBase) => {
  kb.topics[0]!.summary = Array.from({ length: words }, (_, i) => `w${i}`).join(' ');
};

const asMessage = (body: Record<string, unknown>): SlackMessage => ({ text: String(body.text), blocks: (body.blocks ?? []) as KnownBlock[] });

test('a core that has not answered by the deadline: the command is acked empty and the answer arrives via response_url', async () => {
  // The app's real 2 s deadline, and a core held until the ack is in: the ack cannot have waited for the
  // answer however slow the machine is, and the answer cannot come inside it.
  const held = gate();
  const harness = await start({ wrapMentor: held.wrap });
  const result = await harness.command('next');
  expect(result.status).toBe(200);
  expect(result.text).toBe('');
  held.release();
  const [post] = await harness.fake.waitFor(() => (harness.fake.postsTo(result.responseId).length > 0 ? harness.fake.postsTo(result.responseId) : undefined), 10_000);
  expect(post!.body.response_type).toBe('ephemeral');
  expect(visibleText(asMessage(post!.body))).toMatch(/Your next step: /);
  await harness.slack.whenIdle();
  expect(harness.logs.some((l) => /not acknowledged/i.test(l.message))).toBe(false);
  expect(harness.errors()).toEqual([]);
}, 15_000);

test('a slow public answer is delivered in_channel', async () => {
  const held = gate();
  const harness = await start({ wrapMentor: held.wrap, ackDeadlineMs: QUICK_ACK_MS });
  const result = await harness.command('tip');
  expect(result.text).toBe('');
  held.release();
  await harness.slack.whenIdle();
  expect(harness.fake.postsTo(result.responseId).map((p) => p.body.response_type)).toEqual(['in_channel']);
});

test('a 429 with Retry-After: 1 is waited out and the DM answer still arrives, once', async () => {
  const harness = await start();
  harness.fake.failApi('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
  const started = Date.now();
  await harness.dm('what should I learn next?');
  const calls = harness.fake.calls.filter((c) => c.method === 'chat.postMessage');
  expect(calls.map((c) => c.status)).toEqual([429, 200]);
  expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1_000);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  expect(harness.errors()).toEqual([]);
}, 15_000);

test('a 5xx from the Web API is retried', async () => {
  const harness = await start();
  harness.fake.failApi('views.publish', { status: 503 }, 2);
  await harness.openHome('U1');
  expect(harness.fake.calls.filter((c) => c.method === 'views.publish').map((c) => c.status)).toEqual([503, 503, 200]);
  expect(harness.errors()).toEqual([]);
}, 15_000);

test('channel_not_found on a DM answer is logged, nothing crashes, the next message works', async () => {
  const harness = await start();
  harness.fake.failApi('chat.postMessage', { error: 'channel_not_found' });
  await harness.dm('what should I learn next?');
  expect(harness.errors().map((l) => l.code)).toEqual(['channel_not_found']);
  await harness.dm('what should I learn next?');
  expect(harness.fake.ok('chat.postMessage')).toHaveLength(1);
});

test('not_in_channel for a late answer is logged and explained to the user through the response_url', async () => {
  const held = gate();
  const harness = await start({ wrapMentor: held.wrap, ackDeadlineMs: QUICK_ACK_MS });
  const result = await harness.command('next', { channelId: 'C-private' });
  // Acked empty, answer still held: the first response_url post will fail, the Web API fallback be refused.
  expect(result.text).toBe('');
  harness.fake.failResponseUrl(result.responseId, { status: 500 });
  harness.fake.failApi('chat.postEphemeral', { error: 'not_in_channel' });
  held.release();
  await harness.slack.whenIdle();
  expect(harness.fake.calls.filter((c) => c.method === 'chat.postEphemeral').map((c) => c.params.channel)).toEqual(['C-private']);
  expect(harness.logs.some((l) => l.message === 'slack cannot post in the channel' && l.code === 'not_in_channel')).toBe(true);
  // The user is told why.
  const delivered = harness.fake.postsTo(result.responseId);
  expect(delivered.map((p) => p.body.text)).toEqual([UNREACHABLE_HELP]);
});

test('an answer too big for one message: the ack holds the first part, the rest follows via response_url', async () => {
  const harness = await start({ editKnowledge: hugeFirstTopic(4_000) });
  const result = await harness.command('next');
  await harness.slack.whenIdle();
  const messages = [result.ack!, ...harness.fake.postsTo(result.responseId).map((p) => p.body)].map(asMessage);
  expect(messages.length).toBeGreaterThan(1);
  for (const m of messages) expect(limitViolations(m)).toEqual([]);
  const words = [...messages.map(visibleText).join(' ').matchAll(/\bw(\d+)\b/g)].map((m) => Number(m[1]));
  expect(words).toEqual(Array.from({ length: 4_000 }, (_, i) => i));
});

test('more parts than response_url allows (5 posts): the rest goes through chat.postEphemeral, in order', async () => {
  const held = gate();
  const harness = await start({ wrapMentor: held.wrap, ackDeadlineMs: QUICK_ACK_MS, editKnowledge: hugeFirstTopic(12_000) });
  const result = await harness.command('next', { channelId: 'C1', userId: 'U1' });
  expect(result.text).toBe('');
  held.release();
  await harness.slack.whenIdle();
  const viaUrl = harness.fake.postsTo(result.responseId);
  const viaApi = harness.fake.ok('chat.postEphemeral');
  expect(viaUrl).toHaveLength(5);
  expect(viaApi.length).toBeGreaterThan(0);
  expect(viaApi.every((c) => c.params.channel === 'C1' && c.params.user === 'U1')).toBe(true);
  const messages = [...viaUrl.map((p) => p.body), ...viaApi.map((c) => c.params)].map(asMessage);
  const words = [...messages.map(visibleText).join(' ').matchAll(/\bw(\d+)\b/g)].map((m) => Number(m[1]));
  expect(words).toEqual(Array.from({ length: 12_000 }, (_, i) => i));
});

test('a core that throws still gets the user an answer, and the error is logged', async () => {
  const harness = await start({
    wrapMentor: () => ({
      handle: async () => {
        throw new Error('boom');
      },
      suggestTopics: () => [],
    }),
  });
  const result = await harness.command('next');
  expect(result.status).toBe(200);
  expect(visibleText(asMessage(result.ack!))).toMatch(/something went wrong/i);
  expect(harness.errors().map((l) => l.message)).toEqual(['mentor failed']);
});
