/**
 * Profiles in keyv. A record that fails validation is reported and replaced by a fresh profile: a
 * corrupt row must never crash the bot or block the user.
 */
import type Keyv from 'keyv';
import type { Logger } from '../logger';
import { newProfile, profileSchema, type Profile } from './profile';

export const profileKey = (userId: string) => `profile:${userId}`;

/** A stored value that is not even JSON reads as a corrupt record; a store that cannot be reached still throws. */
export const UNREADABLE = Symbol('unreadable');
export async function readRecord(store: Keyv, key: string): Promise<unknown> {
  try {
    return await store.get(key);
  } catch (error) {
    if (error instanceof SyntaxError) return UNREADABLE;
    throw error;
  }
}

export interface LoadedProfile {
  profile: Profile;
  /** True when a stored record could not be read and was reset. */
  recovered: boolean;
  /** True when nothing was stored for this user before. */
  isNew: boolean;
}

export class ProfileStore {
  constructor(
    private readonly store: Keyv,
    private readonly logger: Logger,
  ) {}

  async load(userId: string, now: Date): Promise<LoadedProfile> {
    const raw = await readRecord(this.store, profileKey(userId));
    if (raw === undefined || raw === null) return { profile: newProfile(userId, now), recovered: false, isNew: true };
    const parsed = profileSchema.safeParse(raw);
    if (parsed.success && parsed.data.userId === userId) return { profile: parsed.data, recovered: false, isNew: false };
    this.logger.warn('corrupt profile record reset', {
      user: userId,
      problems: parsed.success ? ['userId mismatch'] : parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
    const fresh = newProfile(userId, now);
    await this.save(fresh, now);
    return { profile: fresh, recovered: true, isNew: false };
  }

  async save(profile: Profile, now: Date): Promise<void> {
    const ok = await this.store.set(profileKey(profile.userId), { ...profile, updatedAt: now.toISOString() });
    if (ok === false) throw new Error('the store did not accept the profile');
  }

  async delete(userId: string): Promise<void> {
    await this.store.delete(profileKey(userId));
  }
}
