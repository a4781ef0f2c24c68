/**
 * response_url delivery decides between "posted", "definitely not posted" (fall back to the Web API) and
 * "maybe posted" (a timeout: falling back could show the answer twice). Against the fake Slack, with a short
 * response_url timeout so a slow answer is quick to provoke.
 */
import { createServer } from 'node:net';
import { webApi } from '@slack/bolt';
import { createLogger } from '../../src/core/logger';
import { deliver, ResponseUrl, type Destination } from '../../src/bots/slack/delivery';
import { SlackFake } from '../helpers/slackFake';
import type { LogLine } from '../helpers/slackHarness';
import { uniqueId } from '../helpers/slackRequests';

let fake: SlackFake;
let logs: LogLine[];
beforeEach(async () => {
  fake = await SlackFake.start();
  logs = [];
});
afterEach(async () => {
  await fake.close();
});

const TIMEOUT_MS = 200;
const message = (text: string) => ({ text, blocks: [] });

function destination(url: string): Destination {
  const logger = createLogger('debug', (line) => logs.push(JSON.parse(line) as LogLine));
  return {
    client: new webApi.WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }),
    logger,
    responseUrl: new ResponseUrl(url, logger, TIMEOUT_MS),
    channelId: 'C1',
    userId: 'U1',
    visibility: 'private',
  };
}

test('a response_url that takes the post but answers after the timeout: logged, not sent again via the Web API', async () => {
  const id = uniqueId('resp');
  fake.slowResponseUrl(id, TIMEOUT_MS * 4);
  await deliver(destination(fake.responseUrl(id)), [message('one'), message('two')]);
  // Both parts reached Slack once each (the first one slowly); nothing went through chat.postEphemeral.
  expect(fake.postsTo(id).map((p) => p.body.text)).toEqual(['one', 'two']);
  expect(fake.calls.filter((c) => c.method === 'chat.postEphemeral')).toEqual([]);
  expect(logs.some((l) => l.level === 'warn' && /timed out/.test(l.message))).toBe(true);
});

test('a response_url answering non-2xx falls back to the Web API, once', async () => {
  const id = uniqueId('resp');
  fake.failResponseUrl(id, { status: 500 });
  await deliver(destination(fake.responseUrl(id)), [message('one')]);
  expect(fake.ok('chat.postEphemeral').map((c) => c.params.text)).toEqual(['one']);
});

test('a response_url that refuses the connection falls back to the Web API, once', async () => {
  // A port that was just free: nothing listens there, so the connection is refused before any answer.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  await deliver(destination(`http://127.0.0.1:${port}/response/x`), [message('one')]);
  expect(fake.ok('chat.postEphemeral').map((c) => c.params.text)).toEqual(['one']);
  expect(logs.some((l) => l.message === 'slack response_url post failed')).toBe(true);
});
