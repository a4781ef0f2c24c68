/**
 * The Slack renderer: one pure function from the core's neutral `Reply` to Block Kit messages. All text is
 * escaped here (users and the knowledge base write plain text), and every Slack limit in ./limits is kept,
 * splitting into more blocks or more messages instead of truncating words.
 */
import type { types as SlackTypes } from '@slack/bolt';
import type { Block, Button, Reply } from '../../core/reply';
import { withInertLinks } from '../common/inertLinks';
import { encodeActionId } from './actionIds';
import { SLACK_LIMITS as L } from './limits';
import { escapeMrkdwn, escapedLength, mrkdwnLink, splitText, truncate } from './mrkdwn';

export type KnownBlock = SlackTypes.KnownBlock;
type SectionBlock = SlackTypes.SectionBlock;

export interface SlackMessage {
  /** Fallback for notifications and screen readers; mrkdwn, escaped like the blocks. */
  text: string;
  blocks: KnownBlock[];
}

export interface SlackHomeView {
  type: 'home';
  blocks: KnownBlock[];
}

/**
 * Every mrkdwn object is `verbatim`: Slack still applies our formatting and `<url|title>` links, but does not
 * "automatically parse" the text, which could turn a plain `@here` or `#channel` into a live mention.
 */
const mrkdwn = (text: string): SlackTypes.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });

/** Sections of escaped text, each within the section limit. */
function textSections(raw: string, prefix = ''): SectionBlock[] {
  const budget = L.sectionText - prefix.length;
  return splitText(raw, budget).map((chunk, i) => section((i === 0 ? prefix : '') + escapeMrkdwn(chunk)));
}

