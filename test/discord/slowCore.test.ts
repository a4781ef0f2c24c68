/**
 * A core slower than Discord's 3 s interaction deadline (the real core behind a 3.2 s delay): every kind
 * of interaction is acknowledged in time with a defer, and the answer then replaces the placeholder.
 * The cases run concurrently so the file takes one delay, not five.
 */
import { InteractionResponseType } from 'discord.js';
import type { MentorService } from '../../src/core/request';
import { encodeCustomId } from '../../src/bots/discord/customId';
import { visibleText } from '../helpers/discordMessages';
import { buttonPress, chatInput, directMessage, dmChannelId, makeUser } from '../helpers/discordPayloads';
import { EPHEMERAL, payloadsThatCouldPing, sleep, startHarness, type Harness } from '../helpers/discordHarness';
import type { RecordedCall } from '../helpers/discordFake';

const DELAY_MS = 3200;
const DISCORD_DEADLINE_MS = 3000;

function slow(real: MentorService): MentorService {
  return {
    suggestTopics: (q, limit) => real.suggestTopics(q, limit),
    async handle(request) {
      await sleep(DELAY_MS);
      if (request.kind === 'command' && request.text === 'explode') throw new Error('slow core exploded');
      return real.handle(request);
    },
  };
}

let h: Harness;
beforeAll(async () => {
  // The production default deadline (2 s): this proves the shipped setting, not a test-only one.
  h = await startHarness({ wrapMentor: slow });
});
afterAll(() => h.stop());

const edit = (token: string) => (c: RecordedCall) => c.method === 'PATCH' && c.path.endsWith(`/${token}/messages/@original`);

test('slow answers are deferred within 3 s and delivered afterwards, for every kind of interaction', async () => {
  const command = chatInput('next');
  const shared = chatInput('tip', [], { guild: true });
  const press = buttonPress(encodeCustomId('tip', '')!, { guild: true, ephemeral: true });
  const failing = chatInput('done', [{ name: 'topic', value: 'explode' }]);
  // Shared, so deferred in public, but the answer is a private refusal (unknown topic).
  const sharedRefusal = chatInput('done', [{ name: 'topic', value: 'basket weaving' }, { name: 'share', value: true }], { guild: true });
  // A press the core refuses: deferred as an in-place update, but the pressed message must stay as it was.
  const refusedPress = buttonPress(encodeCustomId('done', 'basket weaving')!, { guild: true, ephemeral: true });
  const dmUser = makeUser('340000000000000001');
  h.fake.dispatch('MESSAGE_CREATE', directMessage('what is automl?', dmUser));

  const [c, s, b, f, r, rp] = await Promise.all([
    h.interact(command),
    h.interact(shared),
    h.interact(press),
    h.interact(failing),
    h.interact(sharedRefusal),
    h.interact(refusedPress),
  ]);

  // Acknowledged in time, with the visibility the answer will have.
  for (const { callback, sentAt } of [c, s, b, f, r, rp]) expect(callback.at - sentAt).toBeLessThan(DISCORD_DEADLINE_MS);
  expect(rp.callback.body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
  expect(c.callback.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: EPHEMERAL } });
  expect(s.callback.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: 0 } });
  expect(b.callback.body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
  expect(r.callback.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: 0 } });

  // Then the real answers replace the placeholders (or the button's message).
  const [commandEdit, sharedEdit, buttonEdit, failureEdit] = await Promise.all([
    h.fake.waitForCall(edit(command.token), 10_000),
    h.fake.waitForCall(edit(shared.token), 10_000),
    h.fake.waitForCall(edit(press.token), 10_000),
    h.fake.waitForCall(edit(failing.token), 10_000),
  ]);
  expect(commandEdit.at - c.sentAt).toBeGreaterThanOrEqual(DELAY_MS - 50);
  expect(visibleText(commandEdit.body)).toMatch(/next step/i);
  expect(visibleText(sharedEdit.body)).toMatch(/Tip/);
  expect(visibleText(buttonEdit.body)).toMatch(/Tip/);
  expect(visibleText(failureEdit.body)).toMatch(/something went wrong/i);

  // The DM shows a typing indicator while the answer is slow, then the answer.
  const typing = await h.fake.waitForCall((x) => x.path === `/channels/${dmChannelId(dmUser.id)}/typing`, 10_000);
  const dm = await h.fake.waitForCall((x) => x.path === `/channels/${dmChannelId(dmUser.id)}/messages`, 10_000);
  expect(typing.at).toBeLessThan(dm.at);
  expect(visibleText(dm.body)).toMatch(/AutoML/);

  // The refusal must not be shown to the channel: the public placeholder is deleted, the answer sent privately.
  const privateFollowUp = await h.fake.waitForCall((x) => x.method === 'POST' && x.path.endsWith(`/${sharedRefusal.token}`), 10_000);
  expect(h.callsFor(sharedRefusal.token).find((x) => x.method === 'DELETE')?.path).toMatch(/messages\/@original$/);
  expect(h.callsFor(sharedRefusal.token).filter(edit(sharedRefusal.token))).toEqual([]);
  expect(privateFollowUp.body.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(visibleText(privateFollowUp.body)).toMatch(/don't know the topic/i);

  // The refused press: a private follow-up explains, the pressed message is not edited.
  const refusalFollowUp = await h.fake.waitForCall((x) => x.method === 'POST' && x.path.endsWith(`/${refusedPress.token}`), 10_000);
  expect(refusalFollowUp.body.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(visibleText(refusalFollowUp.body)).toMatch(/don't know the topic/i);
  await h.bot.whenIdle();
  expect(h.callsFor(refusedPress.token).filter((x) => x.method === 'PATCH')).toEqual([]);

  // Exactly one acknowledgement each: no late second reply after the defer.
  for (const payload of [command, shared, press, failing, sharedRefusal, refusedPress]) {
    expect(h.callsFor(payload.token).filter((x) => x.path.endsWith('/callback'))).toHaveLength(1);
  }
  expect(h.logs.filter((l) => l.level === 'error').map((l) => l.error)).toEqual(['slow core exploded']);
}, 20_000);

test('no payload could ping', () => {
  expect(payloadsThatCouldPing(h.fake.calls)).toEqual([]);
});
