/**
 * The core's side of the daily-tip schedule (TipsRunner in model.ts), used alike by the croner runner (one
 * process, SQLite) and the BullMQ one (instances sharing Redis):
 *
 * - `runDue(now)` reads every subscription and sent record, asks the pure `dueTips` what is due, and records
 *   the slots missed by more than the catch-up window, so each is logged once.
 * - `deliver(due, senders, now)` re-reads the subscription and its sent record under a short lock (a slow
 *   retry and a fresh tick must not both post), composes the post, sends it through the platform's TipSender
 *   and records the outcome: sent, the channel gone (turned off), or a DM that is closed (paused).
 *
 * Store failures are thrown, never taken for "nothing due": the scheduler tries again on its next tick.
 */
import { loadKnowledgeBase, type KnowledgeBase } from '../../knowledge/load';
import { DialogueStore } from '../conversation/dialogue';
import { silentLogger, type Logger } from '../logger';
import { newProfile, profileSchema, type Profile } from '../profile/profile';
import { profileKey, readRecord } from '../profile/profileStore';
import type { Reply } from '../reply';
import { StoreUnavailableError, type StatePort } from '../state/statePort';
import { channelTip, personalTip } from './chooseTip';
import { dueTips } from './due';
import {
  PAUSED_INDEFINITELY,
  type DeliveryResult,
  type DueResult,
  type DueTip,
  type Platform,
  type SentRecord,
  type SkippedTip,
  type Subscription,
  type TipSender,
  type TipsRunner,
} from './model';
import { deliveryLockKey, SubscriptionStore } from './subscriptionStore';
import { keepTipsQuestion, tipPost } from './tipPost';

/** After this many personal tips in a row without a word from the person, they are asked whether to go on. */
export const IGNORED_BEFORE_ASKING = 5;
const RECENT_TIPS_KEPT = 50;
/** Long enough for one send with its rate-limit waits; a crashed holder's lock frees itself after it. */
const DELIVERY_LOCK_TTL_MS = 60_000;

export interface TipsRunnerOptions {
  store: StatePort;
  knowledge?: KnowledgeBase;
  logger?: Logger;
  /** How long one delivery's lock lives if its holder dies without releasing it (default 60 s; tests shorten it). */
  deliveryLockTtlMs?: number;
}

/** Another delivery of the same subscription is under way: retry later (it will then be `already-sent`). */
export class DeliveryBusyError extends Error {
  constructor(subscriptionId: string) {
    super(`a delivery for ${subscriptionId} is already under way`);
    this.name = 'DeliveryBusyError';
  }
}

function freshRecord(subscriptionId: string, localDate: string): SentRecord {
  return { schemaVersion: 1, subscriptionId, lastLocalDate: localDate, lastOutcome: 'sent', posted: 0, ignoredInARow: 0, askedToKeep: false, recentTips: [] };
}

export class CoreTipsRunner implements TipsRunner {
  readonly subscriptions: SubscriptionStore;
  private readonly dialogues: DialogueStore;
  private readonly kb: KnowledgeBase;
  private readonly logger: Logger;

  constructor(private readonly options: TipsRunnerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.kb = options.knowledge ?? loadKnowledgeBase();
    this.subscriptions = new SubscriptionStore(options.store, this.logger);
    this.dialogues = new DialogueStore(options.store, this.logger);
  }

  async runDue(now: Date): Promise<DueResult> {
    const { subscriptions, sent } = await this.subscriptions.all();
    const result = dueTips(subscriptions, sent, now);
    for (const skipped of result.skipped) await this.recordSkipped(skipped);
    return result;
  }

