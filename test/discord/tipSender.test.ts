/**
 * The Discord tip sender against a fake Discord REST server on 127.0.0.1: posts land in the channel (or
 * the DM it opens) with their buttons and without pings; refusals that will not change are reported as
 * outcomes, not retried; a 429 is waited out and the tip posted once.
 */
import { silentLogger } from '../../src/core/logger';
import { reply } from '../../src/core/reply';
import { DiscordTipSender } from '../../src/bots/discord/tipSender';
import { discordError, FakeDiscord, rateLimit } from '../helpers/discordFake';
import { subscriptionFor } from '../helpers/tipSubscriptions';

let fake: FakeDiscord;
let sender: DiscordTipSender;

beforeEach(async () => {
  fake = await FakeDiscord.start();
  sender = new DiscordTipSender({ token: 'test-token', apiUrl: fake.apiUrl, logger: silentLogger });
});
afterEach(() => fake.close());

const subscription = (audience: 'channel' | 'person', target: string) => subscriptionFor('discord', audience, target, { userId: '42' });

const tip = reply(
  [
    { type: 'heading', text: 'Tip: PyTorch' },
    { type: 'text', text: 'Try it @everyone' },
    { type: 'buttons', buttons: [{ label: 'Another tip', actionId: 'tip', value: '' }] },
  ],
  'public',
);

test('a channel tip is posted to the channel with its button and no pings', async () => {
  await expect(sender.send(subscription('channel', '111'), tip)).resolves.toEqual({ kind: 'sent' });
  const [post] = fake.callsTo('POST', /^\/channels\/111\/messages$/);
  expect(post!.body.allowed_mentions).toEqual({ parse: [] });
  expect(JSON.stringify(post!.body.embeds)).toContain('Try it');
  expect(post!.body.components[0].components[0].label).toBe('Another tip');
});

test('a personal tip opens the DM first, then posts there', async () => {
  await expect(sender.send(subscription('person', '42'), tip)).resolves.toEqual({ kind: 'sent' });
  const open = fake.callsTo('POST', /^\/users\/@me\/channels$/);
  expect(open.map((c) => c.body.recipient_id)).toEqual(['42']);
  expect(fake.callsTo('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
});

test.each([
  [10003, 'Unknown Channel', 404],
  [50001, 'Missing Access', 403],
  [50013, 'Missing Permissions', 403],
])('%s %s turns the channel off, tried once', async (code, message, status) => {
  fake.inject({ method: 'POST', path: /^\/channels\/222\/messages$/, ...discordError(code, message, status) });
  const outcome = await sender.send(subscription('channel', '222'), tip);
  expect(outcome).toMatchObject({ kind: 'gone' });
  expect(fake.callsTo('POST', /^\/channels\/222\/messages$/)).toHaveLength(1);
});

test('50007 (DMs closed) pauses the person instead of retrying', async () => {
  fake.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, ...discordError(50007, 'Cannot send messages to this user', 403) });
  await expect(sender.send(subscription('person', '43'), tip)).resolves.toMatchObject({ kind: 'dm-closed' });
  expect(fake.callsTo('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
});

test('a 429 is waited out and the tip posted exactly once', async () => {
  fake.inject({ method: 'POST', path: /^\/channels\/333\/messages$/, ...rateLimit(0.2) });
  await expect(sender.send(subscription('channel', '333'), tip)).resolves.toEqual({ kind: 'sent' });
  const calls = fake.callsTo('POST', /^\/channels\/333\/messages$/);
  expect(calls.map((c) => c.status)).toEqual([429, 200]);
});

test('another refusal (invalid form body) throws, so the job is retried later', async () => {
  fake.inject({ method: 'POST', path: /^\/channels\/444\/messages$/, ...discordError(50035, 'Invalid Form Body', 400) });
  await expect(sender.send(subscription('channel', '444'), tip)).rejects.toThrow(/Invalid Form Body/);
});
