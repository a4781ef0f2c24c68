/**
 * Tip subscriptions and what was sent, over the state port.
 *
 * - `tips:sub:<id>`: one subscription; `tips:sent:<id>`: its sent record.
 * - `tips:index`: the ids of every subscription, so the runner can find them all. keyv has no compare-and-set,
 *   so the index is only changed under the port's lock (retried for a short while); two channels subscribing
 *   at once on two instances never lose each other's id.
 *
 * The project's rule holds throughout: a read the store could not answer is an error, never "no
 * subscriptions", and nothing is written over a record that could not be read. Every record is validated with
 * zod on read; one that fails is logged and skipped, never trusted, and `get`/`getSent` (the reads every
 * write starts from) copy it to `tips:sub-damaged:<id>` / `tips:sent-damaged:<id>` first.
 */
import { z } from 'zod';
import type { Logger } from '../logger';
import { readRecord, UNREADABLE } from '../profile/profileStore';
import type { StatePort } from '../state/statePort';
import { LockTimeoutError, withLock } from '../state/userLock';
import { PLATFORMS, sentRecordSchema, subscriptionSchema, type Platform, type SentRecord, type Subscription } from './model';

export const TIPS_INDEX_KEY = 'tips:index';
export const subscriptionKey = (id: string) => `tips:sub:${id}`;
export const sentKey = (id: string) => `tips:sent:${id}`;
/** Held while a tip is delivered (read, send, record) and while anything else changes the sent record. */
export const deliveryLockKey = (id: string) => `tips:deliver:${id}`;
/** Where a damaged record is copied, untouched, before anything can be written over it (like a damaged profile). */
export const damagedSubscriptionKey = (id: string) => `tips:sub-damaged:${id}`;
export const damagedSentKey = (id: string) => `tips:sent-damaged:${id}`;

export const channelSubscriptionId = (platform: Platform, channelId: string) => `${platform}:channel:${channelId}`;
export const personSubscriptionId = (platform: Platform, userId: string) => `${platform}:person:${userId}`;

const indexSchema = z.object({ schemaVersion: z.literal(1), ids: z.array(z.string()) });

/** The index exists but cannot be read: changing it would lose every subscription in it. */
export class DamagedIndexError extends Error {
  constructor() {
    super('the tips index record is damaged; it is left as it is and no subscription can be changed');
    this.name = 'DamagedIndexError';
  }
}

/** How many keys one getMany asks for: bounded payloads, and SQLite/Redis handle these sizes well. */
const BATCH = 500;
const LOCK_TTL_MS = 5_000;
const LOCK_WAIT_MS = 2_000;
const LOCK_RETRY_MS = 15;
/** How long a change of the sent record (a button answer) waits for a delivery under way. */
const SENT_LOCK_WAIT_MS = 3_000;

export interface AllSubscriptions {
  subscriptions: Subscription[];
  sent: Map<string, SentRecord>;
}

export class SubscriptionStore {
  /** Damaged records already reported by `all()`, so the runner's tick does not log them every minute. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly store: StatePort,
    private readonly logger: Logger,
  ) {}

  /** The subscription; a damaged one is copied aside (every write of it starts with this read) and reads as none. */
  get(id: string): Promise<Subscription | undefined> {
    return this.readChecked(id, subscriptionKey(id), damagedSubscriptionKey(id), (raw) => this.validSubscription(id, raw), 'corrupt tip subscription copied aside and taken as off');
  }

  /**
   * Makes sure the index holds the id, then writes the subscription: a half-done first write leaves an id
   * without a record, which reads as "off" everywhere (status and runner agree), never a record nobody posts.
   */
  async put(subscription: Subscription): Promise<void> {
    const valid = subscriptionSchema.parse(subscription);
    await this.changeIndex((ids) => (ids.has(valid.id) ? false : (ids.add(valid.id), true)));
    await this.store.set(subscriptionKey(valid.id), valid);
  }

  /** Deletes the record first (it is what status and the runner read), then the sent record and the id. */
  async remove(id: string): Promise<void> {
    await this.store.delete(subscriptionKey(id));
    await this.store.delete(sentKey(id));
    await this.changeIndex((ids) => ids.delete(id));
  }

  /** The sent record; a damaged one is copied aside before the caller can write over it, and reads as none. */
  getSent(id: string): Promise<SentRecord | undefined> {
    return this.readChecked(id, sentKey(id), damagedSentKey(id), (raw) => this.validSent(id, raw), 'corrupt tip sent record copied aside and taken as missing');
  }

  /**
   * Deletes a sent record whether or not its subscription exists (`forget`, after a delivery in flight), and
   * the damaged copies set aside for that id.
   */
  async removeSent(id: string): Promise<void> {
    await this.store.delete(sentKey(id));
    await this.store.delete(damagedSentKey(id));
    await this.store.delete(damagedSubscriptionKey(id));
  }

  async putSent(record: SentRecord): Promise<void> {
    await this.store.set(sentKey(record.subscriptionId), sentRecordSchema.parse(record));
  }

