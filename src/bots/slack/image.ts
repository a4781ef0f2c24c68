/**
 * Sends a reply's picture (the roadmap) after its text, with the Web API's external upload
 * (files.getUploadURLExternal, a POST of the bytes, files.completeUploadExternal: what
 * `files.uploadV2` does). Files cannot be ephemeral, so a private answer's picture goes to the learner's
 * DM with the mentor instead of the shared channel. The text has already arrived by then: a failed
 * render or upload is logged and nothing is posted again.
 */
import type { Logger } from '../../core/logger';
import type { Reply } from '../../core/reply';
import { imageCache } from '../../render/imageCache';
import { slackErrorCode, type WebClient } from './delivery';

export interface ImageDestination {
  client: WebClient;
  logger: Logger;
  /** The conversation the answer went to. */
  channelId?: string;
  userId: string;
  visibility: Reply['visibility'];
  threadTs?: string;
}

export const DM_NOTE = 'The picture of your path you asked for. Your answer was private, so it is here in our direct messages.';

/** DM channel ids start with D; anything else (C, G) is seen by others. */
const isDm = (channelId: string | undefined) => channelId?.startsWith('D') ?? false;

/** Where the picture may go: the conversation itself unless that would show a private answer to others. */
async function targetChannel(to: ImageDestination): Promise<string | undefined> {
  if (to.channelId && (to.visibility === 'public' || isDm(to.channelId))) return to.channelId;
  const opened = await to.client.conversations.open({ users: to.userId });
  return opened.channel?.id;
}

export async function sendImage(to: ImageDestination, reply: Reply): Promise<void> {
  const image = reply.image;
  if (!image) return;
  try {
    const png = await imageCache.png(image);
    const channel = await targetChannel(to);
    if (!channel) throw new Error('no channel to upload the picture to');
    // Moved to the DM: say why, since the learner asked somewhere else.
    const note = channel === to.channelId ? {} : { initial_comment: DM_NOTE };
    const upload = { channel_id: channel, file: png, filename: image.name, title: 'Your roadmap', alt_text: image.alt, ...note };
    // In a DM thread the picture joins the thread, next to the text it belongs to.
    const thread = channel === to.channelId ? to.threadTs : undefined;
    await to.client.files.uploadV2(thread ? { ...upload, thread_ts: thread } : upload);
  } catch (error) {
    // Never retried here: the text answer is already there, and a second upload could show the picture twice.
    to.logger.warn('slack could not send the roadmap picture; the text answer was delivered', { error, code: slackErrorCode(error), channel: to.channelId });
  }
}
