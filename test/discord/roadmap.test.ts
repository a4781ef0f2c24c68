/**
 * The roadmap picture on Discord, end to end (real discord.js, real core, the fake Discord): after the
 * text answer, a message whose embed shows the attached PNG (attachment://roadmap.png) with the alt text
 * as its description, as private as the answer; in DMs, the same after the text; a refused file leaves
 * the text, is logged, and nothing is sent twice.
 */
import { InteractionResponseType } from 'discord.js';
import { discordError, type RecordedCall } from '../helpers/discordFake';
import { chatInput, directMessage, dmChannelId, makeUser } from '../helpers/discordPayloads';
import { EPHEMERAL, payloadsThatCouldPing, startHarness, type Harness } from '../helpers/discordHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function expectPicture(call: RecordedCall): void {
  expect(call.files).toHaveLength(1);
  const [file] = call.files!;
  expect(file!.filename).toBe('roadmap.png');
  expect(file!.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(call.body.embeds[0].image.url).toBe('attachment://roadmap.png');
  expect(call.body.attachments[0]).toMatchObject({ id: '0' });
  expect(call.body.attachments[0].description).toMatch(/^Picture of your path to ML engineer: \d+ of 26 topics done\./);
  expect(call.body.allowed_mentions).toEqual({ parse: [] });
}

test('/mentor path: the text answer, then a private follow-up whose embed shows the attached picture', async () => {
  const payload = chatInput('path', [], { guild: true });
  const { callback } = await h.interact(payload);
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(JSON.stringify(callback.body.data)).toContain('Your path to ML engineer');
  expect(callback.files ?? []).toEqual([]);
  const followUp = await h.fake.waitForCall((c) => c.method === 'POST' && c.path.endsWith(`/${payload.token}`) && c.status < 300);
  expectPicture(followUp);
  expect(followUp.body.flags).toBe(EPHEMERAL);
  await h.bot.whenIdle();
  expect(h.callsFor(payload.token).filter((c) => c.method === 'POST')).toHaveLength(2);
  expect(payloadsThatCouldPing(h.fake.calls)).toEqual([]);
});

test('a DM asking for the path gets the text, then the picture, in the DM', async () => {
  const user = makeUser('330000000000000001');
  const posts = () => h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${dmChannelId(user.id)}/messages` && c.status === 200);
  h.fake.dispatch('MESSAGE_CREATE', directMessage('show me my path', user));
  await h.fake.waitUntil(() => (posts().length >= 2 ? true : undefined));
  await h.bot.whenIdle();
  const [text, picture] = posts();
  expect(JSON.stringify(text!.body)).toContain('Your path to ML engineer');
  expect(text!.files).toBeUndefined();
  expectPicture(picture!);
  expect(posts()).toHaveLength(2);
});

test('a refused file (missing permission) still leaves the text answer, logs it, and sends nothing again', async () => {
  const payload = chatInput('path', [], { guild: true, user: makeUser('330000000000000002') });
  h.fake.inject({ method: 'POST', path: new RegExp(`/webhooks/\\d+/${payload.token}$`), ...discordError(50013, 'Missing Permissions', 403) });
  const { callback } = await h.interact(payload);
  expect(JSON.stringify(callback.body.data)).toContain('Your path to ML engineer');
  await h.fake.waitUntil(() => (h.logs.find((l) => l.message.includes('could not send the roadmap picture')) ? true : undefined));
  await h.bot.whenIdle();
  const posts = h.callsFor(payload.token).filter((c) => c.method === 'POST');
  expect(posts.map((c) => c.status)).toEqual([200, 403].map((s, i) => (i === 0 ? posts[0]!.status : s)));
  expect(posts).toHaveLength(2);
  expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
});

test('answers without a picture attach nothing', async () => {
  const payload = chatInput('next', [], { guild: true, user: makeUser('330000000000000003') });
  await h.interact(payload);
  await h.bot.whenIdle();
  expect(h.callsFor(payload.token).filter((c) => c.files !== undefined)).toEqual([]);
});
