/**
 * What the person is told when the store cannot answer or a change cannot be saved, and what the queue's
 * refusals say. Short and honest: an answer given without their progress says so, and a change that was not
 * saved is never reported as saved.
 */
import type { RefusalReason } from './queue/keyedQueue';
import { errorReply, type Reply } from './reply';
import { StoreUnavailableError } from './state/statePort';

export const STORE_DOWN_NOTE = "I can't reach your saved progress right now, so this answer doesn't use it and nothing was saved. Try again in a moment for a personal answer.";

export const STORE_DOWN_CHANGE_TEXT = "I can't reach your saved progress right now, so I could not make that change. Please try again in a moment.";

export const NOT_SAVED_TEXT = 'Sorry, I could not save that just now, so it may not be recorded. Please try again in a moment.';

export const BUSY_TEXT = "One at a time, please: I'm still answering your earlier messages. Send this again once they are answered.";

export const FLOOD_TEXT = "You're sending messages faster than I can answer. Please wait a few seconds, then try again.";

export function isStoreFailure(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}

export function refusedReply(reason: RefusalReason): Reply {
  return errorReply(reason === 'busy' ? BUSY_TEXT : FLOOD_TEXT);
}
