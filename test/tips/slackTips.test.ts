/**
 * Daily tips end to end on Slack: `/mentor tips on` through the real Bolt app over signed HTTP subscribes
 * the channel in the asker's Slack timezone and announces it there; at its time the scheduler posts the tip
 * to the fake Slack Web API through the broadcast client, once; its buttons work when pressed.
 */
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/core/logger';
import { nextPostTime } from '../../src/core/tips/due';
import { SubscriptionStore } from '../../src/core/tips/subscriptionStore';
import { createTipsRunner } from '../../src/core/tips/tipsRunner';
import { createSlackTipSender } from '../../src/bots/slack/tipSender';
import { createTipScheduler, tipSchedulerOptions, type TipScheduler } from '../../src/scheduling/createTipScheduler';
import { SlackHarness } from '../helpers/slackHarness';

let harness: SlackHarness;
let scheduler: TipScheduler;

beforeEach(async () => {
  harness = await SlackHarness.start();
  harness.fake.timezones.set('U1', 'Asia/Kolkata');
  scheduler = createTipScheduler({
    options: tipSchedulerOptions(loadConfig({ STORE_URL: 'memory' })),
    store: harness.store,
    runner: createTipsRunner({ store: harness.store, knowledge: harness.mentor.deps.kb, logger: silentLogger }),
    senders: new Map([['slack', createSlackTipSender({ token: 'xoxb-test-token', apiUrl: harness.fake.apiUrl, logger: silentLogger })]]),
    logger: silentLogger,
  });
});
afterEach(async () => {
  await scheduler.stop();
  await harness.close();
});

type Block = { type: string; elements?: { type: string; action_id?: string; value?: string; text?: string | { text: string } }[]; text?: { text: string } };
const posts = () => harness.fake.ok('chat.postMessage').filter((c) => c.params.channel === 'C42');
const blocksOf = (params: Record<string, unknown>): Block[] => (typeof params.blocks === 'string' ? JSON.parse(params.blocks) : params.blocks) as Block[];

test('/mentor tips on in a channel: announced there, posted at its local time once, buttons working', async () => {
  const { ack } = await harness.command('tips on 09:30 daily', { userId: 'U1', channelId: 'C42' });
  // Announced in the channel (in_channel), at the asker's Slack timezone, which users.info gave.
  expect(ack?.response_type).toBe('in_channel');
  expect(JSON.stringify(ack)).toContain('Asia/Kolkata');
  expect(harness.fake.ok('users.info').map((c) => c.params.user)).toEqual(['U1']);

  const subscription = await new SubscriptionStore(harness.store, silentLogger).get('slack:channel:C42');
  expect(subscription).toMatchObject({ time: '09:30', timezone: 'Asia/Kolkata', weekdays: [1, 2, 3, 4, 5, 6, 7], target: 'C42' });
  const at = nextPostTime(subscription!, new Date())!;
  // 09:30 in Kolkata is 04:00 UTC.
  expect(at.getUTCHours() * 60 + at.getUTCMinutes()).toBe(4 * 60);

  await scheduler.tick(new Date(at.getTime() - 60_000));
  expect(posts()).toHaveLength(0);
  await scheduler.tick(new Date(at.getTime() + 60_000));
  await scheduler.tick(new Date(at.getTime() + 120_000));
  expect(posts()).toHaveLength(1);

  // The tip names its topic and its section, with the two buttons.
  const blocks = blocksOf(posts()[0]!.params);
  const text = JSON.stringify(blocks);
  expect(text).toContain('Rise of the ML Engineer');
  const buttons = blocks.flatMap((b) => (b.type === 'actions' ? b.elements ?? [] : []));
  const another = buttons.find((b) => /^mentor:tip:/.test(b.action_id ?? ''));
  const next = buttons.find((b) => /^mentor:next:/.test(b.action_id ?? ''));
  expect(another && next).toBeTruthy();

  // "Another tip" pressed on the channel's post: a tip is answered (public, as tips are).
  await harness.click({ actionId: another!.action_id!, value: another!.value, userId: 'U2', responseUrl: harness.fake.responseUrl('press1'), container: { type: 'message', channelId: 'C42' } });
  const [answer] = await harness.fake.waitFor(() => harness.fake.postsTo('press1').length > 0 && harness.fake.postsTo('press1'));
  expect(JSON.stringify(answer!.body)).toMatch(/Tip/);
  // "What should I learn next?": the presser's own next step, privately, the channel's post left as it was.
  await harness.click({ actionId: next!.action_id!, value: next!.value, userId: 'U2', responseUrl: harness.fake.responseUrl('press2'), container: { type: 'message', channelId: 'C42' } });
  const [step] = await harness.fake.waitFor(() => harness.fake.postsTo('press2').length > 0 && harness.fake.postsTo('press2'));
  expect(step!.body.response_type).toBe('ephemeral');
  expect(step!.body.replace_original).not.toBe(true);
  expect(JSON.stringify(step!.body)).toMatch(/next step/i);
  expect(harness.errors()).toEqual([]);
});

test('tips off stops the channel posts; bad input changes nothing and says how', async () => {
  await harness.command('tips on 08:00 UTC mon-fri', { userId: 'U1', channelId: 'C42' });
  const bad = await harness.command('tips on 25:00', { userId: 'U1', channelId: 'C42' });
  expect(bad.ack?.response_type).toBe('ephemeral');
  expect(JSON.stringify(bad.ack)).toMatch(/e\.g\.|example|for instance/i);
  const store = new SubscriptionStore(harness.store, silentLogger);
  expect((await store.get('slack:channel:C42'))?.time).toBe('08:00');

  const off = await harness.command('tips off', { userId: 'U3', channelId: 'C42' });
  expect(off.ack?.response_type).toBe('in_channel');
  expect(await store.get('slack:channel:C42')).toBeUndefined();
  await scheduler.tick(new Date(Date.now() + 7 * 24 * 3600_000));
  expect(posts()).toHaveLength(0);
});

test('"Daily tips" in App Home: personal tips in the person\'s timezone, posted to their DM', async () => {
  harness.fake.timezones.set('U7', 'Europe/Berlin');
  await harness.click({ actionId: 'mentor:tips:0', value: 'on', userId: 'U7', container: { type: 'view' } });
  const subscription = await new SubscriptionStore(harness.store, silentLogger).get('slack:person:U7');
  expect(subscription).toMatchObject({ audience: 'person', timezone: 'Europe/Berlin', time: '09:00', weekdays: [1, 2, 3, 4, 5] });
  const at = nextPostTime(subscription!, new Date())!;
  await scheduler.tick(new Date(at.getTime() + 60_000));
  const dm = harness.fake.ok('chat.postMessage').filter((c) => c.params.channel === 'DU7');
  // One confirmation from the home tab (answered in the DM), then the tip itself.
  expect(dm.map((c) => String(c.params.text))).toEqual([expect.stringMatching(/tips/i), expect.stringMatching(/tip/i)]);
  expect(JSON.stringify(blocksOf(dm[1]!.params))).toContain('Rise of the ML Engineer');
});
