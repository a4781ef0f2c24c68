/**
 * What the next-step engine reads of a profile, as one string, so that its answers can be remembered
 * across requests: every new learner has the same empty profile but is a new object with a new time,
 * and answering each of them from scratch was a large share of an answer's CPU.
 *
 * The engine reads the background, the goal's id and each topic record's status, and compares record
 * times with each other (and, for the "what comes after it" look-ahead, with the profile's own time)
 * only to order them. So each time is replaced by its rank among those times: profiles that differ only
 * in when things happened, not in their order, get the same key. Record order is kept, because the
 * engine walks the records in order. If the engine ever reads anything else of a profile, that must go
 * into the key too (the engine tests compare remembered answers with fresh ones).
 */
import type { Profile } from '../profile/profile';

/** `withProfileTime`: the profile's own time takes part (nextStep's look-ahead marks a topic done at it). */
export function engineKey(profile: Profile, withProfileTime: boolean): string {
  const records = Object.entries(profile.topics);
  // The look-ahead writes `new Date(profile.updatedAt).toISOString()`, which is what gets compared.
  const profileTime = withProfileTime && records.length > 0 ? new Date(profile.updatedAt).toISOString() : undefined;
  const times = [...new Set([...records.map(([, record]) => record.updatedAt), ...(profileTime === undefined ? [] : [profileTime])])].sort();
  const rank = (time: string) => times.indexOf(time);
  let key = `${profile.background ?? ''}\n${profile.goal?.id ?? ''}\n${profileTime === undefined ? '' : rank(profileTime)}`;
  for (const [id, record] of records) key += `\n${id} ${record.status} ${rank(record.updatedAt)}`;
  return key;
}

/** Remembers up to `limit` results per knowledge base and key; when full it starts over (the keys are few). */
export class EngineMemo<T> {
  private readonly byKb = new WeakMap<object, Map<string, T>>();

  constructor(private readonly limit = 1_000) {}

  get(kb: object, key: string, compute: () => T): T {
    let results = this.byKb.get(kb);
    if (!results) this.byKb.set(kb, (results = new Map()));
    const known = results.get(key);
    if (known !== undefined) return known;
    const result = compute();
    if (results.size >= this.limit) results.clear();
    results.set(key, result);
    return result;
  }
}
