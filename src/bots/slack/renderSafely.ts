/**
 * Rendering inside a listener, where a throw would cost more than the answer: before a slash command's ack
 * it means no ack at all, and Slack shows the user "operation_timeout". A renderer bug is logged and the
 * user gets a short apology instead, privately.
 */
import type { Logger } from '../../core/logger';
import type { Reply } from '../../core/reply';
import type { SlackMessage } from './render';
import { renderRemembered } from './renderCache';

export const RENDER_FAILURE_TEXT = "Sorry, I couldn't display this answer. Please try again in a moment.";

export interface Rendered {
  messages: SlackMessage[];
  visibility: Reply['visibility'];
  /** True when `messages` is the apology: nothing of the reply could be shown. */
  failed: boolean;
}

export function renderSafely(reply: Reply, logger: Logger): Rendered {
  try {
    return { messages: renderRemembered(reply), visibility: reply.visibility, failed: false };
  } catch (error) {
    logger.error('slack could not render a reply', { error, blocks: reply.blocks.map((b) => b.type) });
    return { messages: [{ text: RENDER_FAILURE_TEXT, blocks: [] }], visibility: 'private', failed: true };
  }
}
