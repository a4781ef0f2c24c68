/**
 * Reading rendered Discord messages the way Discord and a user would: which limits are broken, markdown
 * undone, masked links shown as their title, buttons decoded. Used by the renderer contract and by the
 * end-to-end tests on recorded payloads.
 */
import type { APIEmbed } from 'discord.js';
import { decodeCustomId } from '../../src/bots/discord/customId';
import type { DiscordMessage } from '../../src/bots/discord/render';

/**
 * Discord's published limits (developers/resources/message.mdx "Embed Limits", components/reference.mdx),
 * written out again here on purpose: checking the renderer against its own constants would pass whatever
 * those constants said.
 */
const L = {
  content: 2000,
  embedsPerMessage: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
};

/** Characters Discord counts towards the 6,000 per message, across all embeds. */
export function embedSize(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0) + fields;
}

/** Every limit the message breaks, in words; [] when Discord would accept it. */
export function limitViolations(message: DiscordMessage): string[] {
  const problems: string[] = [];
  const check = (what: string, length: number, max: number, min = 1) => {
    if (length < min || length > max) problems.push(`${what} has ${length} characters (allowed ${min}-${max})`);
  };
  const parse = message.allowedMentions?.parse as unknown[] | undefined;
  if (!Array.isArray(parse) || parse.length > 0) problems.push('allowedMentions.parse must be []');
  if (message.content !== undefined) check('content', message.content.length, L.content);
  if (!message.content && message.embeds.length === 0 && message.components.length === 0) problems.push('message is empty');
  if (message.embeds.length > L.embedsPerMessage) problems.push(`${message.embeds.length} embeds (allowed ${L.embedsPerMessage})`);
  message.embeds.forEach((embed, e) => {
    if (embed.title !== undefined) check(`embed ${e} title`, embed.title.length, L.title);
    if (embed.description !== undefined) check(`embed ${e} description`, embed.description.length, L.description);
    if (embed.footer) check(`embed ${e} footer`, embed.footer.text.length, L.footer);
    if (embed.author) check(`embed ${e} author`, embed.author.name.length, L.author);
    const fields = embed.fields ?? [];
    if (fields.length > L.fields) problems.push(`embed ${e} has ${fields.length} fields (allowed ${L.fields})`);
    fields.forEach((f, i) => {
      check(`embed ${e} field ${i} name`, f.name.length, L.fieldName);
      check(`embed ${e} field ${i} value`, f.value.length, L.fieldValue);
    });
    if (embedSize(embed) === 0) problems.push(`embed ${e} is empty`);
  });
  const total = message.embeds.reduce((sum, embed) => sum + embedSize(embed), 0);
  if (total > L.embedTotal) problems.push(`embeds total ${total} characters (allowed ${L.embedTotal})`);
  if (message.components.length > L.rows) problems.push(`${message.components.length} action rows (allowed ${L.rows})`);
  const ids = new Set<string>();
  message.components.forEach((row, r) => {
    if (row.components.length < 1 || row.components.length > L.buttonsPerRow) {
      problems.push(`row ${r} has ${row.components.length} buttons (allowed 1-${L.buttonsPerRow})`);
    }
    for (const button of row.components as { label?: string; custom_id?: string }[]) {
      if (button.custom_id === undefined) continue;
      check(`row ${r} button label`, (button.label ?? '').length, L.buttonLabel);
      check(`row ${r} custom_id`, button.custom_id.length, L.customId);
      if (ids.has(button.custom_id)) problems.push(`duplicate custom_id ${button.custom_id}`);
      ids.add(button.custom_id);
    }
  });
  return problems;
}

/** Undoes the renderer's markdown: masked links -> "title url", bold markers dropped, `\x` -> `x`. */
export function unmarkdown(markdown: string): string {
  return markdown
    .replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\((\S+?)\)/g, '$1 $2')
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/(?<!\\)\*/g, '')
    .replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}

/** Works on renderer output and on recorded REST bodies (snake_case, possibly without allowedMentions). */
export interface MessageLikePayload {
  content?: string | null;
  embeds?: APIEmbed[];
  components?: { components: object[] }[];
}

export function visibleText(message: MessageLikePayload): string {
  const parts: string[] = [];
  if (message.content) parts.push(unmarkdown(message.content));
  for (const embed of message.embeds ?? []) {
    if (embed.title) parts.push(unmarkdown(embed.title));
    if (embed.description) parts.push(unmarkdown(embed.description));
    for (const f of embed.fields ?? []) parts.push(unmarkdown(f.name), unmarkdown(f.value));
    if (embed.footer) parts.push(embed.footer.text); // footers are plain text, never escaped
  }
  for (const b of buttonFields(message)) if (b.label) parts.push(b.label);
  return parts.join('\n');
}

function buttonFields(message: MessageLikePayload): { label?: string; custom_id?: string }[] {
  return (message.components ?? []).flatMap((row) => row.components as { label?: string; custom_id?: string }[]);
}

export function buttonsOf(message: MessageLikePayload): { actionId: string; value: string }[] {
  return buttonFields(message).flatMap((b) => {
    const decoded = b.custom_id ? decodeCustomId(b.custom_id) : undefined;
    return decoded ? [decoded] : [];
  });
}

export function canPing(message: DiscordMessage): boolean {
  const mentions = message.allowedMentions as { parse?: unknown[]; users?: unknown[]; roles?: unknown[] } | undefined;
  return !mentions || !Array.isArray(mentions.parse) || mentions.parse.length > 0 || Boolean(mentions.users?.length) || Boolean(mentions.roles?.length);
}

