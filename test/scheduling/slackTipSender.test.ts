import { createLogger } from '../../src/core/logger';
import { reply } from '../../src/core/reply';
import { createSlackTipSender } from '../../src/bots/slack/tipSender';
import { SlackFake } from '../helpers/slackFake';
import { subscriptionFor } from '../helpers/tipSubscriptions';

const logger = createLogger('silent');
const subscription = (audience: 'channel' | 'person', target: string) => subscriptionFor('slack', audience, target);
const tip = reply([{ type: 'heading', text: 'Tip of the day' }, { type: 'text', text: 'Learn <one> framework & ship.' }], 'public');

describe('the Slack TipSender', () => {
  let fake: SlackFake;
  beforeEach(async () => (fake = await SlackFake.start()));
  afterEach(() => fake.close());
  const sender = () => createSlackTipSender({ token: 'xoxb-tips', apiUrl: fake.apiUrl, logger, retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20 } });

  it('posts the rendered tip to a channel, escaped like every answer, with its own token', async () => {
    await expect(sender().send(subscription('channel', 'C1'), tip)).resolves.toEqual({ kind: 'sent' });
    const [post] = fake.ok('chat.postMessage');
    expect(post!.params.channel).toBe('C1');
    expect(post!.authorization).toBe('Bearer xoxb-tips');
    expect(JSON.stringify(post!.params.blocks)).toContain('&lt;one&gt; framework &amp; ship');
  });

  it("opens the person's DM, then posts there", async () => {
    await expect(sender().send(subscription('person', 'U42'), tip)).resolves.toEqual({ kind: 'sent' });
    expect(fake.ok('conversations.open')[0]!.params.users).toBe('U42');
    expect(fake.ok('chat.postMessage')[0]!.params.channel).toBe('DU42');
  });

  it('waits out a 429 as Retry-After says and posts once', async () => {
    fake.failApi('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await expect(sender().send(subscription('channel', 'C2'), tip)).resolves.toEqual({ kind: 'sent' });
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(fake.ok('chat.postMessage')).toHaveLength(1);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived'])('answers gone for %s', async (error) => {
    fake.failApi('chat.postMessage', { error });
    await expect(sender().send(subscription('channel', 'C3'), tip)).resolves.toEqual({ kind: 'gone', reason: error });
  });

  it.each(['account_inactive', 'invalid_auth', 'token_revoked'])("throws on %s (the bot's token, not the channel): retried, the subscription stays", async (error) => {
    fake.failApi('chat.postMessage', { error });
    await expect(sender().send(subscription('channel', 'C5'), tip)).rejects.toThrow(error);
  });

  it('throws on other errors, so the scheduler retries', async () => {
    fake.failApi('chat.postMessage', { error: 'internal_error' });
    await expect(sender().send(subscription('channel', 'C4'), tip)).rejects.toThrow(/internal_error/);
    fake.failApi('chat.postMessage', { status: 500 }, 3);
    await expect(sender().send(subscription('channel', 'C4'), tip)).rejects.toThrow();
  });
});
