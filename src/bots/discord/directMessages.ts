/**
 * Direct messages: a person's DM is a conversation turn for the core, answered in the same DM channel;
 * sendDirectMessage lets the app reach a user first (tips, reminders). A 50007 ("cannot send messages to
 * this user") marks the user undeliverable in the shared store, and marked users are not tried again.
 * Store calls about that mark are bounded and never stand between a user and their answer.
 */
import { DiscordAPIError, type Message } from 'discord.js';
import type { Reply } from '../../core/reply';
import { CANNOT_DM_USER, describeError, isApiError } from './apiErrors';
import { STORE_TIMEOUT_MS, type BotContext } from './context';
import { raceDeadline, withTimeout } from '../common/deadline';
import { sendImage } from './image';
import { apology, renderForSending } from './outgoing';
import { directMessageToRequest } from './parse';
import { QueueRefusedError } from '../../core/queue/keyedQueue';
import { refusedReply } from '../../core/storeFailure';
import { sendPayload } from './payloads';
import { clearUndeliverable, isUndeliverable, markUndeliverable } from './undeliverable';

export async function handleDirectMessage(ctx: BotContext, message: Message): Promise<void> {
  const request = directMessageToRequest(message, ctx.client.user?.id);
  if (!request) return;
  let answered = false;
  await ctx.dmQueue.run(request.userId, async () => {
    // Inside the user's queue, so a slow store cannot reorder two of their DMs.
    if (!(await ctx.firstTime(message.id))) {
      ctx.logger.info('discord: duplicate DM dropped; another instance on this token took it', { messageId: message.id });
      return;
    }
    try {
      const channel = message.channel;
      if (!channel.isSendable()) return;
      const work = ctx.mentor.handle(request);
      // No 3 s rule for DMs, but a typing indicator tells the user a slow answer is on its way.
      const raced = await raceDeadline(work, ctx.deferAfterMs);
      if (!raced.settled) await channel.sendTyping().catch(() => undefined);
      const answer = await work.catch((error: unknown) => {
        ctx.logger.error('discord: the mentor failed to answer a DM', describeError(error));
        return apology();
      });
      for (const part of renderForSending(ctx.logger, answer)) await channel.send(sendPayload(part));
      answered = true;
      await sendImage(ctx, answer, (payload) => channel.send(payload));
    } catch (error) {
      await reportSendFailure(ctx, request.userId, error);
    }
  }).catch(async (error: unknown) => {
    if (!(error instanceof QueueRefusedError)) throw error;
    // One note per burst: a note per refused DM would itself flood the channel and the rate limits.
    if (!error.firstInBurst || !message.channel.isSendable()) return;
    await message.channel
      .send(sendPayload(renderForSending(ctx.logger, refusedReply(error.reason))[0]!))
      .catch((sendError: unknown) => ctx.logger.warn('discord: could not send the one-at-a-time note', describeError(sendError)));
  });
  // The answer reached the user, so they are reachable again. Outside the queue: their next DM never waits on this.
  if (answered) await liftUndeliverable(ctx, request.userId);
}

/** Best effort: a store that fails or hangs only costs a warning, and the mark is lifted next time. */
async function liftUndeliverable(ctx: BotContext, userId: string): Promise<void> {
  try {
    const lift = async () => {
      // Checked first: almost nobody is marked, and a read is cheaper than a delete on every DM.
      if (!(await isUndeliverable(ctx.store, userId))) return;
      await clearUndeliverable(ctx.store, userId);
      ctx.logger.info('discord: user wrote again; undeliverable mark lifted', { user: userId });
    };
    await withTimeout(lift(), STORE_TIMEOUT_MS, 'lifting the undeliverable mark');
  } catch (error) {
    ctx.logger.warn('discord: could not lift the undeliverable mark', { user: userId, ...describeError(error) });
  }
}

export type DirectMessageOutcome = 'sent' | 'undeliverable' | 'failed';

/** Sends a reply to a user's DMs unless Discord already refused them; never throws, never hangs on the store. */
export async function sendDirectMessage(ctx: BotContext, userId: string, answer: Reply): Promise<DirectMessageOutcome> {
  try {
    if (await withTimeout(isUndeliverable(ctx.store, userId), STORE_TIMEOUT_MS, 'reading the undeliverable mark')) return 'undeliverable';
    const channel = await ctx.client.users.createDM(userId);
    for (const part of renderForSending(ctx.logger, answer)) await channel.send(sendPayload(part));
    return 'sent';
  } catch (error) {
    return reportSendFailure(ctx, userId, error);
  }
}

async function reportSendFailure(ctx: BotContext, userId: string, error: unknown): Promise<DirectMessageOutcome> {
  if (isApiError(error, CANNOT_DM_USER)) {
    ctx.logger.warn('discord: user cannot be sent DMs (50007); marked undeliverable', { user: userId });
    await withTimeout(markUndeliverable(ctx.store, userId), STORE_TIMEOUT_MS, 'storing the undeliverable mark').catch((e: unknown) =>
      ctx.logger.error('discord: could not store the mark', describeError(e)),
    );
    return 'undeliverable';
  }
  ctx.logger.error(error instanceof DiscordAPIError ? 'discord: DM rejected' : 'discord: DM failed', { user: userId, ...describeError(error) });
  return 'failed';
}
