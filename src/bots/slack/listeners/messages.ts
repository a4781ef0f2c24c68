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
import { forRequest, type ListenerDeps } from './deps';

export function registerMessages(app: App, deps: ListenerDeps): void {
  const turns = new KeyedQueue();
  app.event('message', async ({ event, client, context }) => {
    const req = forRequest(deps, (event as { user?: string }).user, (event as { client_msg_id?: string }).client_msg_id ?? (event as { ts?: string }).ts);
    // Bots (us included), edits, deletions and channel messages are filtered out here.
    const request = parseDirectMessage(event as MessageEventLike, context.botUserId);
    if (!request) return;
    const threadTs = (event as { thread_ts?: string }).thread_ts;
    // Events are acked by Bolt before listeners run, so waiting here costs no deadline.
    await turns.run(request.userId, async () => {
      const reply = await askMentor(req.mentor, request, req.logger);
      for (const message of renderSafely(reply, req.logger).messages) {
        try {
          await client.chat.postMessage({ channel: event.channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
        } catch (error) {
          req.logger.error('slack could not answer a direct message', { error, code: slackErrorCode(error), channel: event.channel });
          return;
        }
      }
    });
  });
}
