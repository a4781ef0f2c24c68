/**
 * Real recorded Slack payloads replayed through the real Bolt app, aimed at the bot by rewriting only the
 * ids, the channel (to a DM) and the text: a DM with files and one with a thread broadcast are answered;
 * edits, deletions and bots' messages stay silent.
 */
import recorded from '../fixtures/real-payloads/slack-tattle-events.json';
import botMessage from '../fixtures/real-payloads/slack-bot-message.json';
import { SlackHarness } from '../helpers/slackHarness';

type Payload = { event: Record<string, unknown> };
const payloads = (recorded as { label: string; payload: Payload }[]).map((r) => r.payload);
const bySubtype = (subtype: string | undefined, withText = true) =>
  payloads.find((p) => p.event.subtype === subtype && (!withText || (typeof p.event.text === 'string' && p.event.text !== '')))!;

/** The recorded event as a DM from `user`: only ids, the channel and (optionally) the text change. */
function asDm(event: Record<string, unknown>, user: string, text?: string): Record<string, unknown> {
  const dm: Record<string, unknown> = { ...event, channel: `D${user}`, channel_type: 'im' };
  if ('user' in event) dm.user = user;
  if (text !== undefined) dm.text = text;
  delete dm.client_msg_id;
  return dm;
}

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});
const answersTo = (channel: string) => h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === channel);

test('a DM with an image and a question (file_share) is answered', async () => {
  await h.event(asDm(bySubtype('file_share').event, 'UFILE1', 'what is AutoML?'));
  expect(answersTo('DUFILE1').length).toBeGreaterThan(0);
  expect(h.errors()).toEqual([]);
});

test('a DM with several files and text (file_share, as recorded) is answered', async () => {
  const withFiles = payloads.filter((p) => p.event.subtype === 'file_share' && p.event.text);
  const many = withFiles.find((p) => (p.event.files as unknown[]).length > 1) ?? withFiles[0]!;
  await h.event(asDm(many.event, 'UFILE2'));
  expect(answersTo('DUFILE2').length).toBeGreaterThan(0);
});

test('a thread reply also sent to the conversation (thread_broadcast) is answered', async () => {
  const changed = payloads.find((p) => (p.event.message as { subtype?: string } | undefined)?.subtype === 'thread_broadcast')!;
  const broadcast = changed.event.message as Record<string, unknown>;
  await h.event(asDm(broadcast, 'UBCAST', 'what should I learn next?'));
  expect(answersTo('DUBCAST').length).toBeGreaterThan(0);
});

test('edits, deletions and bot messages stay silent', async () => {
  for (const [i, subtype] of (['message_changed', 'message_deleted'] as const).entries()) {
    await h.event(asDm(bySubtype(subtype, false).event, `USIL${i}`));
  }
  await h.event(asDm((botMessage as unknown as Payload).event, 'USILB'));
  expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  expect(h.errors()).toEqual([]);
});