  /**
   * Changes the sent record under the delivery lock, re-read inside it, so a delivery's write (the slot it
   * posted) is never undone by a copy read before it. A delivery can hold the lock for a while (a 429 waited
   * out); after `waitMs` nothing is changed and false is returned.
   */
  async changeSent(id: string, change: (sent: SentRecord) => SentRecord | undefined, waitMs = SENT_LOCK_WAIT_MS): Promise<boolean> {
    const changeIt = async () => {
      const sent = await this.getSent(id);
      const next = sent && change(sent);
      if (next) await this.putSent(next);
      return true;
    };
    return withLock(this.store, deliveryLockKey(id), { ttlMs: LOCK_TTL_MS, waitMs, retryMs: LOCK_RETRY_MS * 3 }, changeIt).catch((error: unknown) => {
      if (error instanceof LockTimeoutError) return false;
      throw error;
    });
  }

  /** Every id in the index. No index record means no subscriptions yet; a damaged one is an error. */
  async ids(): Promise<string[]> {
    const raw = await readRecord(this.store, TIPS_INDEX_KEY);
    if (raw === undefined || raw === null) return [];
    const parsed = indexSchema.safeParse(raw);
    if (!parsed.success || raw === UNREADABLE) {
      this.logger.error('tips index damaged: no tips are posted until it is repaired', {});
      throw new DamagedIndexError();
    }
    return parsed.data.ids;
  }

  /** Every subscription with its sent record, in batches: what the runner needs each minute. */
  async all(): Promise<AllSubscriptions> {
    const ids = await this.ids();
    const subscriptions: Subscription[] = [];
    const sent = new Map<string, SentRecord>();
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const [subs, records] = await Promise.all([this.store.getMany(batch.map(subscriptionKey)), this.store.getMany(batch.map(sentKey))]);
      batch.forEach((id, j) => {
        const sub = subs[j] === undefined || subs[j] === null ? undefined : this.validSubscription(id, subs[j]);
        if (!sub) {
          if (subs[j] !== undefined && subs[j] !== null) this.reportOnce(subscriptionKey(id), 'corrupt tip subscription skipped', id);
          return;
        }
        subscriptions.push(sub);
        const record = records[j] === undefined || records[j] === null ? undefined : this.validSent(id, records[j]);
        if (record) sent.set(id, record);
        else if (records[j] !== undefined && records[j] !== null) this.reportOnce(sentKey(id), 'corrupt tip sent record ignored', id);
      });
    }
    return { subscriptions, sent };
  }

  /** A person's own subscriptions (one per platform at most). */
  async personal(userId: string): Promise<Subscription[]> {
    const found = await Promise.all(PLATFORMS.map((p) => this.get(personSubscriptionId(p, userId))));
    return found.filter((s): s is Subscription => !!s && s.userId === userId);
  }

  /** Channel subscriptions this person changed last (for `export`): reads every subscription, so only on request. */
  async channelsChangedBy(userId: string): Promise<Subscription[]> {
    const { subscriptions } = await this.all();
    return subscriptions.filter((s) => s.audience === 'channel' && s.userId === userId);
  }

  private validSubscription(id: string, raw: unknown): Subscription | undefined {
    const parsed = subscriptionSchema.safeParse(raw);
    return parsed.success && parsed.data.id === id ? parsed.data : undefined;
  }

  private validSent(id: string, raw: unknown): SentRecord | undefined {
    const parsed = sentRecordSchema.safeParse(raw);
    return parsed.success && parsed.data.subscriptionId === id ? parsed.data : undefined;
  }

  /** Logged once per record and store instance: a damaged record the tick reads each minute is reported once. */
  private reportOnce(key: string, message: string, id: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.logger.warn(message, { subscription: id });
  }

  /**
   * Copies a damaged record aside, as read, before anything is written over it. A value that is not even JSON
   * cannot be read through the port, so it cannot be copied (the same as a damaged profile); that is logged.
   */
  private async setAside(damagedKey: string, raw: unknown, message: string, id: string): Promise<void> {
    if (raw !== UNREADABLE) await this.store.set(damagedKey, raw);
    this.logger.warn(message, { subscription: id, copiedTo: raw === UNREADABLE ? 'not copied: the value is not JSON' : damagedKey });
  }

  /** A record read and validated; a damaged one is copied aside before anything can be written over it. */
  private async readChecked<T>(id: string, key: string, damagedKey: string, valid: (raw: unknown) => T | undefined, message: string): Promise<T | undefined> {
    const raw = await readRecord(this.store, key);
    if (raw === undefined || raw === null) return undefined;
    const checked = valid(raw);
    if (!checked) await this.setAside(damagedKey, raw, message, id);
    return checked;
  }

  /** Reads, changes and writes the index under the lock; `change` says whether it changed anything. */
  private changeIndex(change: (ids: Set<string>) => boolean): Promise<void> {
    return withLock(this.store, TIPS_INDEX_KEY, { ttlMs: LOCK_TTL_MS, waitMs: LOCK_WAIT_MS, retryMs: LOCK_RETRY_MS }, async () => {
      const ids = new Set(await this.ids());
      if (change(ids)) await this.store.set(TIPS_INDEX_KEY, { schemaVersion: 1, ids: [...ids] });
    }, 'the tips index');
  }
}
