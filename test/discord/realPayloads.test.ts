/**
 * Real recorded Discord gateway payloads replayed through the real discord.js client against the fake
 * gateway, aimed at the bot as recordedDiscord.ts describes: a DM with an attachment and text, and a reply,
 * are answered; edits, system messages and bots' messages (its own included) stay silent; recorded slash
 * command and autocomplete interactions are answered.
 */
import { InteractionResponseType, MessageType } from 'discord.js';
import d4jMessage from '../fixtures/real-payloads/discord4j-gateway-MessageCreate.Type0.json';
import d4jReply from '../fixtures/real-payloads/discord4j-gateway-MessageCreate.Type19.json';
import d4jEditWithEmbeds from '../fixtures/real-payloads/discord4j-gateway-MessageUpdate.Embeds.json';
import d4jEdit from '../fixtures/real-payloads/discord4j-gateway-MessageUpdate.NoEmbeds.json';
import d4jV8Interaction from '../fixtures/real-payloads/discord4j-gateway-InteractionCreate.json';
import docsMessage from '../fixtures/real-payloads/discord-api-docs-example-message.json';
import docsAutocomplete from '../fixtures/real-payloads/discord-api-docs-autocomplete-interaction.json';
import fischl from '../fixtures/real-payloads/fischl-slash-command-interactions.json';
import ricochet from '../fixtures/real-payloads/ricochet-resolved-message-with-attachment.json';
import { FAKE_BOT_USER } from '../helpers/discordFake';
import { visibleText } from '../helpers/discordMessages';
import { dmChannelId, makeUser, type FakeUser } from '../helpers/discordPayloads';
import { payloadsThatCouldPing, startHarness, type Harness } from '../helpers/discordHarness';
import { asDirectMessage, asOurInteraction, mentorCommand, withMemberUserFrom } from '../helpers/recordedDiscord';

type Json = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
afterEach(() => {
  expect(payloadsThatCouldPing(h.fake.calls)).toEqual([]);
  expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
});

const postsTo = (user: FakeUser) => h.fake.callsTo('POST', new RegExp(`^/channels/${dmChannelId(user.id)}/messages$`)).filter((c) => c.status === 200);

/** Dispatches a DM and resolves with everything the bot posted in answer, once it is idle. */
async function answerTo(user: FakeUser, message: Json): Promise<string> {
  const before = postsTo(user).length;
  h.fake.dispatch('MESSAGE_CREATE', message);
  await h.fake.waitUntil(() => (postsTo(user).length > before ? true : undefined));
  await h.bot.whenIdle();
  return postsTo(user).slice(before).map((c) => visibleText(c.body)).join('\n');
}

/**
 * Dispatches events that must stay silent, then a plain DM from the same person: the gateway delivers in
 * order, so once that DM is answered the silent ones were handled. Returns the REST calls they caused.
 */
async function callsCausedBy(user: FakeUser, events: [string, Json][]): Promise<unknown[]> {
  const before = h.fake.calls.length;
  for (const [type, data] of events) h.fake.dispatch(type, data);
  await answerTo(user, asDirectMessage(d4jMessage.d, user, { content: 'hello' }));
  return h.fake.calls.slice(before, -1).map((c) => `${c.method} ${c.path}`);
}

test('a DM with an attachment and a question (recorded message with an attachment) is answered', async () => {
  const user = makeUser('330000000000000001');
  // The recorded test interpolates the file's name and title; the recorded content was empty.
  const attachments = ricochet.message.attachments.map((a) => JSON.parse(JSON.stringify(a).replaceAll('{$filename}', 'notes.txt').replaceAll('{$title}', 'notes')));
  const answer = await answerTo(user, asDirectMessage(ricochet.message, user, { attachments, content: 'what is AutoML?' }));
  expect(answer).toMatch(/AutoML/);
});

test('a recorded plain message and a reply (type 19) in DMs are answered', async () => {
  const user = makeUser('330000000000000002');
  expect(await answerTo(user, asDirectMessage(d4jMessage.d, user, { content: 'what is pytorch?' }))).toMatch(/PyTorch/);
  // A reply carries the person's own text ("cool." as recorded): it is a conversation turn, not a system message.
  expect(d4jReply.d.type).toBe(MessageType.Reply);
  expect(await answerTo(user, asDirectMessage(d4jReply.d, user))).not.toHaveLength(0);
});

test('edits of a DM (recorded MESSAGE_UPDATE, with and without embeds) stay silent', async () => {
  const user = makeUser('330000000000000003');
  const edits: [string, Json][] = [
    ['MESSAGE_UPDATE', asDirectMessage(d4jEdit.d, user)],
    ['MESSAGE_UPDATE', { ...asDirectMessage(d4jEditWithEmbeds.d, user), author: undefined }],
  ];
  expect(await callsCausedBy(user, edits)).toEqual([]);
});

test("bots' messages, the bot's own included, stay silent", async () => {
  const user = makeUser('330000000000000004');
  // The recorded reply quotes a message of another bot (Reacton, `bot: true`).
  const otherBot = asDirectMessage(d4jReply.d.referenced_message, user, { author: d4jReply.d.referenced_message.author, content: 'what is pytorch?' });
  const own = asDirectMessage(docsMessage, user, { author: FAKE_BOT_USER, content: 'what is pytorch?' });
  expect(await callsCausedBy(user, [['MESSAGE_CREATE', otherBot], ['MESSAGE_CREATE', own]])).toEqual([]);
});

test('system messages in a DM (pins, renames, calls) stay silent, even when they carry text', async () => {
  const user = makeUser('330000000000000005');
  // No public recording of a system message was found: the documented example message with a system type.
  const systemTypes = [MessageType.ChannelPinnedMessage, MessageType.ChannelNameChange, MessageType.Call, MessageType.RecipientAdd];
  const events = systemTypes.map((type): [string, Json] => ['MESSAGE_CREATE', asDirectMessage(docsMessage, user, { type, content: 'what is pytorch?' })]);
  expect(await callsCausedBy(user, events)).toEqual([]);
});

test('a recorded slash-command interaction in DMs is answered', async () => {
  const { callback } = await h.interact(asOurInteraction(fischl.dm, mentorCommand('ask', [{ name: 'question', value: 'what is AutoML?' }])));
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(visibleText(callback.body.data)).toMatch(/AutoML/);
});

test('a recorded slash-command interaction in a server channel is answered', async () => {
  const guild = withMemberUserFrom(fischl.guild, fischl.dm);
  const { callback } = await h.interact(asOurInteraction(guild, mentorCommand('next')));
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(visibleText(callback.body.data)).toMatch(/next step/i);
});

test('a documented autocomplete interaction inside the recorded envelope gets its choices', async () => {
  const data = { ...docsAutocomplete.data, ...mentorCommand('done', [{ name: 'topic', value: 'pyto', focused: true }]) };
  const { callback } = await h.interact(asOurInteraction(fischl.dm, data, docsAutocomplete.type));
  expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
  expect(JSON.stringify(callback.body.data.choices)).toMatch(/PyTorch/i);
});

test('a recorded API v8 interaction (no command type) is dropped by discord.js without harm, and the bot keeps answering', async () => {
  const user = makeUser('330000000000000006');
  expect(await callsCausedBy(user, [['INTERACTION_CREATE', d4jV8Interaction.d]])).toEqual([]);
});
