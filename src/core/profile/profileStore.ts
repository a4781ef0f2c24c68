/**
 * Profiles in the state port. A record that fails validation is kept aside, reported and replaced by what
 * could be salvaged: a corrupt row must never crash the bot or block the user. A store that cannot be read
 * is different: `load` rejects (StoreUnavailableError) and nothing is written, so an outage can never be
 * mistaken for a newcomer and save a blank profile over a real one.
 */
import type { Logger } from '../logger';
import { UnreadableRecordError, type StatePort } from '../state/statePort';
import { newProfile, PROFILE_SCHEMA_VERSION, profileSchema, topicRecordSchema, type Profile } from './profile';

export const profileKey = (userId: string) => `profile:${userId}`;
/** Where an unreadable record is kept, untouched, for a person to look at; `forget` deletes it too. */
export const corruptProfileKey = (userId: string) => `profile-corrupt:${userId}`;

/** A record written by a newer release: never overwritten by this one. */
export class NewerProfileError extends Error {}

/** A stored value that is not even JSON reads as a corrupt record; a store that cannot answer still throws. */
export const UNREADABLE = Symbol('unreadable');
export async function readRecord(store: StatePort, key: string): Promise<unknown> {
  try {
    return await store.get(key);
  } catch (error) {
    if (error instanceof UnreadableRecordError) return UNREADABLE;
    throw error;
  }
}

export interface LoadedProfile {
  profile: Profile;
  /** True when a stored record could not be read and was reset. */
  recovered: boolean;
}

export class ProfileStore {
  constructor(
    private readonly store: StatePort,
    private readonly logger: Logger,
  ) {}

  async load(userId: string, now: Date): Promise<LoadedProfile> {
    const raw = await readRecord(this.store, profileKey(userId));
    if (raw === undefined || raw === null) return { profile: newProfile(userId, now), recovered: false };
    const parsed = profileSchema.safeParse(raw);
    if (parsed.success && parsed.data.userId === userId) return { profile: parsed.data, recovered: false };
    const version = (raw as { schemaVersion?: unknown } | undefined)?.schemaVersion;
    if (typeof version === 'number' && version > PROFILE_SCHEMA_VERSION) {
      throw new NewerProfileError(`profile of ${userId} has schema version ${version}; this release reads ${PROFILE_SCHEMA_VERSION}`);
    }
    this.logger.warn('corrupt profile record repaired', {
      user: userId,
      problems: parsed.success ? ['userId mismatch'] : parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
    if (raw !== UNREADABLE) await this.store.set(corruptProfileKey(userId), raw);
    const repaired = salvage(userId, raw, now);
    await this.save(repaired, now);
    return { profile: repaired, recovered: true };
  }

  async save(profile: Profile, now: Date): Promise<void> {
    await this.store.set(profileKey(profile.userId), { ...profile, updatedAt: now.toISOString() });
  }

  async delete(userId: string): Promise<void> {
    await this.store.delete(profileKey(userId));
    await this.store.delete(corruptProfileKey(userId));
  }
}

/** Keeps every part of a damaged record that is still valid on its own; the rest starts fresh. */
export function salvage(userId: string, raw: unknown, now: Date): Profile {
  const fresh = newProfile(userId, now);
  if (typeof raw !== 'object' || raw === null) return fresh;
  const shape = profileSchema.shape;
  const pick = <K extends keyof Profile>(key: K): Profile[K] => {
    const field = shape[key].safeParse((raw as Record<string, unknown>)[key]);
    return field.success ? (field.data as Profile[K]) : fresh[key];
  };
  const topics: Profile['topics'] = {};
  const rawTopics = (raw as { topics?: unknown }).topics;
  if (typeof rawTopics === 'object' && rawTopics !== null) {
    for (const [id, record] of Object.entries(rawTopics)) {
      const valid = topicRecordSchema.safeParse(record);
      if (valid.success) topics[id] = valid.data;
    }
  }
  return {
    ...fresh,
    background: pick('background'),
    goal: pick('goal'),
    topics,
    tipsShown: pick('tipsShown'),
    greeted: pick('greeted'),
    homeWelcomed: pick('homeWelcomed'),
    createdAt: pick('createdAt'),
  };
}
