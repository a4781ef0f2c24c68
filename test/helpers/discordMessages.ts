/**
 * Reading rendered Discord messages the way a user would: markdown undone, masked links shown as their
 * title, buttons decoded. Used by the renderer contract and by the end-to-end tests on recorded payloads.
 */
import type { APIEmbed } from 'discord.js';
import { decodeCustomId } from '../../src/bots/discord/customId';
import { limitViolations } from '../../src/bots/discord/limits';
import type { DiscordMessage } from '../../src/bots/discord/render';

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

export { limitViolations };
