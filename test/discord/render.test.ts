/** Discord-specific renderer rules: every limit at its edge, escaping, links and the custom_id codec. */
import { replyToDiscordMessages, decodeCustomId, encodeCustomId, type DiscordMessage } from '../../src/bots/discord/render';
import { escapeMarkdown, markdownLink } from '../../src/bots/discord/escape';
import { splitText, truncate } from '../../src/bots/discord/split';
import { reply, type Block, type Button } from '../../src/core/reply';
import { expectedWords, firstMissingInOrder, wordsOf } from '../contract/rendererContract';
import { buttonsOf, embedSize, limitViolations, unmarkdown, visibleText } from '../helpers/discordMessages';

/** Distinct words, so "nothing lost, in order" is a real check. */
const words = (length: number, prefix = 'w') => {
  let out = '';
  for (let i = 0; out.length < length; i++) out += `${prefix}${i} `;
  return out.slice(0, length).trim().padEnd(length, 'x');
};

function render(blocks: Block[]): DiscordMessage[] {
  const r = reply(blocks);
  const messages = replyToDiscordMessages(r);
  for (const m of messages) expect(limitViolations(m)).toEqual([]);
  const visible = wordsOf(messages.map(visibleText).join('\n'));
  expect(firstMissingInOrder(expectedWords(r), visible)).toBeUndefined();
  return messages;
}

describe('limits at their edges', () => {
  test('2,000 characters of content fit one message; 2,001 split into two', () => {
    expect(render([{ type: 'text', text: words(2000) }])).toHaveLength(1);
    const split = render([{ type: 'text', text: words(2001) }]);
    expect(split).toHaveLength(2);
    expect(split.every((m) => m.content!.length <= 2000 && m.embeds.length === 0)).toBe(true);
  });

  test('a 4,097-character description continues in a second embed', () => {
    const messages = render([{ type: 'heading', text: 'Long' }, { type: 'text', text: words(4097) }]);
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds).toHaveLength(2);
    expect(embeds[0]!.title).toBe('Long');
    expect(embeds.every((e) => e.description!.length <= 4096)).toBe(true);
  });

  test('6,001 characters across embeds never go out in one message', () => {
    // heading 1 + description 4,000 + two fields of 1 + 999 = 6,001
    const messages = render([
      { type: 'heading', text: 'T' },
      { type: 'text', text: words(4000) },
      { type: 'fields', fields: [{ label: 'a', value: words(999, 'f') }, { label: 'b', value: words(999, 'g') }] },
    ]);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const m of messages) expect(m.embeds.reduce((sum, e) => sum + embedSize(e), 0)).toBeLessThanOrEqual(6000);
  });

  test('26 fields: 25 in the first embed, the 26th continues in the next', () => {
    const fields = Array.from({ length: 26 }, (_, i) => ({ label: `Label ${i}`, value: `value ${i}` }));
    const embeds = render([{ type: 'heading', text: 'Fields' }, { type: 'fields', fields }]).flatMap((m) => m.embeds);
    expect(embeds.map((e) => e.fields?.length)).toEqual([25, 1]);
    expect(embeds[1]!.fields![0]!.name).toBe('Label 25');
  });

  test('a field value over 1,024 characters continues in a "(continued)" field', () => {
    const embeds = render([{ type: 'heading', text: 'F' }, { type: 'fields', fields: [{ label: 'Big', value: words(2500) }] }]).flatMap((m) => m.embeds);
    const names = embeds.flatMap((e) => e.fields!.map((f) => f.name));
    expect(names).toEqual(['Big', 'Big (continued)', 'Big (continued)']);
  });

  test('more than 5 rows of buttons continue in another message, each with at most 5 rows of 5', () => {
    const buttons: Button[] = Array.from({ length: 27 }, (_, i) => ({ label: `B${i}`, actionId: 'answer', value: `v${i}` }));
    const messages = render([{ type: 'text', text: 'Pick' }, { type: 'buttons', buttons }]);
    expect(messages.map((m) => m.components.length)).toEqual([5, 1]);
    expect(messages.map((m) => m.components.map((r) => r.components.length))).toEqual([[5, 5, 5, 5, 5], [2]]);
    expect(messages.flatMap(buttonsOf)).toEqual(buttons.map((b) => ({ actionId: b.actionId, value: b.value })));
  });

  test('more than 10 embeds go to further messages', () => {
    const blocks: Block[] = Array.from({ length: 12 }, (_, i): Block[] => [
      { type: 'heading', text: `Section ${i}` },
      { type: 'text', text: `Body ${i}` },
    ]).flat();
    expect(render(blocks).map((m) => m.embeds.length)).toEqual([10, 2]);
  });

  test('a button label over 80 characters is shortened with an ellipsis; its action is unchanged', () => {
    const [message] = render([{ type: 'buttons', buttons: [{ label: 'L'.repeat(100), actionId: 'next', value: '' }] }]);
    const button = message!.components[0]!.components[0] as { label: string; custom_id: string };
    expect(button.label).toHaveLength(80);
    expect(button.label.endsWith('…')).toBe(true);
    expect(decodeCustomId(button.custom_id)).toEqual({ actionId: 'next', value: '' });
  });
});

