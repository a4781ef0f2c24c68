/**
 * Daily tips end to end on Discord: `/mentor tips on` through the real discord.js client against the fake
 * Discord subscribes the channel (only for members who may manage it) and says so in the channel; at its
 * time the scheduler posts the tip over its own REST client, once, with buttons that work when pressed.
 */
import { InteractionResponseType } from 'discord.js';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/core/logger';
import { SubscriptionStore } from '../../src/core/tips/subscriptionStore';
import { createTipsRunner } from '../../src/core/tips/tipsRunner';
import type { Mentor } from '../../src/core/mentor';
import { DiscordTipSender } from '../../src/bots/discord/tipSender';
import { createTipScheduler, tipSchedulerOptions, type TipScheduler } from '../../src/scheduling/createTipScheduler';
import { EPHEMERAL, payloadsThatCouldPing, startHarness, type Harness } from '../helpers/discordHarness';
import { buttonPress, chatInput, GUILD_CHANNEL_ID } from '../helpers/discordPayloads';

let h: Harness;
let scheduler: TipScheduler;

beforeEach(async () => {
  h = await startHarness();
  scheduler = createTipScheduler({
    options: tipSchedulerOptions(loadConfig({ STORE_URL: 'memory' })),
    store: h.store,
    runner: createTipsRunner({ store: h.store, knowledge: (h.mentor as Mentor).deps.kb, logger: silentLogger }),
    senders: new Map([['discord', new DiscordTipSender({ token: 'fake-token', apiUrl: h.fake.apiUrl, logger: silentLogger })]]),
    logger: silentLogger,
  });
});
afterEach(async () => {
  await scheduler.stop();
  await h.stop();
});

const channelPosts = () => h.fake.callsTo('POST', new RegExp(`^/channels/${GUILD_CHANNEL_ID}/messages$`)).filter((c) => c.status < 300);
const settings = (value: string) => [{ name: 'settings', value }];

test('a member who may not manage the channel is refused; nothing is subscribed', async () => {
  const { callback } = await h.interact(chatInput('tips', settings('on 11:00 UTC mon-fri'), { guild: true }));
  expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(callback.body.data.content ?? JSON.stringify(callback.body.data.embeds)).toMatch(/manage/i);
  expect(await new SubscriptionStore(h.store, silentLogger).get(`discord:channel:${GUILD_CHANNEL_ID}`)).toBeUndefined();
});

test('/mentor tips on by a channel manager: said in the channel, posted at its time once, buttons working', async () => {
  // The harness's mentor lives on Thursday 2026-01-15 10:00 UTC.
  const { callback } = await h.interact(chatInput('tips', settings('on 11:00 UTC mon-fri'), { guild: true, managesChannel: true }));
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(callback.body.data.flags ?? 0).toBe(0);

  await scheduler.tick(new Date('2026-01-15T10:59:00Z'));
  expect(channelPosts()).toHaveLength(0);
  await scheduler.tick(new Date('2026-01-15T11:01:00Z'));
  await scheduler.tick(new Date('2026-01-15T11:02:00Z'));
  expect(channelPosts()).toHaveLength(1);
  const post = channelPosts()[0]!.body as { embeds: unknown[]; components: { components: { custom_id: string }[] }[] };
  expect(JSON.stringify(post.embeds)).toContain('Rise of the ML Engineer');
  const customIds = post.components.flatMap((row) => row.components.map((c) => c.custom_id));
  const another = customIds.find((id) => id.includes('|tip|'));
  const next = customIds.find((id) => id.includes('|next|'));
  expect(another && next).toBeTruthy();
  expect(payloadsThatCouldPing(h.fake.calls)).toEqual([]);

  // "Another tip" on the channel's post: answered (tips are public), the post itself left as it was.
  const pressed = await h.interact(buttonPress(another!, { guild: true }));
  expect(pressed.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(JSON.stringify(pressed.callback.body.data)).toMatch(/Tip/);
  // "What should I learn next?": the presser's own next step, privately.
  const step = await h.interact(buttonPress(next!, { guild: true }));
  expect(step.callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(JSON.stringify(step.callback.body.data)).toMatch(/next step/i);
  // Friday's post goes out too; the weekend's do not (mon-fri).
  await scheduler.tick(new Date('2026-01-16T11:01:00Z'));
  await scheduler.tick(new Date('2026-01-17T11:01:00Z'));
  expect(channelPosts()).toHaveLength(2);
});
