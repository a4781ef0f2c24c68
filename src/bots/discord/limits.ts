/**
 * Discord's message limits (developers/resources/message.mdx "Embed Limits", components/reference.mdx) and
 * a checker. The renderer is built to respect them; outgoing.ts runs the checker on every message as a last
 * guard before sending, since any breach is a 400 from Discord and a lost answer. Tests check the renderer
 * against their own copy of the limits (test/helpers/discordMessages.ts), not against these constants.
 */
import type { DiscordMessage } from './render';

export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

const L = DISCORD_LIMITS;

function over(problems: string[], what: string, length: number, max: number, min = 0): void {
  if (length > max || length < min) problems.push(`${what} has ${length} characters (allowed ${min}-${max})`);
}

/** Every limit the message breaks, in words; [] when Discord would accept it. */
export function limitViolations(message: DiscordMessage): string[] {
  const problems: string[] = [];
  const parse = message.allowedMentions?.parse as unknown[] | undefined;
  if (!Array.isArray(parse) || parse.length > 0) problems.push('allowedMentions.parse must be []');
  if (message.content !== undefined) over(problems, 'content', message.content.length, L.content, 1);
  if (!message.content && message.embeds.length === 0 && message.components.length === 0) problems.push('message is empty');
  if (message.embeds.length > L.embedsPerMessage) problems.push(`${message.embeds.length} embeds (allowed ${L.embedsPerMessage})`);
  let total = 0;
  message.embeds.forEach((embed, e) => {
    const at = `embed ${e}`;
    if (embed.title !== undefined) over(problems, `${at} title`, embed.title.length, L.title, 1);
    if (embed.description !== undefined) over(problems, `${at} description`, embed.description.length, L.description, 1);
    if (embed.footer) over(problems, `${at} footer`, embed.footer.text.length, L.footer, 1);
    const fields = embed.fields ?? [];
    if (fields.length > L.fields) problems.push(`${at} has ${fields.length} fields (allowed ${L.fields})`);
    fields.forEach((f, i) => {
      over(problems, `${at} field ${i} name`, f.name.length, L.fieldName, 1);
      over(problems, `${at} field ${i} value`, f.value.length, L.fieldValue, 1);
    });
    const size = embedSize(embed);
    if (size === 0) problems.push(`${at} is empty`);
    total += size;
  });
  if (total > L.embedTotal) problems.push(`embeds total ${total} characters (allowed ${L.embedTotal})`);
  if (message.components.length > L.rows) problems.push(`${message.components.length} action rows (allowed ${L.rows})`);
  const ids = new Set<string>();
  message.components.forEach((row, r) => {
    if (row.components.length < 1 || row.components.length > L.buttonsPerRow) {
      problems.push(`row ${r} has ${row.components.length} buttons (allowed 1-${L.buttonsPerRow})`);
    }
    for (const button of row.components) {
      if (!('custom_id' in button)) continue;
      over(problems, `row ${r} button label`, ('label' in button ? button.label ?? '' : '').length, L.buttonLabel, 1);
      over(problems, `row ${r} custom_id`, button.custom_id.length, L.customId, 1);
      if (ids.has(button.custom_id)) problems.push(`duplicate custom_id ${button.custom_id}`);
      ids.add(button.custom_id);
    }
  });
  return problems;
}

/** Characters Discord counts towards the 6,000 per-message embed total. */
export function embedSize(embed: DiscordMessage['embeds'][number]): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}
