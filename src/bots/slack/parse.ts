/**
 * Slack payloads -> MentorRequest. Pure functions over the few fields they need, so they are easy to test
 * and carry no logic beyond translation: which command, which user, which text.
 */
import { parseCommandLine } from '../../core/commands/definitions';
import type { MentorRequest, Place } from '../../core/request';
import { decodeActionId } from './actionIds';
import { unescapeMrkdwn } from './mrkdwn';

/**
 * Where on Slack a request was made. Direct-message conversation ids start with "D" (a slash command typed
 * in the DM with the app, or its Messages tab); App Home has no conversation and is direct as well.
 */
export function slackPlace(channelId: string | undefined, home = false): Place {
  const direct = home || (channelId?.startsWith('D') ?? false);
  return { platform: 'slack', ...(channelId && !home ? { channelId } : {}), direct };
}

/** `/mentor <command> [args]`; bare `/mentor` is help, a trailing `share` makes the answer public. */
export function parseSlashCommand(body: { user_id: string; text?: string; channel_id?: string }): Extract<MentorRequest, { kind: 'command' }> {
  const line = parseCommandLine(unescapeMrkdwn(body.text ?? ''));
  return { kind: 'command', userId: body.user_id, command: line.command, text: line.text, share: line.share, place: slackPlace(body.channel_id) };
}

export interface MessageEventLike {
  type: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  app_id?: string;
  user?: string;
  text?: string;
  channel?: string;
}

/**
 * Message subtypes that carry something a person just wrote: a DM with files (`file_share`), a thread reply
 * also sent to the conversation (`thread_broadcast`), a `/me` action. Every other subtype is an event about
 * a message (edits, deletions, joins, bots' posts...) and is not a new turn.
 */
export const PERSON_MESSAGE_SUBTYPES: ReadonlySet<string> = new Set(['file_share', 'thread_broadcast', 'me_message']);

/**
 * A person's direct message to the mentor, or undefined for everything to ignore: other channels, bots
 * (including ourselves), edits, deletions, joins and other event subtypes, and empty text.
 */
export function parseDirectMessage(event: MessageEventLike, botUserId?: string): Extract<MentorRequest, { kind: 'message' }> | undefined {
  if (event.type !== 'message' || event.channel_type !== 'im') return undefined;
  if (event.subtype !== undefined && !PERSON_MESSAGE_SUBTYPES.has(event.subtype)) return undefined;
  if (event.bot_id !== undefined) return undefined;
  if (!event.user || event.user === botUserId) return undefined;
  const text = unescapeMrkdwn(event.text ?? '').trim();
  if (text === '') return undefined;
  return { kind: 'message', userId: event.user, text, place: { platform: 'slack', ...(event.channel ? { channelId: event.channel } : {}), direct: true } };
}

export interface BlockActionLike {
  type: string;
  user: { id: string };
  actions: { action_id: string; value?: string; type?: string }[];
  channel?: { id: string };
  container?: { channel_id?: string };
  view?: { type?: string };
}

/** A press on one of our buttons: the core's actionId and value come back unchanged. */
export function parseBlockAction(body: BlockActionLike): Extract<MentorRequest, { kind: 'action' }> | undefined {
  if (body.type !== 'block_actions') return undefined;
  const action = body.actions[0];
  if (!action || action.type !== undefined && action.type !== 'button') return undefined;
  const actionId = decodeActionId(action.action_id);
  if (actionId === undefined) return undefined;
  const home = body.view?.type === 'home';
  const place = slackPlace(body.channel?.id ?? body.container?.channel_id, home);
  return { kind: 'action', userId: body.user.id, actionId, value: action.value ?? '', place };
}

/** App Home opened. Slack fires this for the Messages tab too, which needs no view. */
export function parseHomeOpened(event: { type: string; user: string; tab?: string }): MentorRequest | undefined {
  if (event.type !== 'app_home_opened' || event.tab === 'messages') return undefined;
  return { kind: 'home', userId: event.user, place: slackPlace(undefined, true) };
}