/** Groups ready-made mrkdwn lines into as few sections as the section limit allows. */
function packLines(lines: string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current !== '' && current.length + 1 + line.length > L.sectionText) {
      sections.push(section(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') sections.push(section(current));
  return sections;
}

function renderBullets(items: string[]): SectionBlock[] {
  const bullet = '• ';
  const lines = items
    .filter((item) => item.trim() !== '')
    .flatMap((item) => splitText(item, L.sectionText - bullet.length).map((chunk) => bullet + escapeMrkdwn(chunk)));
  return packLines(lines);
}

function renderLinks(links: { title: string; url: string }[]): SectionBlock[] {
  const lines = links.flatMap((link) => {
    const whole = `• ${mrkdwnLink(link.url, link.title)}`;
    if (whole.length <= L.sectionText) return [whole];
    const overhead = `• ${mrkdwnLink(link.url, 'x')}`.length - 1;
    if (overhead > L.sectionText / 2) {
      // An absurdly long URL: show title and address as plain text rather than break the link syntax.
      return splitText(`${link.title} (${link.url})`, L.sectionText - 2).map((piece) => `• ${escapeMrkdwn(piece)}`);
    }
    // A title too long for one section: every piece stays a link to the same URL.
    return splitText(link.title, L.sectionText - overhead).map((piece) => `• ${mrkdwnLink(link.url, piece)}`);
  });
  return packLines(lines);
}

/**
 * Our own budget for the fields of one section, as serialized JSON. Slack checks each field (2,000) and the
 * count (10) but a section cannot be split across messages, so ten full fields (~20k) would break the ~11k
 * message budget on their own. Capped at about one text section's weight, every block stays small enough for
 * `paginate` to place.
 */
const SECTION_FIELDS_CHARS = 3_000;
/**
 * A longer bold label would eat most of its value's 3,000-character sections (and past 3,000 leave no
 * room at all), so it gets sections of its own instead of being a prefix.
 */
const LABEL_PREFIX_MAX = 300;

function renderFields(fields: { label: string; value: string }[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  let pending: SlackTypes.MrkdwnElement[] = [];
  let pendingSize = 0;
  const flush = () => {
    if (pending.length > 0) out.push({ type: 'section', fields: pending });
    pending = [];
    pendingSize = 0;
  };
  for (const field of fields) {
    const label = field.label.trim();
    const value = field.value.trim();
    const text = [label === '' ? '' : bold(label), escapeMrkdwn(value)].filter(Boolean).join('\n');
    if (text === '') continue;
    if (text.length <= L.fieldText) {
      const element = mrkdwn(text);
      const size = JSON.stringify(element).length;
      if (pendingSize + size > SECTION_FIELDS_CHARS) flush();
      pending.push(element);
      pendingSize += size;
      if (pending.length === L.sectionFields) flush();
      continue;
    }
    // Too long for a field: show it as labelled text sections instead, in order.
    flush();
    out.push(...labelledSections(label, value));
  }
  flush();
  return out;
}

const bold = (raw: string) => `*${escapeMrkdwn(raw)}*`;

/** A field too big for a field: the bold label as the first line of the value's sections, or on its own when long. */
function labelledSections(label: string, value: string): SectionBlock[] {
  if (label === '') return textSections(value);
  if (value !== '' && escapedLength(label) + 2 <= LABEL_PREFIX_MAX) return textSections(value, `${bold(label)}\n`);
  // Kept whole (nothing a user wrote is cut), just not sharing a section budget with the value.
  const labelSections = splitText(label, L.sectionText - 2).map((chunk) => section(bold(chunk)));
  return [...labelSections, ...textSections(value)];
}

/** Sources are small print: a context block (the core's text already says "Source: ..."). */
function renderSource(text: string): KnownBlock[] {
  return splitText(text, L.contextText).map((chunk) => ({
    type: 'context' as const,
    elements: [mrkdwn(escapeMrkdwn(chunk))],
  }));
}

function renderButtons(buttons: Button[], counter: { next: number }): KnownBlock[] {
  const elements: SlackTypes.Button[] = buttons.map((b) => ({
    type: 'button',
    // plain_text is never parsed for mentions or markup, so labels are not escaped.
    text: { type: 'plain_text', text: truncate(b.label.trim() || b.actionId, L.buttonText), emoji: true },
    action_id: encodeActionId(b.actionId, counter.next++),
    // Slack rejects an empty value; a missing one decodes back to ''.
    ...(b.value !== '' ? { value: b.value.slice(0, L.buttonValue) } : {}),
    ...(b.style ? { style: b.style } : {}),
  }));
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < elements.length; i += L.actionsElements) {
    blocks.push({ type: 'actions', elements: elements.slice(i, i + L.actionsElements) });
  }
  return blocks;
}

function renderBlock(block: Block, counter: { next: number }): KnownBlock[] {
  switch (block.type) {
    case 'heading':
      // Header blocks are plain_text (no escaping) and at most 150 characters: a longer heading becomes several.
      return splitText(block.text, L.headerText, (s) => s.length).map((chunk) => ({
        type: 'header' as const,
        text: { type: 'plain_text' as const, text: chunk, emoji: true },
      }));
    case 'text':
      return textSections(block.text);
    case 'bullets':
      return renderBullets(block.items);
    case 'fields':
      return renderFields(block.fields);
    case 'links':
      return renderLinks(block.links);
    case 'source':
      return renderSource(block.text);
    case 'buttons':
      return renderButtons(block.buttons, counter);
  }
}

const blockSize = (block: KnownBlock) => JSON.stringify(block).length;

/**
 * Packs blocks into messages within the block-count and total-size limits, never ending a message on a header.
 * A block cannot be split here, so the renderers above keep each one far below `maxChars` (text sections at
 * 3,000 characters, field sections at SECTION_FIELDS_CHARS).
 */
function paginate(blocks: KnownBlock[], maxBlocks: number, maxChars: number): KnownBlock[][] {
  const pages: KnownBlock[][] = [];
  let page: KnownBlock[] = [];
  let size = 0;
  for (const block of blocks) {
    const bytes = blockSize(block);
    if (page.length > 0 && (page.length + 1 > maxBlocks || size + bytes > maxChars)) {
      // Keep a trailing header with the content it introduces.
      const carried = page.length > 1 && page[page.length - 1]!.type === 'header' ? [page.pop()!] : [];
      pages.push(page);
      page = carried;
      size = carried.reduce((n, b) => n + blockSize(b), 0);
    }
    page.push(block);
    size += bytes;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** The notification text of one message: the readable parts of its blocks, already escaped. */
function fallbackText(blocks: KnownBlock[]): string {
  const parts = blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'header':
        return [escapeMrkdwn(block.text.text)];
      case 'section':
        return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)].filter(Boolean);
      case 'context':
        return block.elements.map((e) => ('text' in e && typeof e.text === 'string' ? e.text : ''));
      case 'actions':
        return [
          `Options: ${block.elements
            .map((e) => (e.type === 'button' ? escapeMrkdwn(e.text.text) : ''))
            .filter(Boolean)
            .join(' | ')}`,
        ];
      default:
        return [];
    }
  });
  return truncateMrkdwn(parts.join('\n\n'), L.messageText);
}

/** Truncates escaped mrkdwn without leaving half an entity (`&am`) or half a link (`<http://...`) behind. */
function truncateMrkdwn(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - 1);
  cut = cut.replace(/&[a-z]*$/, '').replace(/<[^>]*$/, '');
  return `${cut}…`;
}

/** Renders the core's reply as one or more Slack messages, in order. */
export function replyToSlackMessages(answer: Reply): SlackMessage[] {
  // A URL the person typed and the core echoed must not become a live link or an unfurl.
  const reply = withInertLinks(answer);
  const counter = { next: 0 };
  let blocks = reply.blocks.flatMap((block) => renderBlock(block, counter));
  if (blocks.length === 0) blocks = textSections(reply.text);
  if (blocks.length === 0) return [{ text: 'Nothing to show.', blocks: [] }];
  return paginate(blocks, L.messageBlocks, L.messageBlockChars).map((page) => ({ text: fallbackText(page), blocks: page }));
}

/** The App Home tab: the reply's blocks in one view of at most 100 blocks. */
export function replyToHomeView(reply: Reply): SlackHomeView {
  const blocks = replyToSlackMessages(reply).flatMap((m) => (m.blocks.length > 0 ? m.blocks : [section(m.text)]));
  if (blocks.length <= L.homeBlocks) return { type: 'home', blocks };
  const note: KnownBlock = {
    type: 'context',
    elements: [mrkdwn('…and more: ask me with `/mentor` for the rest.')],
  };
  return { type: 'home', blocks: [...blocks.slice(0, L.homeBlocks - 1), note] };
}
