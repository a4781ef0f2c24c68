/**
 * Button action ids. Slack requires `action_id` to be unique within a message, but two buttons may run the
 * same core command (two "done" buttons for two topics). So the id carries the core's actionId plus a
 * counter, and the argument stays in the button's `value`: `mentor:done:3` + value `pytorch`.
 */
const PREFIX = 'mentor';
// Greedy up to the last colon, so any core actionId decodes back unchanged.
const PATTERN = /^mentor:(.+):\d+$/;

export function encodeActionId(actionId: string, index: number): string {
  return `${PREFIX}:${actionId}:${index}`;
}

/** The core actionId, or undefined for an action_id this app did not make. */
export function decodeActionId(slackActionId: string): string | undefined {
  return PATTERN.exec(slackActionId)?.[1];
}
