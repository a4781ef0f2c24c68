/**
 * Rendered answers, remembered. Many answers repeat exactly (every new learner's `/mentor next` is the
 * same reply), and rendering one was about a tenth of a slash command's CPU: each block measured for
 * Slack's size limits, mrkdwn escaped. The renderer is a pure function of the reply's text and blocks, so
 * equal replies render to equal messages. One rendering goes to every request that asks for it, so it is
 * frozen: nobody downstream can change what another request sends.
 *
 * Two ways to recognise a reply: the core hands out remembered replies frozen, so the same (frozen) blocks
 * array with the same text is the same reply, found without reading it; any other reply is recognised by
 * its content, serialised (about 10 µs for a next-step answer, most of what remembering cost).
 */
import { deepFreeze } from '../../core/deepFreeze';
import type { Block, Reply } from '../../core/reply';
import { replyToSlackMessages, type SlackMessage } from './render';

const MAX_ENTRIES = 256;
/** Longer replies are rendered every time: rare, and not worth holding in memory. */
const MAX_REPLY_CHARS = 32 * 1024;

const remembered = new Map<string, SlackMessage[]>();
const byFrozenBlocks = new WeakMap<Block[], { text: string; messages: SlackMessage[] }>();

export function renderRemembered(reply: Reply): SlackMessage[] {
  // Only a frozen array is known not to have changed since it was rendered.
  const frozen = Object.isFrozen(reply.blocks);
  const same = frozen ? byFrozenBlocks.get(reply.blocks) : undefined;
  if (same && same.text === reply.text) return same.messages;
  const key = JSON.stringify({ text: reply.text, blocks: reply.blocks });
  let messages = remembered.get(key);
  if (!messages) {
    messages = deepFreeze(replyToSlackMessages(reply));
    if (key.length <= MAX_REPLY_CHARS) {
      // The oldest goes first (a Map keeps insertion order).
      if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, messages);
    }
  }
  if (frozen) byFrozenBlocks.set(reply.blocks, { text: reply.text, messages });
  return messages;
}
