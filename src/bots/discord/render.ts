/**
 * The one Discord renderer: a neutral Reply becomes one or more Discord messages that each fit every limit.
 * Conversational replies (only text, bullets and buttons) read best as plain chat content; structured ones
 * (headings, fields, links, sources) become embeds. Nothing is truncated except button labels: long answers
 * continue in further embeds and messages. Every message carries `allowedMentions: { parse: [] }`.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { Block, Button, Reply } from '../../core/reply';
import { withInertLinks } from '../common/inertLinks';
import { encodeCustomId } from './customId';
import { escapeMarkdown, markdownLink } from './escape';
import { DISCORD_LIMITS as L, embedSize } from './limits';
import { splitText, truncate } from './split';

export { decodeCustomId, encodeCustomId } from './customId';

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: { parse: [] };
}

/** Discord rejects empty field names and values; a zero-width space is the accepted placeholder. */
const BLANK = '\u200b';

const hasContent = (block: Block): boolean => {
  switch (block.type) {
    case 'heading':
    case 'text':
    case 'source':
      return block.text.trim().length > 0;
    case 'bullets':
      return block.items.length > 0;
    case 'fields':
      return block.fields.length > 0;
    case 'links':
      return block.links.length > 0;
    case 'buttons':
      return block.buttons.length > 0;
  }
};

const bulletLines = (items: string[]) => items.map((item) => `• ${escapeMarkdown(item)}`).join('\n');

/** Builds embeds in reply order, starting a new one whenever the next piece would break a limit. */
class EmbedBuilder {
  readonly embeds: APIEmbed[] = [];
  private current: APIEmbed = {};

  private flush(): void {
    if (embedSize(this.current) > 0) this.embeds.push(this.current);
    this.current = {};
  }

  private room(): number {
    return L.embedTotal - embedSize(this.current);
  }

  heading(text: string): void {
    const title = escapeMarkdown(text.trim());
    if (title.length > L.title) return this.paragraph(`**${title}**`);
    this.flush();
    this.current.title = title;
  }

  /** A block of description text; split across embeds when it is longer than one description. */
  paragraph(markdown: string): void {
    const fields = this.current.fields ?? [];
    if (fields.length > 0 && !this.current.footer && markdown.length <= L.fieldValue && fields.length < L.fields && markdown.length + 1 <= this.room()) {
      // Text after fields would render above them in the description; a nameless field keeps reply
      // order inside the same card.
      fields.push({ name: BLANK, value: markdown });
      return;
    }
    // Longer text after fields (or anything after a footer) continues in a new embed, in order.
    if (fields.length > 0 || this.current.footer) this.flush();
    for (const piece of splitText(markdown, L.description)) {
      const separator = this.current.description ? '\n\n' : '';
      const length = (this.current.description?.length ?? 0) + separator.length + piece.length;
      if (length > L.description || separator.length + piece.length > this.room()) this.flush();
      this.current.description = this.current.description ? `${this.current.description}\n\n${piece}` : piece;
    }
  }

  field(label: string, value: string): void {
    let name = escapeMarkdown(label.trim()) || BLANK;
    let body = escapeMarkdown(value.trim());
    if (name.length > L.fieldName) {
      // A label too long for a field name is kept whole, as a bold first line of the value.
      body = `**${name}**\n${body}`;
      name = BLANK;
    }
    splitText(body || BLANK, L.fieldValue).forEach((chunk, i) => {
      const fieldName = i === 0 ? name : truncate(`${name === BLANK ? '' : name} (continued)`.trim(), L.fieldName);
      const fields = this.current.fields ?? [];
      if (this.current.footer || fields.length >= L.fields || fieldName.length + chunk.length > this.room()) this.flush();
      (this.current.fields ??= []).push({ name: fieldName, value: chunk });
    });
  }

  /** A source line becomes the footer (plain text: footers do not render markdown). */
  source(text: string): void {
    const plain = text.trim();
    if (plain.length > L.footer) return this.paragraph(`*${escapeMarkdown(plain)}*`);
    const footer = this.current.footer ? `${this.current.footer.text} · ${plain}` : plain;
    if (footer.length <= L.footer && footer.length - (this.current.footer?.text.length ?? 0) <= this.room()) {
      this.current.footer = { text: footer };
      return;
    }
    this.flush();
    this.current.footer = { text: plain };
  }

  finish(): APIEmbed[] {
    this.flush();
    return this.embeds;
  }
}

