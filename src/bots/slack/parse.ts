/**
 * Slack payloads -> MentorRequest. Pure functions over the few fields they need, so they are easy to test
 * and carry no logic beyond translation: which command, which user, which text.
 */
import { parseCommandLine } from '../../core/commands/definitions';
import type { MentorRequest } from '../../core/request';
import { decodeActionId } from './actionIds';
import { unescapeMrkdwn } from './mrkdwn';

/** `/mentor <command> [args]`; bare `/mentor` is help, a trailing `share` makes the answer public. */
export function parseSlashCommand(body: { user_id: string; text?: string }): MentorRequest {
  const line = parseCommandLine(unescapeMrkdwn(body.text ?? ''));
  return { kind: 'command', userId: body.user_id, command: line.command, text: line.text, share: line.share };
}

export interface MessageEventLike {
  type: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  app_id?: string;
  user?: string;
  text?: string;
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
export function parseDirectMessage(event: MessageEventLike, botUserId?: string): MentorRequest | undefined {
  if (event.type !== 'message' || event.channel_type !== 'im') return undefined;
  if (event.subtype !== undefined && !PERSON_MESSAGE_SUBTYPES.has(event.subtype)) return undefined;
  if (event.bot_id !== undefined) return undefined;
  if (!event.user || event.user === botUserId) return undefined;
  const text = unescapeMrkdwn(event.text ?? '').trim();
  if (text === '') return undefined;
  return { kind: 'message', userId: event.user, text };
}

export interface BlockActionLike {
  type: string;
  user: { id: string };
  actions: { action_id: string; value?: string; type?: string }[];
}

/** A press on one of our buttons: the core's actionId and value come back unchanged. */
export function parseBlockAction(body: BlockActionLike): MentorRequest | undefined {
  if (body.type !== 'block_actions') return undefined;
  const action = body.actions[0];
  if (!action || action.type !== undefined && action.type !== 'button') return undefined;
  const actionId = decodeActionId(action.action_id);
  if (actionId === undefined) return undefined;
  return { kind: 'action', userId: body.user.id, actionId, value: action.value ?? '' };
}

/** App Home opened. Slack fires this for the Messages tab too, which needs no view. */
export function parseHomeOpened(event: { type: string; user: string; tab?: string }): MentorRequest | undefined {
  if (event.type !== 'app_home_opened' || event.tab === 'messages') return undefined;
  return { kind: 'home', userId: event.user };
}
