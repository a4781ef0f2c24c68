/**
 * Replayed from a real recording: an INTERACTION_CREATE without `authorizing_integration_owners` makes
 * discord.js 14.28 throw inside its gateway handler, which used to end the whole process. Now the app (a
 * real process, Slack running beside Discord) logs it with its stack, skips it and answers the next one.
 */
import path from 'node:path';
import { startApp, type AppProcess } from '../helpers/appProcess';
import { FakeDiscord } from '../helpers/discordFake';
import { chatInput } from '../helpers/discordPayloads';
import { SlackFake } from '../helpers/slackFake';
import { commandBody, postSigned, SIGNING_SECRET } from '../helpers/slackRequests';

let app: AppProcess | undefined;
afterEach(async () => {
  await app?.stop();
});

test('a payload that makes discord.js throw is logged and skipped; Discord and Slack keep answering', async () => {
  const discord = await FakeDiscord.start();
  const slack = await SlackFake.start();
  try {
    app = startApp(
      { source: path.join('src', 'main.ts') },
      { STORE_URL: 'memory', PORT: '0', SLACK_BOT_TOKEN: 'xoxb-crash-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, DISCORD_TOKEN: 'discord-crash-token', DISCORD_API_URL: discord.apiUrl },
    );
    const slackPort = Number((await app.waitForLog((l) => l.message === 'slack app listening')).port);
    await app.waitForLog((l) => l.message === 'ready');

    const malformed: Record<string, unknown> = { ...chatInput('next') };
    delete malformed.authorizing_integration_owners;
    discord.dispatch('INTERACTION_CREATE', malformed);
    const logged = await app.waitForLog((l) => l.message === 'discord: gateway payload made discord.js throw; event skipped');
    expect(logged).toMatchObject({ level: 'error', event: 'INTERACTION_CREATE', id: malformed.id });
    expect((logged.error as { stack: string }).stack).toMatch(/\n\s+at .*discord\.js/);

    const valid = chatInput('next');
    discord.dispatch('INTERACTION_CREATE', valid);
    const callback = await discord.waitForCall((c) => c.path === `/interactions/${valid.id}/${valid.token}/callback`);
    expect(callback.status).toBe(204);

    const { body, contentType } = commandBody({ text: 'next', responseUrl: slack.responseUrl('after-crash') });
    expect((await postSigned(`http://127.0.0.1:${slackPort}/slack/events`, body, contentType)).status).toBe(200);
    expect(app.child.exitCode).toBeNull();
  } finally {
    await app?.stop();
    await discord.close();
    await slack.close();
  }
});