function embedMessages(blocks: Block[]): DiscordMessage[] {
  const builder = new EmbedBuilder();
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        builder.heading(block.text);
        break;
      case 'text':
        builder.paragraph(escapeMarkdown(block.text.trim()));
        break;
      case 'bullets':
        builder.paragraph(bulletLines(block.items));
        break;
      case 'fields':
        for (const f of block.fields) builder.field(f.label, f.value);
        break;
      case 'links':
        builder.paragraph(block.links.map((l) => `• ${markdownLink(l.title, l.url)}`).join('\n'));
        break;
      case 'source':
        builder.source(block.text);
        break;
      case 'buttons':
        break;
    }
  }
  // Pack embeds greedily: at most 10 per message and 6,000 characters across them.
  const messages: DiscordMessage[] = [];
  let size = Infinity;
  for (const embed of builder.finish()) {
    const last = messages[messages.length - 1];
    if (!last || last.embeds.length >= L.embedsPerMessage || size + embedSize(embed) > L.embedTotal) {
      messages.push(message({ embeds: [embed] }));
      size = embedSize(embed);
    } else {
      last.embeds.push(embed);
      size += embedSize(embed);
    }
  }
  return messages;
}

function contentMessages(blocks: Block[]): DiscordMessage[] {
  const text = blocks
    .map((block) => (block.type === 'text' ? escapeMarkdown(block.text.trim()) : block.type === 'bullets' ? bulletLines(block.items) : ''))
    .filter(Boolean)
    .join('\n\n');
  return text ? splitText(text, L.content).map((content) => message({ content })) : [];
}

function toButton(button: Button, customId: string): APIButtonComponentWithCustomId {
  const style = button.style === 'danger' ? ButtonStyle.Danger : button.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary;
  const label = truncate(button.label.trim() || button.actionId, L.buttonLabel);
  return { type: ComponentType.Button, style, label, custom_id: customId };
}

/**
 * Buttons in rows of 5; each buttons block starts a new row. custom_ids stay unique, as Discord requires.
 * Buttons whose custom_id would pass 100 characters cannot be sent: they are left out and their action
 * ids returned, so the caller can log them (rendering stays pure).
 */
function buttonRows(blocks: Block[]): { rows: APIActionRowComponent<APIComponentInMessageActionRow>[]; dropped: string[] } {
  const used = new Set<string>();
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const dropped: string[] = [];
  for (const block of blocks) {
    if (block.type !== 'buttons') continue;
    const buttons: APIButtonComponentWithCustomId[] = [];
    for (const button of block.buttons) {
      // A repeated action+value gets a counter in its prefix (m2|...) so both buttons survive.
      let customId = encodeCustomId(button.actionId, button.value);
      for (let n = 2; customId && used.has(customId); n++) customId = encodeCustomId(button.actionId, button.value, n);
      if (!customId) {
        dropped.push(button.actionId);
        continue;
      }
      used.add(customId);
      buttons.push(toButton(button, customId));
    }
    for (let i = 0; i < buttons.length; i += L.buttonsPerRow) {
      rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + L.buttonsPerRow) });
    }
  }
  return { rows, dropped };
}

const message = (parts: Partial<DiscordMessage>): DiscordMessage => ({ embeds: [], components: [], ...parts, allowedMentions: { parse: [] } });

export interface Rendered {
  messages: DiscordMessage[];
  /** Action ids of buttons left out because their custom_id would exceed Discord's 100 characters. */
  droppedButtons: string[];
}

export function renderReply(answer: Reply): Rendered {
  // A URL the person typed and the core echoed must not become a live link or an embed.
  const reply = withInertLinks(answer);
  const blocks = reply.blocks.filter(hasContent);
  const conversational = blocks.every((b) => b.type === 'text' || b.type === 'bullets' || b.type === 'buttons');
  let messages = conversational ? contentMessages(blocks) : embedMessages(blocks);
  if (messages.length === 0 && reply.blocks.length === 0 && reply.text.trim()) {
    messages = splitText(escapeMarkdown(reply.text.trim()), L.content).map((content) => message({ content }));
  }
  // Buttons go under the last part of the answer; more than 5 rows continue in button-only messages.
  const { rows, dropped } = buttonRows(blocks);
  if (messages.length === 0) messages.push(rows.length ? message({}) : message({ content: '(no answer)' }));
  for (let i = 0; i < rows.length; i += L.rows) {
    const target = i === 0 ? messages[messages.length - 1]! : (messages[messages.length] = message({}));
    target.components = rows.slice(i, i + L.rows);
  }
  return { messages, droppedButtons: dropped };
}

/** The messages alone, for callers that do not report dropped buttons (the renderer contract). */
export const replyToDiscordMessages = (reply: Reply): DiscordMessage[] => renderReply(reply).messages;