  /** A slot missed by more than the catch-up window: recorded so it is reported once, and logged. */
  private async recordSkipped(skipped: SkippedTip): Promise<void> {
    // Never moves the record back to an earlier day.
    const current = await this.subscriptions.getSent(skipped.subscriptionId);
    if (current && current.lastLocalDate >= skipped.localDate) return;
    const base = current ?? freshRecord(skipped.subscriptionId, skipped.localDate);
    await this.subscriptions.putSent({ ...base, lastLocalDate: skipped.localDate, lastOutcome: 'skipped' });
    this.logger.warn('daily tip skipped: its time passed more than the catch-up window ago (downtime?)', {
      subscription: skipped.subscriptionId,
      localDate: skipped.localDate,
      scheduledAt: skipped.scheduledAt.toISOString(),
      lateByMs: skipped.lateByMs,
    });
  }

  async deliver(due: DueTip, senders: ReadonlyMap<Platform, TipSender>, now: Date): Promise<DeliveryResult> {
    const store = this.options.store;
    const lock = await store.acquireLock(deliveryLockKey(due.subscriptionId), this.options.deliveryLockTtlMs ?? DELIVERY_LOCK_TTL_MS);
    if (!lock) throw new DeliveryBusyError(due.subscriptionId);
    try {
      return await this.deliverLocked(due, senders, now);
    } finally {
      await store.releaseLock(lock).catch(() => undefined);
    }
  }

  private async deliverLocked(due: DueTip, senders: ReadonlyMap<Platform, TipSender>, now: Date): Promise<DeliveryResult> {
    const subscription = await this.subscriptions.get(due.subscriptionId);
    if (!subscription) return 'no-subscription';
    if (subscription.pausedUntil && Date.parse(subscription.pausedUntil) > now.getTime()) return 'paused';
    const sent = await this.subscriptions.getSent(subscription.id);
    if (sent && sent.lastLocalDate >= due.localDate) return 'already-sent';
    // The job may be late (a BullMQ job run hours after its time) or stale (the time, the days or `since`
    // changed after it was queued): the same rules as the tick decide whether this slot is still due.
    const verdict = dueTips([subscription], sent ? [sent] : [], now);
    if (!verdict.due.some((d) => d.localDate === due.localDate)) {
      const missed = verdict.skipped.find((s) => s.localDate === due.localDate);
      if (missed) await this.recordSkipped(missed);
      else this.logger.info('daily tip not posted: its slot is no longer due', { subscription: subscription.id, localDate: due.localDate });
      return 'not-due';
    }
    const sender = senders.get(subscription.platform);
    // A configuration gap, not the person's doing: thrown, so it is retried and visible in the logs.
    if (!sender) throw new Error(`no tip sender for ${subscription.platform}`);

    const post = subscription.audience === 'channel' ? this.channelPost(subscription, sent) : await this.personalPost(subscription, sent);
    if (!post) {
      // Nothing posted, rather than a tip about a topic the person has done or skipped; the slot is handled.
      await this.subscriptions.putSent({ ...(sent ?? freshRecord(subscription.id, due.localDate)), lastLocalDate: due.localDate, lastOutcome: 'skipped' });
      this.logger.info('daily tip not posted: no tip is left about a topic the person has still to learn', { subscription: subscription.id, localDate: due.localDate });
      return 'no-tip';
    }
    const outcome = await sender.send(subscription, post.reply);
    // A send can take minutes (a 429 waited out): `tips off`, a change or `forget` may have happened meanwhile,
    // so what is written next starts from the subscription as it is now, not the copy read before the send.
    switch (outcome.kind) {
      case 'sent':
        if (!(await this.stillSubscribed(subscription.id))) {
          this.logger.info('daily tip sent, not recorded: the subscription was removed while it was being sent', { subscription: subscription.id });
          return 'sent';
        }
        await this.recordSent({ ...post.record, lastLocalDate: due.localDate, lastOutcome: 'sent', lastSentAt: now.toISOString() });
        return 'sent';
      case 'gone':
        await this.subscriptions.remove(subscription.id);
        this.logger.warn('daily tips turned off: the channel is gone or the bot may not post there', {
          subscription: subscription.id,
          reason: outcome.reason,
        });
        return 'gone';
      case 'dm-closed': {
        const current = await this.subscriptions.get(subscription.id);
        if (!current) {
          this.logger.info('daily tips not paused: the subscription was removed while the tip was being sent', { subscription: subscription.id, reason: outcome.reason });
          return 'dm-closed';
        }
        await this.subscriptions.put({ ...current, pausedUntil: PAUSED_INDEFINITELY, pauseReason: 'dm-closed', updatedAt: now.toISOString() });
        this.logger.info('daily tips paused: the person does not accept DMs from the bot', { subscription: subscription.id, reason: outcome.reason });
        return 'dm-closed';
      }
    }
  }

