/**
 * The contract every platform renderer (Slack Block Kit, Discord embeds...) must keep, as reusable jest tests.
 * A renderer test file calls `describeRendererContract(renderer, fixtures)`; the contract adds its own edge
 * fixtures (mentions, huge text, many bullets/fields/buttons, empty replies) to whatever the caller supplies.
 *
 * Why these checks: a renderer is where user and knowledge text meets platform markup, so it is where pings,
 * lost words and "invalid_blocks" errors come from. Each check below is phrased in platform-neutral terms and
 * the platform supplies the few functions that read its own payload format.
 */
import type { Block, Button, Reply } from '../../src/core/reply';
import { reply } from '../../src/core/reply';

export interface RendererUnderTest<M> {
  name: string;
  /** One or more platform messages. */
  render(reply: Reply): M[];
  /** What a user would read (markup/escapes undone), including button labels. */
  visibleText(message: M): string;
  /** [] when the message is within the platform's limits. */
  limitViolations(message: M): string[];
  /** Buttons decoded back to the core's actionId/value, in display order. */
  buttonsOf(message: M): { actionId: string; value: string }[];
  /** True if the payload could ping anyone (@everyone/@here/channel/user/role). */
  canPing(message: M): boolean;
}

export interface ReplyFixture {
  name: string;
  reply: Reply;
}

/** Everything a user might type that a platform could turn into a ping or markup. */
export const HOSTILE_TEXT = '<!channel> <!here> <@U123> @everyone @here <@&123> & < >';

/**
 * Words compared by the "nothing lost" check: split on whitespace, with punctuation and markup characters
 * trimmed from both ends, so `*Goal*`, `• item` or `(source)` compare equal to the words the core wrote.
 */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/** The words a user must be able to read, in reply order. Buttons are checked separately (labels may be shortened). */
export function expectedWords(r: Reply): string[] {
  if (r.blocks.length === 0) return wordsOf(r.text);
  return r.blocks.flatMap((block: Block): string[] => {
    switch (block.type) {
      case 'heading':
      case 'text':
      case 'source':
        return wordsOf(block.text);
      case 'bullets':
        return block.items.flatMap(wordsOf);
      case 'fields':
        return block.fields.flatMap((f) => [...wordsOf(f.label), ...wordsOf(f.value)]);
      case 'links':
        return block.links.flatMap((l) => wordsOf(l.title));
      case 'buttons':
        return [];
    }
  });
}

/** Returns the first expected word (with its index) that is missing from `actual` in order, or undefined. */
export function firstMissingInOrder(expected: string[], actual: string[]): { index: number; word: string } | undefined {
  let at = 0;
  for (let i = 0; i < expected.length; i++) {
    const word = expected[i]!;
    while (at < actual.length && actual[at] !== word) at++;
    if (at === actual.length) return { index: i, word };
    at++;
  }
  return undefined;
}

function buttonsIn(r: Reply): Button[] {
  return r.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
}

/** Freezes a reply all the way down, so a renderer that mutates its input throws instead of passing. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Deterministic filler text of about `length` characters: distinct words, so an order check means something.
 * `stem` keeps several texts of one fixture apart (label words must not match value words).
 */
function longText(length: number, stem = 'word'): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const word = i % 97 === 96 ? `${stem}${i}.\n\n` : i % 13 === 12 ? `${stem}${i},\n` : `${stem}${i} `;
    parts.push(word);
    size += word.length;
  }
  return parts.join('').trim();
}

