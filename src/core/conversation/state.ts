/**
 * Conversation state: explicit, versioned, validated data in the store with an expiry, so a restarted
 * process or another instance continues the same conversation. Nothing lives in closures.
 */
import { z } from 'zod';
import type { Logger } from '../logger';
import type { StatePort } from '../state/statePort';
import { UserRecordStore } from './userRecords';

export const ONBOARDING_STEPS = ['background', 'known', 'goal'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export const conversationSchema = z.object({
  schemaVersion: z.literal(1),
  flow: z.literal('onboarding'),
  step: z.enum(ONBOARDING_STEPS),
  /** Topics the learner said they know, collected across several answers. */
  known: z.array(z.string()),
  startedAt: z.iso.datetime(),
});
export type ConversationState = z.infer<typeof conversationSchema>;

/** A setup left alone for a day is forgotten; the learner can start it again with `profile`. */
export const CONVERSATION_TTL_MS = 24 * 60 * 60 * 1000;


export class ConversationStore extends UserRecordStore<typeof conversationSchema> {
  constructor(store: StatePort, logger: Logger, ttlMs = CONVERSATION_TTL_MS) {
    super(store, logger, { prefix: 'conversation', schema: conversationSchema, ttlMs, label: 'conversation state' });
  }
}
