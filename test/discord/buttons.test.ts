/**
 * Button presses end to end: the buttons the core put on a real answer are pressed as Discord would send
 * them, and each press updates that message in place (callback type 7) with the core's new answer.
 */
import { InteractionResponseType } from 'discord.js';
import { buttonsOf, visibleText } from '../helpers/discordMessages';
import { buttonPress, chatInput, makeUser, type FakeUser } from '../helpers/discordPayloads';
import { EPHEMERAL, payloadsThatCouldPing, startHarness, type Harness } from '../helpers/discordHarness';
import { encodeCustomId } from '../../src/bots/discord/customId';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

let userCounter = 0;
const freshUser = (): FakeUser => makeUser(`3100000000000000${String(++userCounter).padStart(2, '0')}`);

/** Runs `/mentor <sub>` privately for `user` and returns the buttons (actionId/value) of its answer. */
async function buttonsAfter(sub: string, user: FakeUser) {
  const { callback } = await h.interact(chatInput(sub, [], { user, guild: true }));
  return buttonsOf(callback.body.data);
}

async function press(actionId: string, value: string, user: FakeUser, ephemeral = true) {
  const customId = encodeCustomId(actionId, value)!;
  return h.interact(buttonPress(customId, { user, guild: true, ephemeral }));
}

test.each(['done', 'learning', 'skip'])('"%s" on the next step updates the message in place and records it', async (actionId) => {
  const user = freshUser();
  const buttons = await buttonsAfter('next', user);
  const button = buttons.find((b) => b.actionId === actionId)!;
  expect(button).toBeDefined();
  const { callback } = await press(button.actionId, button.value, user);
  expect(callback.body.type).toBe(InteractionResponseType.UpdateMessage);
  const verb = { done: /marked done/i, learning: /learning/i, skip: /Skipped/i }[actionId]!;
  expect(visibleText(callback.body.data)).toMatch(verb);
  // The change is real: the user's progress lists the topic under the matching heading.
  const { callback: progress } = await h.interact(chatInput('progress', [], { user }));
  const section = { done: 'Done or known', learning: 'Learning now', skip: 'Skipped' }[actionId]!;
  expect(button.value).toBe('programming-basics');
  expect(visibleText(progress.body.data)).toContain(`${section}\nCode fundamentals`);
});

test('"Another tip" on a shared tip adds one and leaves the post; "Next step" on a private one updates it in place', async () => {
  const user = freshUser();
  const buttons = await buttonsAfter('tip', user);
  expect(buttons.map((b) => b.actionId)).toEqual(expect.arrayContaining(['tip', 'next']));
  // A tip the whole channel sees (a daily tip, a shared answer) stays for everyone else.
  const tip = await press('tip', '', user, false);
  expect(tip.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(tip.callback.body.data.flags ?? 0).toBe(0);
  expect(visibleText(tip.callback.body.data)).toMatch(/Tip/);
  const next = await press('next', '', user, true);
  expect(next.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
  expect(visibleText(next.callback.body.data)).toMatch(/next step/i);
});

test('onboarding answers walk through the setup in one message, and shape the next step', async () => {
  const user = freshUser();
  let buttons = await buttonsAfter('profile', user);
  const pressed: string[] = [];
  // Pick "data-scientist", then keep taking the first answer until no setup question is left.
  for (let step = 0; step < 6; step++) {
    const answers = buttons.filter((b) => b.actionId === 'answer' && !/:(skip|stop)$/.test(b.value));
    if (answers.length === 0) break;
    const choice = answers.find((b) => b.value === 'background:data-scientist') ?? answers.find((b) => b.value === 'known:done') ?? answers[0]!;
    const { callback } = await press(choice.actionId, choice.value, user);
    expect(callback.body.type).toBe(InteractionResponseType.UpdateMessage);
    pressed.push(choice.value);
    buttons = buttonsOf(callback.body.data);
  }
  expect(pressed[0]).toBe('background:data-scientist');
  expect(pressed.length).toBeGreaterThanOrEqual(2);
  const { callback: profile } = await h.interact(chatInput('profile', [], { user }));
  expect(visibleText(profile.body.data)).toMatch(/Data scientist/);
  const mine = await h.interact(chatInput('next', [], { user }));
  const fresh = await h.interact(chatInput('next', [], { user: freshUser() }));
  expect(visibleText(mine.callback.body.data)).not.toEqual(visibleText(fresh.callback.body.data));
});

test('a personal button on a message the channel sees answers privately instead of overwriting it', async () => {
  const user = freshUser();
  const { callback } = await press('next', '', user, false);
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
});

test('a refused press keeps the pressed message and tells only the presser why', async () => {
  const payload = buttonPress(encodeCustomId('done', 'basket-weaving')!, { user: freshUser(), guild: true, ephemeral: true });
  const { callback } = await h.interact(payload);
  // A new private message (type 4, ephemeral), not an update (type 7) of the message that was pressed.
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(visibleText(callback.body.data)).toMatch(/don't know the topic/i);
  await h.bot.whenIdle();
  expect(h.callsFor(payload.token)).toHaveLength(1); // no edit of the pressed message either
});

test('a button this bot did not make gets a short private notice', async () => {
  const { callback } = await h.interact(buttonPress('someone-elses-button', { guild: true }));
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(callback.body.data.content).toMatch(/no longer available/);
});

test('buttons in the bot DMs update in place too', async () => {
  const user = freshUser();
  const { callback } = await h.interact(buttonPress(encodeCustomId('tip', '')!, { user }));
  expect(callback.body.type).toBe(InteractionResponseType.UpdateMessage);
});

test('no payload could ping and nothing failed', () => {
  expect(payloadsThatCouldPing(h.fake.calls)).toEqual([]);
  expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
});
