/**
 * Sends a reply's picture (the roadmap) as its own message after the text: an embed showing the attached
 * PNG (`attachment://roadmap.png`), with the alt text as the attachment's description. Kept apart from the
 * text so a refused file (no Attach Files permission, a size limit) costs only the picture: the failure is
 * logged, the text has arrived, and nothing is sent twice.
 */
import type { APIEmbed } from 'discord.js';
import type { Reply, ReplyImage } from '../../core/reply';
import { imageCache } from '../../render/imageCache';
import { describeError } from './apiErrors';
import type { BotContext } from './context';

export interface ImagePayload {
  embeds: APIEmbed[];
  files: { attachment: Buffer; name: string; description: string }[];
  allowedMentions: { parse: [] };
}

/** The mentor's embed colour for the picture (Discord takes an integer RGB). */
const EMBED_COLOUR = 0x1d3557;

export function imagePayload(image: ReplyImage, png: Buffer): ImagePayload {
  return {
    embeds: [{ title: 'Your roadmap', color: EMBED_COLOUR, image: { url: `attachment://${image.name}` } }],
    files: [{ attachment: png, name: image.name, description: image.alt }],
    allowedMentions: { parse: [] },
  };
}

/** Renders (or takes from the cache) and sends the picture with `send`; never throws. */
export async function sendImage(ctx: Pick<BotContext, 'logger'>, reply: Reply, send: (payload: ImagePayload) => Promise<unknown>): Promise<void> {
  if (!reply.image) return;
  try {
    await send(imagePayload(reply.image, await imageCache.png(reply.image)));
  } catch (error) {
    ctx.logger.warn('discord: could not send the roadmap picture; the text answer was delivered', describeError(error));
  }
}
