/**
 * Daily tips: the records and the contracts every part of the feature shares.
 *
 * - The core (this folder) owns the subscriptions, what is due (a pure function of subscriptions, sent
 *   records and now), which tip a post carries and the `tips` command.
 * - src/scheduling runs it: ticked by croner in one process (SQLite), or by a BullMQ job scheduler with one
 *   delivery job per subscription and local day when several instances share Redis.
 * - Each front end provides a TipSender that posts a Reply to a channel or a person's DM.
 */
import { z } from 'zod';
import type { Reply } from '../reply';

export const PLATFORMS = ['slack', 'discord', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** ISO weekdays: 1 = Monday ... 7 = Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

export const subscriptionSchema = z.object({
  schemaVersion: z.literal(1),
  /** `<platform>:channel:<channelId>` or `<platform>:person:<userId>`; contains colons (encode for BullMQ ids). */
  id: z.string().min(1).max(200),
  audience: z.enum(['channel', 'person']),
  platform: z.enum(PLATFORMS),
  /** Where posts go: the channel id, or the person's user id (the sender opens the DM). */
  target: z.string().min(1).max(100),
  /** The person whose tips these are (audience person), or who last changed the channel's subscription. */
  userId: z.string().min(1).max(200),
  /** Local time of day, `HH:MM` (24 h). */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** IANA timezone, e.g. `Europe/Berlin`. */
  timezone: z.string().min(1).max(64),
  weekdays: z.array(weekdaySchema).min(1).max(7),
  /** `less`: one post a week (the first of the weekdays), chosen after five ignored personal tips. */
  frequency: z.enum(['normal', 'less']),
  /** No post is due before this instant (a new or changed subscription does not post a slot already past). */
  since: z.iso.datetime(),
  /** Paused until this instant (`tips pause 7d`, or a Discord DM that is closed: indefinitely). */
  pausedUntil: z.iso.datetime().optional(),
  /** Why it is paused, for `tips status` ("your DMs are closed"). */
  pauseReason: z.enum(['asked', 'dm-closed']).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** `pausedUntil` of a pause with no end (a Discord DM that is closed): only `tips resume` or `tips on` ends it. */
export const PAUSED_INDEFINITELY = '9999-12-31T23:59:59.000Z';

/** What has been posted for one subscription: the basis of exactly-once and of the rotation. */
export const sentRecordSchema = z.object({
  schemaVersion: z.literal(1),
  subscriptionId: z.string(),
  /** The local date (`YYYY-MM-DD`, in the subscription's timezone) of the last slot handled. */
  lastLocalDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** `sent`, or `skipped` when the slot was more than the catch-up window late (logged once). */
  lastOutcome: z.enum(['sent', 'skipped']),
  lastSentAt: z.iso.datetime().optional(),
  /** Channel rotation: how many tips have been posted in total; the position in the channel's own order. */
  posted: z.number().int().min(0),
  /** Personal tips: posts in a row the person did not react to; at 5 they are asked once. */
  ignoredInARow: z.number().int().min(0),
  /** The keep/less/stop question was asked (asked once). */
  askedToKeep: z.boolean(),
  /** Tip ids posted personally, most recent last (bounded), so a person does not see the same tip twice soon. */
  recentTips: z.array(z.string()).max(50),
});
export type SentRecord = z.infer<typeof sentRecordSchema>;

/** One post that should go out now. */
export interface DueTip {
  subscriptionId: string;
  /** The local date of the slot: with the subscription id, the identity of the post (one per day). */
  localDate: string;
  /** The instant the slot falls on (after moving out of a DST gap; the first of a repeated hour). */
  scheduledAt: Date;
  /** The subscription's `since`: tips turned off and on again are a new subscription, with posts of their own. */
  since: string;
}

/** A slot that was missed by more than the catch-up window: not posted, recorded and logged once. */
export interface SkippedTip extends DueTip {
  lateByMs: number;
}

export interface DueResult {
  due: DueTip[];
  skipped: SkippedTip[];
}

/** After downtime, a post less than this late still goes out; an older one is skipped and logged. */
export const CATCH_UP_WINDOW_MS = 3 * 60 * 60 * 1000;

/** The outcome of one send, as the platform answered. */
export type SendOutcome =
  | { kind: 'sent' }
  /** The channel is gone or forbids the bot (Slack channel_not_found/not_in_channel/is_archived; Discord 10003/50001/50013): turn the subscription off. */
  | { kind: 'gone'; reason: string }
  /** The person's DMs are closed (Discord 50007): pause, do not retry. */
  | { kind: 'dm-closed'; reason: string };

/**
 * A front end's way of posting a tip, on a client of its own so broadcasts never delay interactive replies.
 * Rate limits (429) are waited out inside; other transient failures throw, so the job is retried.
 */
export interface TipSender {
  readonly platform: Platform;
  send(subscription: Subscription, reply: Reply): Promise<SendOutcome>;
}

/**
 * `not-due`: the slot is no longer due when the delivery runs (too late, or the schedule changed since).
 * `no-tip`: a personal slot with no tip left that fits (every topic done, known or skipped): nothing posted, the slot handled.
 */
export type DeliveryResult = 'sent' | 'already-sent' | 'not-due' | 'no-tip' | 'gone' | 'dm-closed' | 'no-subscription' | 'paused';

/**
 * The core's side of the schedule, used the same way by the in-process (croner, SQLite) and the BullMQ
 * (Redis) runners: what is due now, and delivering one due post.
 */
export interface TipsRunner {
  /** What is due now: subscriptions and sent records read from the store, then the pure `dueTips`. Skipped slots are recorded and logged once. */
  runDue(now: Date): Promise<DueResult>;
  /**
   * Posts one due tip unless it was already sent for that local date (then `already-sent`) or is no longer
   * due at `now` by the rules of `dueTips` (then `not-due`; a slot past the catch-up window is recorded as skipped), records the
   * outcome (sent record; `gone` turns the subscription off; `dm-closed` pauses it). Rethrows transient
   * failures so the runner retries.
   */
  deliver(due: DueTip, senders: ReadonlyMap<Platform, TipSender>, now: Date): Promise<DeliveryResult>;
}