describe('shape', () => {
  test('a conversational reply is plain content; a structured one uses embeds with title, fields and footer', () => {
    const [chat] = render([{ type: 'text', text: 'Hello there' }, { type: 'bullets', items: ['one', 'two'] }]);
    expect(chat).toMatchObject({ content: 'Hello there\n\n• one\n• two', embeds: [] });
    const [card] = render([
      { type: 'heading', text: 'PyTorch' },
      { type: 'text', text: 'A framework.' },
      { type: 'fields', fields: [{ label: 'First step', value: 'Install it.' }] },
      { type: 'links', links: [{ title: 'PyTorch', url: 'https://pytorch.org/' }] },
      { type: 'source', text: 'Source: the article' },
    ]);
    expect(card!.content).toBeUndefined();
    expect(card!.embeds).toEqual([
      {
        title: 'PyTorch',
        description: 'A framework.',
        fields: [
          { name: 'First step', value: 'Install it.' },
          { name: '\u200b', value: '• [PyTorch](https://pytorch.org/)' },
        ],
        footer: { text: 'Source: the article' },
      },
    ]);
  });

  test('every message carries allowedMentions with an empty parse list', () => {
    const messages = render([{ type: 'text', text: `@everyone ${words(5000)}` }]);
    for (const m of messages) expect(m.allowedMentions).toEqual({ parse: [] });
  });

  test('a heading too long for a title becomes a bold line, nothing cut', () => {
    const heading = words(300);
    const [message] = render([{ type: 'heading', text: heading }, { type: 'source', text: 's' }]);
    expect(message!.embeds[0]!.title).toBeUndefined();
    expect(message!.embeds[0]!.description).toBe(`**${heading}**`);
  });
});

describe('escaping', () => {
  const hostile = '**bold** _it_ ~~s~~ `code` ||spoiler|| [x](https://evil.example) <@123> <@&456> <t:0> \\ @everyone';

  test('markdown, masked links and mentions are shown literally', () => {
    const escaped = escapeMarkdown(hostile);
    // Every markup character is preceded by a backslash (the URL is left whole so it stays a link).
    expect(escaped.replace('https://evil.example', '')).not.toMatch(/(?<!\\)[*_~`|[\]<>]/);
    expect(escaped).toContain('\\<@&456\\>');
    expect(unmarkdown(escaped)).toBe(hostile);
  });

  test('line-start markup (quotes, headings, lists, subtext) is neutralised', () => {
    const text = '> quote\n# heading\n- item\n-# small\n1. first';
    const escaped = escapeMarkdown(text);
    expect(escaped).toBe('\\> quote\n\\# heading\n\\- item\n\\-# small\n1\\. first');
    expect(unmarkdown(escaped)).toBe(text);
  });

  test('URLs in text stay clickable (no backslashes inside them)', () => {
    expect(escapeMarkdown('see https://example.com/a_b*c ok_')).toBe('see https://example.com/a_b*c ok\\_');
  });

  test('links: parentheses and brackets in URLs are percent-encoded, other schemes become plain text', () => {
    expect(markdownLink('Wiki', 'https://en.wikipedia.org/wiki/Foo_(bar)')).toBe('[Wiki](https://en.wikipedia.org/wiki/Foo_%28bar%29)');
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x: javascript:alert(1)');
    expect(markdownLink('', 'https://a.example/')).toBe('[https://a.example/](https://a.example/)');
  });
});

describe('custom_id codec', () => {
  test('round-trips, including values containing the separator', () => {
    for (const [action, value] of [['done', 'pytorch'], ['next', ''], ['answer', 'a|b|c']] as const) {
      expect(decodeCustomId(encodeCustomId(action, value)!)).toEqual({ actionId: action, value });
    }
  });

  test('never exceeds 100 characters: an id that would is refused, and its button left out', () => {
    expect(encodeCustomId('answer', 'v'.repeat(91))).toHaveLength(100);
    expect(encodeCustomId('answer', 'v'.repeat(92))).toBeUndefined();
    const [message] = replyToDiscordMessages(reply([{ type: 'buttons', buttons: [{ label: 'Too long', actionId: 'answer', value: 'v'.repeat(200) }, { label: 'Ok', actionId: 'next', value: '' }] }]));
    expect(buttonsOf(message!)).toEqual([{ actionId: 'next', value: '' }]);
  });

  test('repeated buttons get distinct ids (Discord requires it) that decode to the same action', () => {
    const same: Button = { label: 'Again', actionId: 'tip', value: '' };
    const [message] = replyToDiscordMessages(reply([{ type: 'buttons', buttons: [same, same] }]));
    const ids = message!.components[0]!.components.map((b) => (b as { custom_id: string }).custom_id);
    expect(ids).toEqual(['m|tip|', 'm2|tip|']);
    expect(buttonsOf(message!)).toEqual([{ actionId: 'tip', value: '' }, { actionId: 'tip', value: '' }]);
  });

  test('ids from elsewhere are not decoded', () => {
    expect(decodeCustomId('other|tip|')).toBeUndefined();
    expect(decodeCustomId('m|')).toBeUndefined();
    expect(decodeCustomId(`m|tip|${'x'.repeat(100)}`)).toBeUndefined();
  });
});

describe('splitText', () => {
  test('prefers paragraph, then line, then word breaks', () => {
    expect(splitText('aaaa bbbb\n\ncccc', 12)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('aaaa\nbbbb cccc', 10)).toEqual(['aaaa\nbbbb', 'cccc']);
  });

  test('a hard cut never splits a surrogate pair or separates a backslash from what it escapes', () => {
    expect(splitText('aaa😀bbb', 4)).toEqual(['aaa', '😀bb', 'b']);
    expect(splitText('aa\\*bb', 3)).toEqual(['aa', '\\*b', 'b']);
  });

  test('truncate keeps within the limit', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });
});
