/**
 * The dialogue context: what the last answer was about and which options it showed, so a follow-up
 * ("why?", "and after that?", "done with that", "2") resolves against it. Explicit, validated data in the
 * store with the conversation's expiry; nothing lives in closures.
 */
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Button, Reply } from '../reply';
import type { StatePort } from '../state/statePort';
import { CONVERSATION_TTL_MS } from './state';
import { UserRecordStore } from './userRecords';

export const dialogueSchema = z.object({
  schemaVersion: z.literal(1),
  /** Topics the last answer was about, most relevant first. */
  topics: z.array(z.string()).max(10),
  /** The next step the last answer recommended, if any. */
  next: z.string().optional(),
  /** What kind of answer it was, and its subjects beyond topics (an explanation, a role): "any startups tho?" */
  intent: z.string().max(40).optional(),
  subjects: z.array(z.string()).max(10).default([]),
  /** The last answer's buttons in display order: typing "2" presses the second. */
  options: z.array(z.object({ label: z.string(), actionId: z.string(), value: z.string() })).max(50),
  at: z.iso.datetime(),
});
export type DialogueContext = z.infer<typeof dialogueSchema>;

/** The context an answer leaves behind: its subject and its buttons. */
export function contextOf(answer: Reply, now: Date): DialogueContext {
  const options: Button[] = answer.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
  return {
    schemaVersion: 1,
    topics: (answer.about?.topics ?? []).slice(0, 10),
    next: answer.about?.next,
    intent: answer.about?.intent?.slice(0, 40),
    subjects: (answer.about?.subjects ?? []).slice(0, 10),
    options: options.slice(0, 50).map(({ label, actionId, value }) => ({ label, actionId, value })),
    at: now.toISOString(),
  };
}

/** The dialogue context store: expires with the conversation. */
export class DialogueStore extends UserRecordStore<typeof dialogueSchema> {
  constructor(store: StatePort, logger: Logger, ttlMs = CONVERSATION_TTL_MS) {
    super(store, logger, { prefix: 'dialogue', schema: dialogueSchema, ttlMs, label: 'dialogue context' });
  }
}
