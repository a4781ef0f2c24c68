/**
 * `npm start` (src/main.ts, as a separate process) with platform settings: it serves Slack's signed HTTP
 * requests instead of the console, and on SIGTERM it stops taking work, finishes a reply under way, reports
 * not-ready meanwhile, and exits 0 within the 10 s deadline.
 */
import path from 'node:path';
import { startApp, type AppProcess } from './helpers/appProcess';
import { FakeDiscord } from './helpers/discordFake';
import { chatInput } from './helpers/discordPayloads';
import { SlackFake } from './helpers/slackFake';
import { blockActionsBody, commandBody, postSigned, SIGNING_SECRET } from './helpers/slackRequests';
import { tempSqlite, type TempSqlite } from './helpers/tempStore';

const SLOW_REPLY_MS = 1_500;
const DEADLINE_MS = 10_000;

let db: TempSqlite;
let app: AppProcess | undefined;
beforeEach(() => {
  db = tempSqlite();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  db.cleanup();
});

const slackEnv = (fake: SlackFake) => ({ STORE_URL: db.url, PORT: '0', SLACK_BOT_TOKEN: 'xoxb-main-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });

describe('npm start with Slack configured', () => {
  let fake: SlackFake;
  beforeEach(async () => {
    fake = await SlackFake.start();
  });
  afterEach(() => fake.close());

  it('serves /mentor over signed HTTP and keeps the console closed', async () => {
    app = startApp({ source: path.join('src', 'main.ts') }, slackEnv(fake));
    const port = Number((await app.waitForLog((l) => l.message === 'slack app listening')).port);

    const { body, contentType } = commandBody({ text: 'next', responseUrl: fake.responseUrl('main-1') });
    const answer = await postSigned(`http://127.0.0.1:${port}/slack/events`, body, contentType);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Your next step') });
    const unsigned = await postSigned(`http://127.0.0.1:${port}/slack/events`, body, contentType, { signature: null });
    expect(unsigned.status).toBe(401);

    expect(app.stdout()).not.toContain('ML Engineer Mentor. Ask me anything');
    expect(app.stderr()).not.toContain('xoxb-main-test');
    expect(app.stderr()).not.toContain(SIGNING_SECRET);
  });

  it('SIGTERM during a slow reply: the reply is delivered, then the process exits 0 within the deadline', async () => {
    app = startApp({ source: path.join('src', 'main.ts') }, slackEnv(fake));
    const port = Number((await app.waitForLog((l) => l.message === 'slack app listening')).port);
    // A button press is acked at once and answered through its response_url, which the fake holds.
    fake.slowResponseUrl('slow-1', SLOW_REPLY_MS);
    const { body, contentType } = blockActionsBody({ actionId: 'mentor:next:0', responseUrl: fake.responseUrl('slow-1') });
    expect((await postSigned(`http://127.0.0.1:${port}/slack/events`, body, contentType)).status).toBe(200);
    await fake.waitFor(() => fake.postsTo('slow-1').length === 1);

    const signalledAt = performance.now();
    app.child.kill('SIGTERM');
    const exit = await app.exited;
    expect(exit.code).toBe(0);
    // It waited for the held answer, and no longer than the deadline.
    expect(exit.at - signalledAt).toBeGreaterThanOrEqual(SLOW_REPLY_MS - 200);
    expect(exit.at - signalledAt).toBeLessThan(DEADLINE_MS);
    expect(app.logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(app.logs.map((l) => l.message)).toContain('stopped');
  });
});

describe('npm start with Discord configured', () => {
  it('SIGTERM during a slow reply: not ready at once, the reply is delivered, exit 0 within the deadline', async () => {
    const fake = await FakeDiscord.start();
    try {
      app = startApp({ source: path.join('src', 'main.ts') }, { STORE_URL: db.url, HEALTH_PORT: '0', DISCORD_TOKEN: 'discord-main-token', DISCORD_API_URL: fake.apiUrl });
      await app.waitForLog((l) => l.message === 'ready');
      const healthPort = Number((await app.waitForLog((l) => l.message === 'health endpoints listening')).port);
      expect((await fetch(`http://127.0.0.1:${healthPort}/readyz`)).status).toBe(200);

      const interaction = chatInput('next');
      const callbackPath = new RegExp(`^/interactions/${interaction.id}/`);
      fake.slow('POST', callbackPath, SLOW_REPLY_MS);
      fake.dispatch('INTERACTION_CREATE', interaction);
      await fake.waitUntil(() => fake.callsTo('POST', callbackPath).length > 0 || undefined);

      const signalledAt = performance.now();
      app.child.kill('SIGTERM');
      await app.waitForLog((l) => l.message === 'shutting down');
      const duringShutdown = await fetch(`http://127.0.0.1:${healthPort}/readyz`);
      expect([duringShutdown.status, ((await duringShutdown.json()) as { checks: object }).checks]).toEqual([503, expect.objectContaining({ accepting: false })]);

      const exit = await app.exited;
      expect(exit.code).toBe(0);
      expect(exit.at - signalledAt).toBeGreaterThanOrEqual(SLOW_REPLY_MS - 200);
      expect(exit.at - signalledAt).toBeLessThan(DEADLINE_MS);
      const callback = fake.callsTo('POST', callbackPath)[0]!;
      expect(callback.status).toBe(204);
      expect(app.logs.filter((l) => l.level === 'error')).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
