/** Starting and stopping: bad configuration fails fast and clearly; stop() finishes answers under way. */
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/core/logger';
import { createMentor } from '../../src/core/mentor';
import { createState } from '../../src/storage/createState';
import { createSlackApp } from '../../src/bots/slack/app';
import { SlackFake } from '../helpers/slackFake';
import { gate } from '../helpers/slackGate';
import { SlackHarness } from '../helpers/slackHarness';
import { SIGNING_SECRET } from '../helpers/slackRequests';

test('configuration errors are reported before anything starts', async () => {
  const store = createState('memory');
  const mentor = createMentor({ store });
  const build = (env: Record<string, string>) => () => createSlackApp({ config: loadConfig({ STORE_URL: 'memory', ...env }), mentor, store, logger: silentLogger });
  expect(build({ SLACK_SIGNING_SECRET: 's' })).toThrow('SLACK_BOT_TOKEN is required');
  expect(build({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow('SLACK_SIGNING_SECRET is required');
  expect(build({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).not.toThrow();
  await store.disconnect();
});

test('a token Slack refuses fails start() with the Slack error, and there is nothing to stop', async () => {
  const fake = await SlackFake.start();
  const store = createState('memory');
  try {
    fake.failApi('auth.test', { error: 'invalid_auth' });
    const config = loadConfig({ STORE_URL: 'memory', SLACK_BOT_TOKEN: 'xoxb-bad', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    const slack = createSlackApp({ config, mentor: createMentor({ store }), store, logger: silentLogger });
    await expect(slack.start(0, '127.0.0.1')).rejects.toThrow(/invalid_auth/);
    await expect(slack.stop()).resolves.toBeUndefined();
  } finally {
    await fake.close();
    await store.disconnect();
  }
});

test('GET /healthz and /readyz answer on the Slack port (for load balancers), other paths 404', async () => {
  const h = await SlackHarness.start();
  try {
    const alive = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'));
    expect([alive.status, await alive.json()]).toEqual([200, { alive: true }]);
    const ready = await fetch(h.eventsUrl.replace('/slack/events', '/readyz'));
    expect([ready.status, await ready.json()]).toEqual([200, { ready: true, checks: { accepting: true, store: true, slack: true } }]);
    const other = await fetch(h.eventsUrl.replace('/slack/events', '/nope'));
    expect(other.status).toBe(404);
  } finally {
    await h.close();
  }
});

test('stop() lets an answer under way finish before it resolves', async () => {
  const held = gate();
  const h = await SlackHarness.start({ wrapMentor: held.wrap, ackDeadlineMs: 100 });
  try {
    const result = await h.command('next');
    expect(result.text).toBe('');
    let stopped = false;
    const stopping = h.slack.stop().then(() => (stopped = true));
    // However long this lasts, stop() cannot be done while the answer is held (only a broken stop could).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([stopped, h.fake.postsTo(result.responseId).length]).toEqual([false, 0]);
    held.release();
    await stopping;
    expect(h.fake.postsTo(result.responseId)).toHaveLength(1);
  } finally {
    held.release();
    await h.close();
  }
});
