/**
 * Button custom_id codec. A button carries a registry command id and its argument text; Discord gives
 * us 100 characters for both. The adapter adds no logic: a press is sent back to the core as-is.
 */
export const CUSTOM_ID_PREFIX = 'm';
export const MAX_CUSTOM_ID_LENGTH = 100;

/**
 * `m|<actionId>|<value>`, or undefined when it would exceed Discord's 100 characters. Discord requires
 * custom_ids to be unique within a message, so a repeated button passes `copy` (2, 3...) to get `m2|...`.
 */
export function encodeCustomId(actionId: string, value: string, copy?: number): string | undefined {
  if (!actionId || actionId.includes('|')) return undefined;
  const id = `${CUSTOM_ID_PREFIX}${copy && copy > 1 ? copy : ''}|${actionId}|${value}`;
  return id.length <= MAX_CUSTOM_ID_LENGTH ? id : undefined;
}

/** The inverse of encodeCustomId; undefined for ids this bot did not create. The value may contain `|`. */
export function decodeCustomId(customId: string): { actionId: string; value: string } | undefined {
  const prefix = /^m\d*\|/.exec(customId);
  if (!prefix || customId.length > MAX_CUSTOM_ID_LENGTH) return undefined;
  const rest = customId.slice(prefix[0].length);
  const bar = rest.indexOf('|');
  if (bar <= 0) return undefined;
  return { actionId: rest.slice(0, bar), value: rest.slice(bar + 1) };
}