/** Edge cases every renderer must survive, whatever the core produces today. */
export function edgeFixtures(): ReplyFixture[] {
  const commandIds = ['done', 'learning', 'skip', 'next', 'tip', 'answer'];
  return [
    {
      name: 'hostile mentions in every block type',
      reply: reply(
        [
          { type: 'heading', text: `Heading ${HOSTILE_TEXT}` },
          { type: 'text', text: `Text ${HOSTILE_TEXT}` },
          { type: 'bullets', items: [`Bullet ${HOSTILE_TEXT}`, 'plain bullet'] },
          { type: 'fields', fields: [{ label: `Label ${HOSTILE_TEXT}`, value: `Value ${HOSTILE_TEXT}` }] },
          { type: 'links', links: [{ title: `Link ${HOSTILE_TEXT}`, url: 'https://example.com/a?b=1&c=<2>' }] },
          { type: 'source', text: `Source ${HOSTILE_TEXT}` },
          { type: 'buttons', buttons: [{ label: `Button ${HOSTILE_TEXT}`, actionId: 'answer', value: HOSTILE_TEXT }] },
        ],
        'public',
      ),
    },
    { name: '30,000-character text block', reply: reply([{ type: 'heading', text: 'Long answer' }, { type: 'text', text: longText(30_000) }]) },
    {
      name: '80 bullets',
      reply: reply([{ type: 'bullets', items: Array.from({ length: 80 }, (_, i) => `Bullet number ${i} about topic${i}`) }]),
    },
    {
      name: '30 fields',
      reply: reply([{ type: 'fields', fields: Array.from({ length: 30 }, (_, i) => ({ label: `Label${i}`, value: `value${i} text` })) }]),
    },
    {
      name: 'long heading, long field value and a long link title',
      reply: reply([
        { type: 'heading', text: longText(400) },
        { type: 'fields', fields: [{ label: 'Big', value: longText(3_000) }, { label: 'Small', value: 'tiny' }] },
        { type: 'links', links: [{ title: longText(500), url: 'https://example.com/long' }] },
      ]),
    },
    {
      // Each field is within its own limit, but ten of them together are far over one message's block budget.
      name: '10 large fields',
      reply: reply([{ type: 'fields', fields: Array.from({ length: 10 }, (_, i) => ({ label: `Label${i}`, value: longText(1_900, `f${i}w`) })) }]),
    },
    {
      // Labels longer than any field or section, next to values that fit and values that do not.
      name: 'a few fields with very long labels',
      reply: reply([
        {
          type: 'fields',
          fields: [
            { label: longText(3_000, 'la'), value: longText(2_500, 'va') },
            { label: longText(5_000, 'lb'), value: 'short value' },
            { label: longText(1_500, 'lc'), value: longText(1_800, 'vc') },
            { label: 'Normal', value: 'normal value' },
          ],
        },
      ]),
    },
    {
      name: '12 buttons',
      reply: reply([
        { type: 'text', text: 'Pick one' },
        {
          type: 'buttons',
          buttons: Array.from({ length: 12 }, (_, i) => ({
            label: i === 0 ? 'A very long button label that goes on and on well past any platform limit for labels' : `Choice ${i}`,
            actionId: commandIds[i % commandIds.length]!,
            value: i % 2 === 0 ? `topic-${i}` : '',
            ...(i === 1 ? { style: 'primary' as const } : i === 2 ? { style: 'danger' as const } : {}),
          })),
        },
      ]),
    },
    { name: 'empty reply', reply: { text: '', blocks: [], visibility: 'private' } },
    { name: 'text only, no blocks', reply: { text: 'Only the fallback text & nothing else', blocks: [], visibility: 'public' } },
    {
      name: 'blocks with empty content',
      reply: reply([
        { type: 'heading', text: '' },
        { type: 'text', text: '   ' },
        { type: 'bullets', items: [] },
        { type: 'fields', fields: [] },
        { type: 'links', links: [] },
        { type: 'buttons', buttons: [] },
        { type: 'text', text: 'The only real words' },
      ]),
    },
  ];
}

export function describeRendererContract<M>(r: RendererUnderTest<M>, fixtures: () => Promise<ReplyFixture[]>): void {
  describe(`${r.name} renderer contract`, () => {
    let cases: { name: string; reply: Reply; messages: M[] }[] = [];

    beforeAll(async () => {
      const all = [...(await fixtures()), ...edgeFixtures()];
      cases = all.map((f) => ({ name: f.name, reply: deepFreeze(f.reply), messages: r.render(f.reply) }));
    });

    test('there are fixtures, core and edge', () => {
      expect(cases.length).toBeGreaterThan(edgeFixtures().length);
    });

    test('every reply renders to at least one message, the same way twice', () => {
      for (const c of cases) {
        expect({ fixture: c.name, atLeastOne: c.messages.length >= 1 }).toEqual({ fixture: c.name, atLeastOne: true });
        expect({ fixture: c.name, again: r.render(c.reply) }).toEqual({ fixture: c.name, again: c.messages });
      }
    });

    test('no message breaks a platform limit', () => {
      for (const c of cases) {
        c.messages.forEach((m, i) => expect({ fixture: c.name, message: i, violations: r.limitViolations(m) }).toEqual({ fixture: c.name, message: i, violations: [] }));
      }
    });

    test('every word of headings, text, bullets, fields and link titles is visible, in order', () => {
      for (const c of cases) {
        const visible = wordsOf(c.messages.map((m) => r.visibleText(m)).join('\n'));
        expect({ fixture: c.name, missing: firstMissingInOrder(expectedWords(c.reply), visible) }).toEqual({ fixture: c.name, missing: undefined });
      }
    });

    test('every button round-trips its actionId and value', () => {
      for (const c of cases) {
        const expected = buttonsIn(c.reply).map((b) => ({ actionId: b.actionId, value: b.value }));
        expect({ fixture: c.name, buttons: c.messages.flatMap((m) => r.buttonsOf(m)) }).toEqual({ fixture: c.name, buttons: expected });
      }
    });

    test('nothing can ping anyone', () => {
      for (const c of cases) {
        c.messages.forEach((m, i) => expect({ fixture: c.name, message: i, canPing: r.canPing(m) }).toEqual({ fixture: c.name, message: i, canPing: false }));
      }
    });

    test('hostile text stays readable: the mention syntax is shown, not interpreted', () => {
      const hostile = cases.find((c) => c.name === 'hostile mentions in every block type')!;
      const visible = hostile.messages.map((m) => r.visibleText(m)).join('\n');
      expect(visible).toContain(HOSTILE_TEXT);
    });
  });
}
