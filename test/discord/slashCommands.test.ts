/**
 * `/mentor <subcommand>` end to end: the real discord.js Client against the fake Discord, the real core on a
 * memory store. Every registry command answers once, privately unless public or shared, within limits.
 */
import { InteractionResponseType } from 'discord.js';
import { PUBLIC_COMMANDS } from '../../src/core/commands/definitions';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import type { DiscordMessage } from '../../src/bots/discord/render';
import { limitViolations, visibleText } from '../helpers/discordMessages';
import { autocomplete, chatInput, makeUser, type OptionValue } from '../helpers/discordPayloads';
import { EPHEMERAL, payloadsThatCouldPing, startHarness, type Harness } from '../helpers/discordHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const asMessage = (data: Record<string, unknown>): DiscordMessage => ({
  content: data.content as string | undefined,
  embeds: (data.embeds as DiscordMessage['embeds']) ?? [],
  components: (data.components as DiscordMessage['components']) ?? [],
  allowedMentions: data.allowed_mentions as { parse: [] },
});

/** What each command's answer must say, so a wrong routing cannot pass. */
const EXPECTED: Record<string, { options: OptionValue[]; says: RegExp }> = {
  next: { options: [], says: /next step/i },
  ask: { options: [{ name: 'question', value: 'what is automl?' }], says: /AutoML/ },
  path: { options: [], says: /path/i },
  progress: { options: [], says: /progress/i },
  done: { options: [{ name: 'topic', value: 'pytorch' }], says: /PyTorch is marked done/ },
  learning: { options: [{ name: 'topic', value: 'keras' }], says: /learning Keras/i },
  skip: { options: [{ name: 'topic', value: 'r-and-julia' }], says: /Skipped R and Julia/i },
  undo: { options: [{ name: 'topic', value: 'r-and-julia' }], says: /Undone/i },
  profile: { options: [], says: /Your profile/ },
  tip: { options: [], says: /Tip/ },
  tips: { options: [{ name: 'settings', value: 'status' }], says: /Daily tips/ },
  forget: { options: [{ name: 'confirm', value: 'confirm' }], says: /deleted everything/i },
  export: { options: [], says: /Your data/ },
  help: { options: [], says: /ML Engineer Mentor/ },
};

test('the expectations cover exactly the registry commands', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(PUBLIC_COMMANDS.map((c) => c.id).sort());
});

// `forget` and `export` last: the earlier commands build the state they report on.
const order = [...PUBLIC_COMMANDS.map((c) => c.id).filter((id) => !['export', 'forget'].includes(id)), 'export', 'forget'];

test.each(order)('/mentor %s answers once, with the right visibility, within limits', async (id) => {
  const user = makeUser('300000000000000010');
  const payload = chatInput(id, EXPECTED[id]!.options, { user, guild: true });
  const { callback } = await h.interact(payload);
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  // `tips status` is private although channel changes are public (see expectedVisibilityFor).
  const personal = PUBLIC_COMMANDS.find((c) => c.id === id)!.personal || id === 'tips';
  expect(Boolean(callback.body.data.flags & EPHEMERAL)).toBe(personal);
  expect(visibleText(callback.body.data)).toMatch(EXPECTED[id]!.says);
  expect(limitViolations(asMessage(callback.body.data))).toEqual([]);
  // Exactly one acknowledgement for the interaction.
  expect(h.callsFor(payload.token).filter((c) => c.path.endsWith('/callback'))).toHaveLength(1);
});

test('share:true makes a personal answer visible to the channel', async () => {
  const { callback } = await h.interact(chatInput('next', [{ name: 'share', value: true }], { guild: true }));
  expect(callback.body.data.flags ?? 0).toBe(0);
  expect(visibleText(callback.body.data)).toMatch(/next step/i);
});

test('a command used in the bot DMs answers there too', async () => {
  const { callback } = await h.interact(chatInput('help'));
  expect(visibleText(callback.body.data)).toMatch(/ML Engineer Mentor/);
});

test('an argument over the core limit gets a friendly refusal, not a crash', async () => {
  const { callback } = await h.interact(chatInput('ask', [{ name: 'question', value: 'x'.repeat(5000) }]));
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(visibleText(callback.body.data)).toMatch(/too long/i);
});

test('a subcommand unknown to the registry (stale deploy) is answered with help', async () => {
  const { callback } = await h.interact(chatInput('retired-command'));
  expect(visibleText(callback.body.data)).toMatch(/ML Engineer Mentor/);
});

describe('autocomplete', () => {
  test('"pyt" offers PyTorch among the first choices, at once, never deferred', async () => {
    const { callback } = await h.interact(autocomplete('done', 'pyt'));
    expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const values = (callback.body.data.choices as { name: string; value: string }[]).map((c) => c.value);
    expect(values.slice(0, 3)).toContain('pytorch');
    expect(values).not.toContain('kubeflow');
  });

  test('an empty query returns at most 25 choices, each within Discord limits', async () => {
    const { callback } = await h.interact(autocomplete('learning', ''));
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices).toHaveLength(Math.min(25, loadKnowledgeBase().topics.length));
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });

  test('a query matching nothing returns an empty list, not an error', async () => {
    const { callback } = await h.interact(autocomplete('skip', 'zzzzqqq'));
    expect(callback.body.data.choices).toEqual([]);
  });
});

test('no payload in this file could ping anyone', () => {
  expect(h.fake.calls.length).toBeGreaterThan(15);
  expect(payloadsThatCouldPing(h.fake.calls)).toEqual([]);
});

test('nothing was logged as an error', () => {
  expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
});
