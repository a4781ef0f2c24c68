/**
 * Slack's TipSender: posts a tip to a channel, or to a person's DM (conversations.open, then post), on a Web
 * API client of its own, so a broadcast that waits out a rate limit never holds up an interactive reply
 * (the client pauses its whole queue on a 429). The reply is rendered by the same renderer as answers.
 *
 * - 429: waited out as Retry-After says, and retried with a patient policy (12 tries over several
 *   minutes), well beyond the interactive client's 4 quick ones;
 * - channel gone or closed to the bot (channel_not_found, not_in_channel, is_archived, channel_is_archived),
 *   or a person's DM that cannot be opened (user_not_found, user_disabled): `{ kind: 'gone' }`, and the core
 *   turns the subscription off;
 * - anything else throws, so the scheduler retries the post later. That includes the bot's own token being
 *   deactivated or revoked (account_inactive, invalid_auth, token_revoked): a problem of this installation,
 *   perhaps temporary, that must not turn off every subscription; it is retried and logged.
 */
import { webApi } from '@slack/bolt';
import type { LogLevel } from '../../core/logger';
import type { Logger } from '../../core/logger';
import type { Reply } from '../../core/reply';
import type { SendOutcome, Subscription, TipSender } from '../../core/tips/model';
import { boltLogLevel, toBoltLogger } from './boltLogger';
import { slackErrorCode } from './delivery';
import { renderSafely } from './renderSafely';

/** Errors after which posting to that target again cannot work. Not the token's errors (account_inactive, invalid_auth, token_revoked): those are the bot's, they throw. */
export const GONE_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived', 'user_not_found', 'user_disabled']);

/** Patient: a tip can wait minutes; each 429 also waits its Retry-After before counting as a try. */
export const TIP_RETRY_CONFIG = { retries: 12, factor: 2, minTimeout: 1_000, maxTimeout: 60_000, randomize: true };
export const TIP_API_TIMEOUT_MS = 15_000;

export interface SlackTipSenderOptions {
  token: string;
  /** The same Web API base as the app (SLACK_API_URL), e.g. GovSlack, a proxy, or a test's fake. */
  apiUrl?: string;
  logger: Logger;
  logLevel?: LogLevel;
  /** Overrides TIP_RETRY_CONFIG (tests). */
  retryConfig?: webApi.RetryOptions;
}

export function createSlackTipSender(options: SlackTipSenderOptions): TipSender {
  const { logger } = options;
  const client = new webApi.WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: options.retryConfig ?? TIP_RETRY_CONFIG,
    timeout: TIP_API_TIMEOUT_MS,
    rejectRateLimitedCalls: false,
    logger: toBoltLogger(logger, 'slack-tips'),
    logLevel: boltLogLevel(options.logLevel ?? 'info'),
  });
  client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfterSeconds: number) => logger.warn('slack rate limited a tip post; waiting', { retryAfterSeconds }));

  const conversationFor = async (subscription: Subscription): Promise<string> => {
    if (subscription.audience === 'channel') return subscription.target;
    const opened = await client.conversations.open({ users: subscription.target });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    return id;
  };

  return {
    platform: 'slack',
    async send(subscription: Subscription, reply: Reply): Promise<SendOutcome> {
      const rendered = renderSafely(reply, logger);
      // An apology is for someone who asked; nobody asked for this post. Fail, so it is retried and logged.
      if (rendered.failed) throw new Error('the tip could not be rendered for Slack');
      try {
        const channel = await conversationFor(subscription);
        for (const message of rendered.messages) await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
        return { kind: 'sent' };
      } catch (error) {
        const code = slackErrorCode(error);
        if (code !== undefined && GONE_ERRORS.has(code)) {
          logger.warn('slack tip target is gone', { subscription: subscription.id, code });
          return { kind: 'gone', reason: code };
        }
        throw error;
      }
    },
  };
}
