/**
 * Socket Mode (SLACK_APP_TOKEN set): the same app over a WebSocket from apps.connections.open, against the
 * fake's Socket Mode endpoint. Commands are answered in the envelope ack; retried events are deduped.
 */
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/core/logger';
import { createMentor } from '../../src/core/mentor';
import { createState } from '../../src/storage/createState';
import { createSlackApp, type SlackApp } from '../../src/bots/slack/app';
import type { SlackMessage } from '../../src/bots/slack/render';
import { visibleText } from '../helpers/slackBlocks';
import { SlackFake } from '../helpers/slackFake';
import { dmEvent } from '../helpers/slackRequests';

let fake: SlackFake;
let slack: SlackApp;
let store: ReturnType<typeof createState>;
const logs: { level: string; message: string }[] = [];

beforeEach(async () => {
  fake = await SlackFake.start();
  store = createState('memory');
  const logger = createLogger('debug', (l) => logs.push(JSON.parse(l) as { level: string; message: string }));
  const config = loadConfig({ STORE_URL: 'memory', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_API_URL: fake.apiUrl });
  slack = createSlackApp({ config, mentor: createMentor({ store, logger }), store, logger });
  expect(await slack.start(0)).toBeUndefined();
});

afterEach(async () => {
  await slack.stop();
  await fake.close();
  await store.disconnect();
});

test('connects with the app-level token to the URL from apps.connections.open', async () => {
  const open = fake.ok('apps.connections.open');
  expect(open).toHaveLength(1);
  expect(open[0]!.authorization).toBe('Bearer xapp-test-token');
  expect(fake.socketClients).toBe(1);
});

test('a slash command is answered in the envelope acknowledgement', async () => {
  const ack = await fake.sendEnvelope('slash_commands', {
    token: 't', team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/mentor', text: 'next', api_app_id: 'A1',
    response_url: fake.responseUrl('socket-1'), trigger_id: 'trigger-socket-1',
  });
  expect(ack.response_type).toBe('ephemeral');
  expect(visibleText(ack as unknown as SlackMessage)).toMatch(/Your next step: /);
});

test('a DM event is answered once, even when Slack retries it over the socket', async () => {
  const payload = { type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: 'EvSocket1', event_time: 1, event: dmEvent('what should I learn next?', 'U2') };
  await fake.sendEnvelope('events_api', payload);
  await slack.whenIdle();
  await fake.sendEnvelope('events_api', payload, { retry_attempt: 1, retry_reason: 'timeout' });
  await slack.whenIdle();
  expect(fake.ok('chat.postMessage')).toHaveLength(1);
  expect(logs.some((l) => l.message === 'slack duplicate delivery ignored')).toBe(true);
});
