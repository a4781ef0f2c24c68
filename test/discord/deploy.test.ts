/**
 * `npm run discord:deploy` against the fake Discord REST: valid definitions are PUT to the guild or global
 * route with the bot token; invalid ones and missing settings are refused before anything is sent.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApplicationCommandOptionType } from 'discord.js';
import { buildCommandDefinitions, CommandDefinitionError, findCommandDefinitionProblems } from '../../src/bots/discord/commands';
import { DeployError, deployDiscordCommands } from '../../src/bots/discord/deploy';
import { FakeDiscord, FAKE_APP_ID } from '../helpers/discordFake';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(() => fake.close());

const GUILD = '400000000000000001';
const env = (extra: Record<string, string> = {}) => ({
  DISCORD_TOKEN: 'deploy-token',
  DISCORD_APPLICATION_ID: FAKE_APP_ID,
  DISCORD_API_URL: fake.apiUrl,
  STORE_URL: 'memory',
  ...extra,
});
const puts = () => fake.calls.filter((c) => c.method === 'PUT');

test('with DISCORD_GUILD_ID the definitions go to that guild, valid and complete', async () => {
  const before = puts().length;
  const result = await deployDiscordCommands({ env: env({ DISCORD_GUILD_ID: GUILD }) });
  expect(result).toMatchObject({ scope: 'guild', commands: ['mentor'] });
  const put = puts().slice(before);
  expect(put).toHaveLength(1);
  expect(put[0]!.path).toBe(`/applications/${FAKE_APP_ID}/guilds/${GUILD}/commands`);
  expect(put[0]!.body).toEqual(buildCommandDefinitions());
  expect(findCommandDefinitionProblems(put[0]!.body)).toEqual([]);
});

test('without it they are global', async () => {
  const before = puts().length;
  await expect(deployDiscordCommands({ env: env() })).resolves.toMatchObject({ scope: 'global' });
  expect(puts().slice(before).map((c) => c.path)).toEqual([`/applications/${FAKE_APP_ID}/commands`]);
});

test('an invalid definition (26 options, a bad name) is refused and nothing is sent', async () => {
  const [mentor] = buildCommandDefinitions();
  const broken = { ...mentor!, name: 'Mentor Bot' };
  (broken.options![0] as { options: unknown[] }).options = Array.from({ length: 26 }, (_, i) => ({
    type: ApplicationCommandOptionType.String,
    name: `o${i}`,
    description: 'd',
  }));
  const before = fake.calls.length;
  const attempt = deployDiscordCommands({ env: env(), definitions: [broken] });
  await expect(attempt).rejects.toThrow(CommandDefinitionError);
  await expect(attempt).rejects.toThrow(/has 26 options; Discord allows at most 25/);
  await expect(attempt).rejects.toThrow(/name "Mentor Bot" must be 1-32 characters/);
  expect(fake.calls.length).toBe(before);
});

test.each([
  [{ DISCORD_TOKEN: '' }, /Missing DISCORD_TOKEN/],
  [{ DISCORD_APPLICATION_ID: '' }, /Missing DISCORD_APPLICATION_ID/],
  [{ DISCORD_APPLICATION_ID: 'my-app' }, /numeric application id/],
  [{ DISCORD_GUILD_ID: 'general' }, /numeric server id/],
])('a missing or malformed setting %j is refused before any request', async (override, message) => {
  const before = fake.calls.length;
  await expect(deployDiscordCommands({ env: env(override) })).rejects.toThrow(DeployError);
  await expect(deployDiscordCommands({ env: env(override) })).rejects.toThrow(message);
  expect(fake.calls.length).toBe(before);
});

test('a token Discord rejects surfaces as an error', async () => {
  fake.inject({ method: 'PUT', path: /commands$/, status: 401, body: { message: '401: Unauthorized', code: 0 } });
  await expect(deployDiscordCommands({ env: env() })).rejects.toThrow(/Unauthorized/);
});

describe('the npm script', () => {
  const run = promisify(execFile);
  const root = path.resolve(__dirname, '../..');
  const cli = (extra: Record<string, string>) =>
    run(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'src/bots/discord/deploy.ts')], {
      // Run from an empty folder with a clean environment, so a developer's .env or shell tokens cannot leak in.
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extra },
    });

  test('exits 0 and reports what it deployed', async () => {
    const before = puts().length;
    const { stdout } = await cli(env({ DISCORD_GUILD_ID: GUILD }));
    expect(stdout).toMatch(/Deployed \/mentor \(14 subcommands\) to the guild/);
    expect(puts().length).toBe(before + 1);
  }, 20_000);

  test('exits non-zero with a clear message when the token is missing', async () => {
    const failure = cli({ ...env(), DISCORD_TOKEN: '' });
    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^Missing DISCORD_TOKEN: set it in the environment or \.env/) });
  }, 20_000);
});
