/**
 * Direct messages: the text goes to the core as a conversation turn; the answer is posted into the DM.
 * One user's turns run one after another, in the order Slack delivered them: two quick DMs would otherwise
 * be answered concurrently, and the parts of two split answers could interleave.
 */
import type { App } from '@slack/bolt';
import { askMentor, slackErrorCode } from '../delivery';
import { KeyedQueue } from '../../common/keyedQueue';
import { parseDirectMessage, type MessageEventLike } from '../parse';
import { renderSafely } from '../renderSafely';
import type { ListenerDeps } from './deps';

export function registerMessages(app: App, deps: ListenerDeps): void {
  const turns = new KeyedQueue();
  app.event('message', async ({ event, client, context }) => {
    // Bots (us included), edits, deletions and channel messages are filtered out here.
    const request = parseDirectMessage(event as MessageEventLike, context.botUserId);
    if (!request) return;
    const threadTs = (event as { thread_ts?: string }).thread_ts;
    // Events are acked by Bolt before listeners run, so waiting here costs no deadline.
    await turns.run(request.userId, async () => {
      const reply = await askMentor(deps.mentor, request, deps.logger);
      for (const message of renderSafely(reply, deps.logger).messages) {
        try {
          await client.chat.postMessage({ channel: event.channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
        } catch (error) {
          deps.logger.error('slack could not answer a direct message', { error, code: slackErrorCode(error), channel: event.channel });
          return;
        }
      }
    });
  });
}
