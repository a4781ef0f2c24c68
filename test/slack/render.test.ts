/** Slack-specific rendering rules beyond the shared contract: block shapes, splitting, escaping, links. */
import { reply, type Reply } from '../../src/core/reply';
import { decodeActionId, encodeActionId } from '../../src/bots/slack/actionIds';
import { escapeMrkdwn, escapedLength, mrkdwnLink, splitText, truncate, unescapeMrkdwn } from '../../src/bots/slack/mrkdwn';
import { replyToHomeView, replyToSlackMessages } from '../../src/bots/slack/render';
import { buttonsOf, limitViolations, visibleText } from '../helpers/slackBlocks';

describe('mrkdwn', () => {
  test('escapes exactly &, < and >, and unescapes them back', () => {
    const raw = '<!channel> & <@U1> *bold* _it_ `code` "q" \'s\'';
    expect(escapeMrkdwn(raw)).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; *bold* _it_ `code` "q" \'s\'');
    expect(unescapeMrkdwn(escapeMrkdwn(raw))).toBe(raw);
    expect(escapedLength(raw)).toBe(escapeMrkdwn(raw).length);
  });

  test('a typed entity survives the round trip: "&lt;" stays "&lt;"', () => {
    expect(unescapeMrkdwn(escapeMrkdwn('&lt;'))).toBe('&lt;');
  });

  test('links: only http(s) becomes a link, and nothing in the URL can end it early', () => {
    expect(mrkdwnLink('https://a.example/x?y=1&z=2', 'Docs <here>')).toBe('<https://a.example/x?y=1&amp;z=2|Docs &lt;here&gt;>');
    expect(mrkdwnLink('https://a.example/a|b>c<d', 't')).toBe('<https://a.example/a%7Cb%3Ec%3Cd|t>');
    expect(mrkdwnLink('javascript:alert(1)', 'x')).toBe('x (javascript:alert(1))');
    expect(mrkdwnLink('https://a.example/', '  ')).toBe('<https://a.example/|https://a.example/>');
  });

  test('splitText prefers paragraphs, then lines, then words, and cuts a word only when it must', () => {
    expect(splitText('aaa bbb\n\nccc ddd', 8)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(splitText('aaa bbb\nccc ddd', 8)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(splitText('aaa bbb ccc', 8)).toEqual(['aaa bbb', 'ccc']);
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    // Escaping counts: "&" becomes 5 characters.
    expect(splitText('&&&', 10)).toEqual(['&&', '&']);
    // Emoji (surrogate pairs) are never cut in half.
    expect(splitText('😀😀😀', 4)).toEqual(['😀😀', '😀']);
    expect(splitText('   ', 10)).toEqual([]);
  });

  test('truncate keeps within the limit and marks the cut', () => {
    const cut = truncate('one two three four five six', 12);
    expect(cut.length).toBeLessThanOrEqual(12);
    expect(cut.endsWith('…')).toBe(true);
    expect(truncate('short', 12)).toBe('short');
  });
});

describe('action ids', () => {
  test('encode a counter so ids are unique, and decode back to the core actionId', () => {
    expect(encodeActionId('done', 3)).toBe('mentor:done:3');
    expect(decodeActionId('mentor:done:3')).toBe('done');
    expect(decodeActionId('mentor:odd:id:12')).toBe('odd:id');
    expect(decodeActionId('legacy_button')).toBeUndefined();
    expect(decodeActionId('mentor:done')).toBeUndefined();
  });
});

describe('replyToSlackMessages', () => {
  const r = (blocks: Reply['blocks']) => reply(blocks);

  test('maps each block type to its Block Kit shape', () => {
    const [m] = replyToSlackMessages(
      r([
        { type: 'heading', text: 'Title' },
        { type: 'text', text: 'Body' },
        { type: 'bullets', items: ['a', 'b'] },
        { type: 'fields', fields: [{ label: 'L', value: 'V' }] },
        { type: 'links', links: [{ title: 'Docs', url: 'https://d.example/' }] },
        { type: 'source', text: 'Source: the article' },
        { type: 'buttons', buttons: [{ label: 'Go', actionId: 'next', value: '', style: 'primary' }] },
      ]),
    );
    expect(m!.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Title', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Body', verbatim: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '• a\n• b', verbatim: true } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*L*\nV', verbatim: true }] },
      { type: 'section', text: { type: 'mrkdwn', text: '• <https://d.example/|Docs>', verbatim: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Source: the article', verbatim: true }] },
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go', emoji: true }, action_id: 'mentor:next:0', style: 'primary' }] },
    ]);
    expect(m!.text).toBe('Title\n\nBody\n\n• a\n• b\n\n*L*\nV\n\n• <https://d.example/|Docs>\n\nSource: the article\n\nOptions: Go');
  });

  test('header text is plain_text, so it is not escaped (Slack shows it verbatim)', () => {
    const [m] = replyToSlackMessages(r([{ type: 'heading', text: 'A & B <C>' }]));
    expect(m!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'A & B <C>', emoji: true } });
    // ...but the notification text is mrkdwn, so it is.
    expect(m!.text).toBe('A &amp; B &lt;C&gt;');
  });

  test('two buttons for the same command get distinct action ids, across messages too', () => {
    const messages = replyToSlackMessages(
      r([
        { type: 'buttons', buttons: [{ label: 'Done A', actionId: 'done', value: 'a' }, { label: 'Done B', actionId: 'done', value: 'b' }] },
        { type: 'text', text: 'x '.repeat(20_000) },
        { type: 'buttons', buttons: [{ label: 'Done C', actionId: 'done', value: 'c' }] },
      ]),
    );
    const ids = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => (e as { action_id: string }).action_id) : [])));
    expect(new Set(ids).size).toBe(3);
    expect(messages.flatMap(buttonsOf)).toEqual([
      { actionId: 'done', value: 'a' },
      { actionId: 'done', value: 'b' },
      { actionId: 'done', value: 'c' },
    ]);
  });

  test('a long unbroken token is cut into sections within the limit and nothing is lost', () => {
    const token = 'x'.repeat(7_000);
    const messages = replyToSlackMessages(r([{ type: 'text', text: token }]));
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
    const sections = messages.flatMap((m) => m.blocks).map((b) => (b.type === 'section' ? b.text!.text : ''));
    expect(sections.join('')).toBe(token);
  });

  test('a message never ends on a header when its content moved on to the next message', () => {
    const blocks: Reply['blocks'] = [];
    for (let i = 0; i < 8; i++) blocks.push({ type: 'heading', text: `Part ${i}` }, { type: 'text', text: `p${i} `.repeat(700) });
    const messages = replyToSlackMessages(r(blocks));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks[m.blocks.length - 1]!.type).not.toBe('header');
      expect(limitViolations(m)).toEqual([]);
    }
  });

  test('26 buttons are split over two actions blocks (25 elements each at most)', () => {
    const buttons = Array.from({ length: 26 }, (_, i) => ({ label: `B${i}`, actionId: 'answer', value: `v${i}` }));
    const [m] = replyToSlackMessages(r([{ type: 'buttons', buttons }]));
    expect(m!.blocks.map((b) => (b.type === 'actions' ? b.elements.length : 0))).toEqual([25, 1]);
  });

  test('a button with an empty value has no value field; an empty label falls back to the command', () => {
    const [m] = replyToSlackMessages(r([{ type: 'buttons', buttons: [{ label: ' ', actionId: 'tip', value: '' }] }]));
    expect(m!.blocks[0]).toEqual({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'tip', emoji: true }, action_id: 'mentor:tip:0' }] });
  });

  test('ten 1,900-character fields (each within its limit) are spread so every message stays within the block budget', () => {
    const fields = Array.from({ length: 10 }, (_, i) => ({ label: `L${i}`, value: `v${i}x `.repeat(475).trim() }));
    const messages = replyToSlackMessages(r([{ type: 'fields', fields }]));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
    // Nothing lost, in order: every field is still a field.
    const shown = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []).map((f) => f.text) : [])));
    expect(shown).toEqual(fields.map((f) => `*${f.label}*\n${f.value}`));
  });

  test('small fields still share a section, ten at most', () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const [m] = replyToSlackMessages(r([{ type: 'fields', fields }]));
    expect(m!.blocks.map((b) => (b.type === 'section' ? b.fields?.length : 0))).toEqual([10, 2]);
  });

  test.each([2_997, 3_000, 8_000])('a %i-character label with a 2,100-character value renders whole, within limits', (labelLength) => {
    const label = Array.from({ length: Math.ceil(labelLength / 6) }, (_, i) => `l${String(i).padStart(4, '0')}`).join(' ').slice(0, labelLength);
    const value = 'value '.repeat(350).trim();
    const messages = replyToSlackMessages(r([{ type: 'fields', fields: [{ label, value }] }]));
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
    const visible = messages.map(visibleText).join('\n');
    expect(visible.replace(/\s+/g, ' ')).toContain(`${label.trim()} ${value}`);
  });

  test('a long label with an empty value is still shown', () => {
    const label = 'label '.repeat(500).trim();
    const messages = replyToSlackMessages(r([{ type: 'fields', fields: [{ label, value: ' ' }] }]));
    expect(messages.map(visibleText).join(' ').replace(/\s+/g, ' ')).toBe(label);
  });

  test('an empty reply still renders a valid message', () => {
    expect(replyToSlackMessages({ text: '', blocks: [], visibility: 'private' })).toEqual([{ text: 'Nothing to show.', blocks: [] }]);
  });
});

describe('replyToHomeView', () => {
  test('a home view has at most 100 blocks, ending with a pointer to the rest', () => {
    const items = Array.from({ length: 150 }, (_, i) => ({ type: 'heading' as const, text: `H${i}` }));
    const view = replyToHomeView(reply(items));
    expect(view.type).toBe('home');
    expect(view.blocks).toHaveLength(100);
    expect(view.blocks[99]!.type).toBe('context');
    expect(visibleText({ text: '', blocks: view.blocks })).toContain('H98');
  });

  test('a small reply becomes the view unchanged', () => {
    const rep = reply([{ type: 'heading', text: 'Home' }, { type: 'text', text: 'Hi <@U1>' }]);
    expect(replyToHomeView(rep).blocks).toEqual(replyToSlackMessages(rep)[0]!.blocks);
  });
});
