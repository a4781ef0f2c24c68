/**
 * Direct messages: the text goes to the core as a conversation turn; the answer is posted into the DM.
 * One user's turns run one after another, in the order Slack delivered them: two quick DMs would otherwise
 * be answered concurrently, and the parts of two split answers could interleave.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { usesTimezone } from '../../../core/commands/definitions';
import { askMentor, slackErrorCode } from '../delivery';
import { sendImage } from '../image';
import { KeyedQueue, QueueRefusedError } from '../../../core/queue/keyedQueue';
import { refusedReply } from '../../../core/storeFailure';
import { parseDirectMessage, type MessageEventLike } from '../parse';
import { renderSafely } from '../renderSafely';
import { forRequest, type ListenerDeps } from './deps';

export function messageListener(deps: ListenerDeps): (args: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => Promise<void> {
  const turns = new KeyedQueue();
  return async ({ event, client, context }) => {
    const req = forRequest(deps, (event as { user?: string }).user, (event as { client_msg_id?: string }).client_msg_id ?? (event as { ts?: string }).ts);
    // Bots (us included), edits, deletions and channel messages are filtered out here.
    const request = parseDirectMessage(event as MessageEventLike, context.botUserId);
    if (!request) return;
    const threadTs = (event as { thread_ts?: string }).thread_ts;
    const post = async (message: { text: string; blocks?: unknown[] }) =>
      client.chat.postMessage({ channel: event.channel, text: message.text, blocks: message.blocks as never, ...(threadTs ? { thread_ts: threadTs } : {}) });
    // Events are acked by Bolt before listeners run, so waiting here costs no deadline.
    await turns.run(request.userId, async () => {
      // "tips on" typed in the DM: the person's own tips at their own local time, as for /mentor tips on.
      const firstWord = request.text.trim().split(/\s+/)[0] ?? '';
      if (usesTimezone(firstWord) && request.place) {
        const timezone = await deps.timezones.of(client, request.userId, req.logger);
        if (timezone) request.place = { ...request.place, timezone };
      }
      const reply = await askMentor(req.mentor, request, req.logger);
      for (const message of renderSafely(reply, req.logger).messages) {
        try {
          await post(message);
        } catch (error) {
          req.logger.error('slack could not answer a direct message', { error, code: slackErrorCode(error), channel: event.channel });
          return;
        }
      }
      await sendImage({ client, logger: req.logger, channelId: event.channel, userId: request.userId, visibility: 'public', threadTs }, reply);
    }).catch(async (error: unknown) => {
      if (!(error instanceof QueueRefusedError)) throw error;
      // One note per burst: answering every refused DM would itself flood the channel (about 1 post/s).
      if (!error.firstInBurst) return;
      const text = refusedReply(error.reason).text;
      await post({ text }).catch((postError: unknown) => deps.logger.warn('slack could not post the one-at-a-time note', { code: slackErrorCode(postError) }));
    });
  };
}
