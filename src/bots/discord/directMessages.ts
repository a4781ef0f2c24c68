/**
 * Direct messages: a person's DM is a conversation turn for the core, answered in the same DM channel;
 * sendDirectMessage lets the app reach a user first (tips, reminders). A 50007 ("cannot send messages to
 * this user") marks the user undeliverable in the shared store, and marked users are not tried again.
 */
import { DiscordAPIError, type Message } from 'discord.js';
import type { Reply } from '../../core/reply';
import { CANNOT_DM_USER, describeError, isApiError } from './apiErrors';
import type { BotContext } from './context';
import { raceDeadline } from './deadline';
import { directMessageToRequest } from './parse';
import { sendPayload } from './payloads';
import { replyToDiscordMessages } from './render';
import { apology } from './interactions';
import { clearUndeliverable, isUndeliverable, markUndeliverable } from './undeliverable';

export async function handleDirectMessage(ctx: BotContext, message: Message): Promise<void> {
  const request = directMessageToRequest(message, ctx.client.user?.id);
  if (!request) return;
  await ctx.dmQueue.run(request.userId, async () => {
    try {
      // Writing to the bot shows the user can be reached again.
      await clearUndeliverable(ctx.store, request.userId);
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
      for (const part of replyToDiscordMessages(answer)) await channel.send(sendPayload(part));
    } catch (error) {
      await reportSendFailure(ctx, request.userId, error);
    }
  });
}

export type DirectMessageOutcome = 'sent' | 'undeliverable' | 'failed';

/** Sends a reply to a user's DMs unless Discord already refused them; never throws. */
export async function sendDirectMessage(ctx: BotContext, userId: string, answer: Reply): Promise<DirectMessageOutcome> {
  try {
    if (await isUndeliverable(ctx.store, userId)) return 'undeliverable';
    const channel = await ctx.client.users.createDM(userId);
    for (const part of replyToDiscordMessages(answer)) await channel.send(sendPayload(part));
    return 'sent';
  } catch (error) {
    return reportSendFailure(ctx, userId, error);
  }
}

async function reportSendFailure(ctx: BotContext, userId: string, error: unknown): Promise<DirectMessageOutcome> {
  if (isApiError(error, CANNOT_DM_USER)) {
    ctx.logger.warn('discord: user cannot be sent DMs (50007); marked undeliverable', { user: userId });
    await markUndeliverable(ctx.store, userId).catch((e: unknown) => ctx.logger.error('discord: could not store the mark', describeError(e)));
    return 'undeliverable';
  }
  ctx.logger.error(error instanceof DiscordAPIError ? 'discord: DM rejected' : 'discord: DM failed', { user: userId, ...describeError(error) });
  return 'failed';
}
