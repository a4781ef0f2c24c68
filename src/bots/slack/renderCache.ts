/**
 * Rendered answers, remembered by the reply's content. Many answers repeat exactly (every new learner's
 * `/mentor next` is the same reply), and rendering one was about a tenth of a slash command's CPU: each
 * block measured for Slack's size limits, mrkdwn escaped. The renderer is a pure function of the reply,
 * so equal replies render to equal messages. One rendering goes to every request that asks for it, so
 * it is frozen: nobody downstream can change what another request sends.
 */
import type { Reply } from '../../core/reply';
import { replyToSlackMessages, type SlackMessage } from './render';

const MAX_ENTRIES = 256;
/** Longer replies are rendered every time: rare, and not worth holding in memory. */
const MAX_REPLY_CHARS = 32 * 1024;

const remembered = new Map<string, SlackMessage[]>();

export function renderRemembered(reply: Reply): SlackMessage[] {
  const key = JSON.stringify(reply);
  const known = remembered.get(key);
  if (known) return known;
  const messages = deepFreeze(replyToSlackMessages(reply));
  if (key.length <= MAX_REPLY_CHARS) {
    // The oldest goes first (a Map keeps insertion order).
    if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, messages);
  }
  return messages;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