  /** The next tip of the channel's own order. */
  private channelPost(subscription: Subscription, sent: SentRecord | undefined): { reply: Reply; record: SentRecord } {
    const base = sent ?? freshRecord(subscription.id, '0000-01-01');
    const tip = channelTip(this.kb, subscription.id, base.posted);
    return { reply: tipPost(this.kb, tip), record: { ...base, posted: base.posted + 1 } };
  }

  /**
   * A tip about where the person stands, or, once five tips in a row went without a word from them, the
   * question whether to keep them coming (asked once). Undefined when no tip fits: every topic with tips is
   * done, known or skipped.
   */
  private async personalPost(subscription: Subscription, sent: SentRecord | undefined): Promise<{ reply: Reply; record: SentRecord } | undefined> {
    const base = sent ?? freshRecord(subscription.id, '0000-01-01');
    const profile = await this.readProfile(subscription.userId);
    let ignoredInARow = 0;
    if (base.lastSentAt) {
      const lastPost = Date.parse(base.lastSentAt);
      const dialogue = await this.dialogues.get(subscription.userId);
      // A request answered since the last post writes the dialogue context (and a change, the profile).
      const spoke = (dialogue && Date.parse(dialogue.at) > lastPost) || Date.parse(profile.updatedAt) > lastPost;
      ignoredInARow = spoke ? 0 : base.ignoredInARow + 1;
    }
    if (ignoredInARow >= IGNORED_BEFORE_ASKING && !base.askedToKeep) {
      return { reply: keepTipsQuestion(), record: { ...base, ignoredInARow, askedToKeep: true } };
    }
    const chosen = personalTip(this.kb, profile, base.recentTips);
    if (!chosen) return undefined;
    const tip = chosen.tip;
    return {
      reply: tipPost(this.kb, tip, chosen.reason),
      record: { ...base, ignoredInARow, posted: base.posted + 1, recentTips: [...base.recentTips, tip.id].slice(-RECENT_TIPS_KEPT) },
    };
  }

  /**
   * The person's profile, read only: a damaged one is not repaired here (that happens, under their lock, on
   * their next request), and a store failure is thrown, never taken for a newcomer.
   */
  private async readProfile(userId: string): Promise<Profile> {
    const raw = await readRecord(this.options.store, profileKey(userId));
    const parsed = profileSchema.safeParse(raw);
    return parsed.success && parsed.data.userId === userId ? parsed.data : newProfile(userId, new Date(0));
  }

  /**
   * After a send: whether the subscription still exists. A store that cannot answer counts as yes (the record
   * is written as before): throwing would retry the delivery and post the tip twice.
   */
  private async stillSubscribed(id: string): Promise<boolean> {
    try {
      return (await this.subscriptions.get(id)) !== undefined;
    } catch (error) {
      this.logger.warn('daily tip sent; could not check the subscription is still there, so it is recorded', { subscription: id, error: String(error) });
      return true;
    }
  }

  /**
   * The post went out: a failed record is retried a few times, then logged rather than thrown, since a retry
   * of the whole delivery would post it twice.
   */
  private async recordSent(record: SentRecord): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.subscriptions.putSent(record);
        return;
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || attempt >= 3) {
          this.logger.error('a daily tip was sent but could not be recorded; it may be sent again', { subscription: record.subscriptionId, error: String(error) });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }
}

/** What the schedulers call: `createTipsRunner({ store, knowledge, logger })`. */
export function createTipsRunner(options: TipsRunnerOptions): CoreTipsRunner {
  return new CoreTipsRunner(options);
}
