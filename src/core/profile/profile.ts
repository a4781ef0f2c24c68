/**
 * A learner's stored profile. Records are versioned and validated on every read: the store is shared by
 * every instance and every release, so nothing is trusted just because we once wrote it.
 */
import { z } from 'zod';

export const PROFILE_SCHEMA_VERSION = 1;

/** `todo` records an explicit "I don't know this", overriding what a background assumes. */
export const TOPIC_STATUSES = ['done', 'learning', 'skipped', 'todo'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

export const topicRecordSchema = z.object({
  status: z.enum(TOPIC_STATUSES),
  /** The status before the last change, so `undo` can restore it (`none`: there was no record). */
  previous: z.enum([...TOPIC_STATUSES, 'none']),
  updatedAt: z.iso.datetime(),
});

export const profileSchema = z.object({
  schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
  userId: z.string().min(1),
  background: z.string().optional(),
  goal: z.object({ id: z.string().optional(), text: z.string().max(200) }).optional(),
  topics: z.record(z.string(), topicRecordSchema),
  /** How many tips this user has been shown; the next tip continues the rotation. */
  tipsShown: z.number().int().min(0),
  /** The first-contact greeting with the onboarding offer has been shown. */
  greeted: z.boolean(),
  /** The App Home welcome has been shown (it must not repeat). */
  homeWelcomed: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type TopicRecord = z.infer<typeof topicRecordSchema>;
export type Profile = z.infer<typeof profileSchema>;

export function newProfile(userId: string, now: Date): Profile {
  const at = now.toISOString();
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    userId,
    topics: {},
    tipsShown: 0,
    greeted: false,
    homeWelcomed: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** Sets a topic's status, remembering the old one for `undo`. Returns a new profile. */
export function setTopicStatus(profile: Profile, topicId: string, status: TopicStatus, now: Date): Profile {
  const current = profile.topics[topicId];
  if (current?.status === status) return profile;
  return {
    ...profile,
    topics: { ...profile.topics, [topicId]: { status, previous: current?.status ?? 'none', updatedAt: now.toISOString() } },
  };
}

/** Restores a topic's previous status. */
export function undoTopicStatus(profile: Profile, topicId: string, now: Date): Profile {
  const current = profile.topics[topicId];
  if (!current) return profile;
  const topics = { ...profile.topics };
  if (current.previous === 'none') delete topics[topicId];
  else topics[topicId] = { status: current.previous, previous: 'none', updatedAt: now.toISOString() };
  return { ...profile, topics };
}
