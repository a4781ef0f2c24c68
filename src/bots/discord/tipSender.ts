/**
 * Daily tips on Discord, sent over REST on a client of their own: broadcasts queue behind their own rate
 * limits and never delay an interaction's answer (interaction callbacks are also exempt from the global
 * limit). 429s are waited out by the REST queue (`rejectOnRateLimit` unset). Refusals that will not change
 * are reported, not retried, since each one counts towards Discord's invalid-request ban:
 * 10003 Unknown Channel, 50001 Missing Access and 50013 Missing Permissions turn a channel's tips off;
 * 50007 (the person's DMs are closed) pauses personal tips. Anything else throws, and the job is retried.
 */
import { DiscordAPIError, REST, Routes, type RESTPostAPIChannelMessageJSONBody, type RESTPostAPICurrentUserCreateDMChannelResult } from 'discord.js';
import type { Logger } from '../../core/logger';
import type { Reply } from '../../core/reply';
import type { SendOutcome, Subscription, TipSender } from '../../core/tips/model';
import { CANNOT_DM_USER } from './apiErrors';
import { renderForSending } from './outgoing';
import type { DiscordMessage } from './render';

export const UNKNOWN_CHANNEL = 10003;
export const MISSING_ACCESS = 50001;
export const MISSING_PERMISSIONS = 50013;
const CHANNEL_GONE = new Set<number | string>([UNKNOWN_CHANNEL, MISSING_ACCESS, MISSING_PERMISSIONS]);

export interface DiscordTipSenderOptions {
  token: string;
  /** REST base such as `https://discord.com/api`, as for the bot. */
  apiUrl?: string;
  logger: Logger;
}

const messageBody = (message: DiscordMessage): RESTPostAPIChannelMessageJSONBody => ({
  ...(message.content !== undefined ? { content: message.content } : {}),
  embeds: message.embeds,
  components: message.components,
  // Nothing a tip says may ping anyone.
  allowed_mentions: { parse: [] },
});

export class DiscordTipSender implements TipSender {
  readonly platform = 'discord' as const;
  private readonly rest: REST;

  constructor(private readonly options: DiscordTipSenderOptions) {
    this.rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  }

  async send(subscription: Subscription, reply: Reply): Promise<SendOutcome> {
    try {
      const channelId = subscription.audience === 'channel' ? subscription.target : await this.openDm(subscription.target);
      for (const message of renderForSending(this.options.logger, reply)) {
        await this.rest.post(Routes.channelMessages(channelId), { body: messageBody(message) });
      }
      return { kind: 'sent' };
    } catch (error) {
      if (!(error instanceof DiscordAPIError)) throw error;
      if (subscription.audience === 'person' && error.code === CANNOT_DM_USER) return { kind: 'dm-closed', reason: `discord ${error.code}: ${error.message}` };
      if (CHANNEL_GONE.has(error.code)) return { kind: 'gone', reason: `discord ${error.code}: ${error.message}` };
      throw error;
    }
  }

  private async openDm(userId: string): Promise<string> {
    const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as RESTPostAPICurrentUserCreateDMChannelResult;
    return channel.id;
  }
}
