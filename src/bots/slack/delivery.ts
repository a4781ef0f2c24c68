/**
 * Getting a reply to the user after the 3-second ack: through the request's response_url while it is
 * usable (5 posts within 30 minutes), then through the Web API (chat.postEphemeral / chat.postMessage).
 * Nothing here throws: failures are logged, and where possible the user is told why nothing arrived.
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../../core/logger';
import type { Reply } from '../../core/reply';
import type { MentorRequest, MentorService } from '../../core/request';
import type { SlackMessage } from './render';

export type WebClient = App['client'];

/** Slack accepts at most 5 posts to one response_url, within 30 minutes of the request. */
export const RESPONSE_URL_MAX_POSTS = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

export interface ResponsePayload extends SlackMessage {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

/**
 * What became of one response_url post. `unknown` is a request that was sent but not answered in time: Slack
 * may well have shown it, so falling back to the Web API could post the same message twice.
 */
export type PostOutcome = 'delivered' | 'failed' | 'unknown';

export class ResponseUrl {
  private used = 0;
  private readonly createdAt = Date.now();

  constructor(
    private readonly url: string | undefined,
    private readonly logger: Logger,
    private readonly timeoutMs = 5_000,
  ) {}

  get available(): boolean {
    return this.url !== undefined && this.used < RESPONSE_URL_MAX_POSTS && Date.now() - this.createdAt < RESPONSE_URL_LIFETIME_MS;
  }

  /** `failed` only when Slack definitely did not take the message (or it was never sent). */
  async post(payload: ResponsePayload): Promise<PostOutcome> {
    if (!this.available || this.url === undefined) return 'failed';
    this.used++;
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (isTimeout(error)) {
        this.logger.warn('slack response_url post timed out; not resending it, it may have arrived', { timeoutMs: this.timeoutMs });
        return 'unknown';
      }
      // Refused, reset, DNS...: no answer at all.
      this.logger.warn('slack response_url post failed', { error });
      return 'failed';
    }
    // A 2xx is Slack's answer even if its body is slow or cut short; only the body can still say {"ok":false}.
    const body = await response.text().catch(() => '');
    // Slack answers 200 "ok" or JSON {"ok":true}; expired or overused URLs get 404 / {"ok":false}.
    if (response.ok && !/"ok"\s*:\s*false/.test(body)) return 'delivered';
    this.logger.warn('slack response_url rejected a message', { status: response.status, body: body.slice(0, 200) });
    return 'failed';
  }
}

/**
 * AbortSignal.timeout makes fetch reject with a TimeoutError DOMException (AbortError on some undici
 * versions). Checked by name, not instanceof: a DOMException from another realm (jest's) is no `Error` here.
 */
function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** The Web API error code (`channel_not_found`...) of a failed call, if it has one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Errors that mean "the bot cannot post there": worth telling the user, not worth retrying. */
export const UNREACHABLE_CHANNEL = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'user_not_in_channel']);

export const UNREACHABLE_HELP =
  "I can't post in this conversation. Invite me to the channel (`/invite @ML Engineer Mentor`) or write to me in a direct message.";

export const CORE_FAILURE_TEXT = 'Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.';

/** Asks the core; a failure becomes a friendly reply, so every request gets an answer. */
export async function askMentor(mentor: MentorService, request: MentorRequest, logger: Logger): Promise<Reply> {
  try {
    return await mentor.handle(request);
  } catch (error) {
    logger.error('mentor failed', { error, kind: request.kind });
    return { text: CORE_FAILURE_TEXT, blocks: [{ type: 'text', text: CORE_FAILURE_TEXT }], visibility: 'private', error: true };
  }
}


export interface Destination {
  client: WebClient;
  logger: Logger;
  responseUrl: ResponseUrl;
  /** The conversation the request came from. */
  channelId?: string;
  userId: string;
  visibility: Reply['visibility'];
}

export const responseType = (visibility: Reply['visibility']) => (visibility === 'public' ? 'in_channel' : 'ephemeral');

/**
 * Sends messages in order: response_url first, the Web API when it is used up or definitely failed (not
 * when it timed out: that message may be on screen already). Stops at an unreachable channel (after
 * telling the user if it can).
 */
export async function deliver(to: Destination, messages: SlackMessage[]): Promise<void> {
  for (const message of messages) {
    // replace_original stays explicit: only the action listener replaces the clicked message, and itself.
    const payload: ResponsePayload = { ...message, response_type: responseType(to.visibility), replace_original: false };
    if ((await to.responseUrl.post(payload)) !== 'failed') continue;
    if (!(await postViaApi(to, message))) return;
  }
}

/** chat.postEphemeral for private answers, chat.postMessage for public ones. False when nothing was posted. */
export async function postViaApi(to: Destination, message: SlackMessage): Promise<boolean> {
  if (to.channelId === undefined) {
    to.logger.warn('slack reply dropped: no response_url and no channel', { userId: to.userId });
    return false;
  }
  try {
    if (to.visibility === 'private') {
      await to.client.chat.postEphemeral({ channel: to.channelId, user: to.userId, text: message.text, blocks: message.blocks });
    } else {
      await to.client.chat.postMessage({ channel: to.channelId, text: message.text, blocks: message.blocks });
    }
    return true;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined && UNREACHABLE_CHANNEL.has(code)) {
      to.logger.warn('slack cannot post in the channel', { code, channel: to.channelId });
      await to.responseUrl.post({ text: UNREACHABLE_HELP, blocks: [], response_type: 'ephemeral' });
    } else {
      to.logger.error('slack post failed', { error, code });
    }
    return false;
  }
}
