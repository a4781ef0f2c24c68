/**
 * Conversation state: explicit, versioned, validated data in the store with an expiry, so a restarted
 * process or another instance continues the same conversation. Nothing lives in closures.
 */
import { z } from 'zod';
import type { Logger } from '../logger';
import { readRecord } from '../profile/profileStore';
import type { StatePort } from '../state/statePort';

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

export const conversationKey = (userId: string) => `conversation:${userId}`;

export class ConversationStore {
  constructor(
    private readonly store: StatePort,
    private readonly logger: Logger,
    private readonly ttlMs = CONVERSATION_TTL_MS,
  ) {}

  async get(userId: string): Promise<ConversationState | undefined> {
    const raw = await readRecord(this.store, conversationKey(userId));
    if (raw === undefined || raw === null) return undefined;
    const parsed = conversationSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.logger.warn('corrupt conversation state dropped', { user: userId });
    await this.clear(userId);
    return undefined;
  }

  async set(userId: string, state: ConversationState): Promise<void> {
    await this.store.set(conversationKey(userId), conversationSchema.parse(state), this.ttlMs);
  }

  async clear(userId: string): Promise<void> {
    await this.store.delete(conversationKey(userId));
  }
}
