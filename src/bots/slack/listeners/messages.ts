/** Direct messages: the text goes to the core as a conversation turn; the answer is posted into the DM. */
import type { App } from '@slack/bolt';
import { askMentor, slackErrorCode } from '../delivery';
import { parseDirectMessage, type MessageEventLike } from '../parse';
import { replyToSlackMessages } from '../render';
import type { ListenerDeps } from './deps';

export function registerMessages(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, client, context }) => {
    // Bots (us included), edits, deletions and channel messages are filtered out here.
    const request = parseDirectMessage(event as MessageEventLike, context.botUserId);
    if (!request) return;
    const reply = await askMentor(deps.mentor, request, deps.logger);
    const threadTs = (event as { thread_ts?: string }).thread_ts;
    for (const message of replyToSlackMessages(reply)) {
      try {
        await client.chat.postMessage({ channel: event.channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
      } catch (error) {
        deps.logger.error('slack could not answer a direct message', { error, code: slackErrorCode(error), channel: event.channel });
        return;
      }
    }
  });
}
