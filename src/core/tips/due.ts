/**
 * What is due: a pure function of the subscriptions, what has been sent and the time now, so both schedulers
 * (croner in one process, BullMQ across instances) agree and the rules can be tested with a fake clock.
 *
 * A subscription has one slot a day on its weekdays, at its local time in its timezone. A slot is due once it
 * has passed, unless it was already handled (the sent record's local date), lies before `since` (a new or
 * changed subscription never posts a slot already past) or inside a pause. A slot more than the catch-up window
 * late is `skipped`: the runner records it, so it is reported once. Today's and yesterday's local dates are
 * both looked at, so a slot at 23:50 still catches up after a restart at 00:30.
 */
import { addDays, instantOf, localDate, weekdayOf } from './localTime';
import { CATCH_UP_WINDOW_MS, type DueResult, type DueTip, type SentRecord, type SkippedTip, type Subscription } from './model';

/** The weekdays a subscription posts on: `less` keeps only the first listed one (one post a week). */
export function postingWeekdays(subscription: Subscription): number[] {
  return subscription.frequency === 'less' ? subscription.weekdays.slice(0, 1) : subscription.weekdays;
}

/** No slot before this instant is due: the later of `since` and the end of a pause. */
function notBefore(subscription: Subscription): number {
  const since = Date.parse(subscription.since);
  const paused = subscription.pausedUntil ? Date.parse(subscription.pausedUntil) : -Infinity;
  return Math.max(since, paused);
}

/** The slot of a local date, if the subscription posts that day. */
function slotOn(subscription: Subscription, date: string): Date | undefined {
  if (!postingWeekdays(subscription).includes(weekdayOf(date))) return undefined;
  return instantOf(date, subscription.time, subscription.timezone);
}

type Verdict = { kind: 'due'; tip: DueTip } | { kind: 'skipped'; tip: SkippedTip } | { kind: 'none' };

function judge(subscription: Subscription, sent: SentRecord | undefined, date: string, now: number): Verdict | undefined {
  const slot = slotOn(subscription, date);
  // Not a posting day, or the slot is still ahead: look at the day before.
  if (!slot || slot.getTime() > now) return undefined;
  if (slot.getTime() < notBefore(subscription)) return { kind: 'none' };
  // Local dates compare as strings; a record of this day or later means the slot was handled.
  if (sent && sent.lastLocalDate >= date) return { kind: 'none' };
  const tip: DueTip = { subscriptionId: subscription.id, localDate: date, scheduledAt: slot, since: subscription.since };
  const lateByMs = now - slot.getTime();
  return lateByMs < CATCH_UP_WINDOW_MS ? { kind: 'due', tip } : { kind: 'skipped', tip: { ...tip, lateByMs } };
}

export function dueTips(
  subscriptions: readonly Subscription[],
  sentRecords: ReadonlyMap<string, SentRecord> | readonly SentRecord[],
  now: Date,
): DueResult {
  const sentById = sentRecords instanceof Map ? sentRecords : new Map((sentRecords as readonly SentRecord[]).map((r) => [r.subscriptionId, r]));
  const result: DueResult = { due: [], skipped: [] };
  const at = now.getTime();
  // Today's local date per timezone, worked out once per call rather than once per subscription.
  const todayIn = new Map<string, string>();
  for (const subscription of subscriptions) {
    if (notBefore(subscription) > at) continue;
    const sent = sentById.get(subscription.id);
    let verdict: Verdict | undefined;
    try {
      let today = todayIn.get(subscription.timezone);
      if (today === undefined) todayIn.set(subscription.timezone, (today = localDate(now, subscription.timezone)));
      // Today's slot, once passed, decides alone: yesterday's is older than a day, so never due any more.
      verdict = judge(subscription, sent, today, at) ?? judge(subscription, sent, addDays(today, -1), at);
    } catch {
      // A timezone this runtime does not know (stored by a newer one): that subscription waits, the rest go out.
      continue;
    }
    if (verdict?.kind === 'due') result.due.push(verdict.tip);
    else if (verdict?.kind === 'skipped') result.skipped.push(verdict.tip);
  }
  return result;
}

/** How far ahead `nextPostTime` looks: two weeks always hold a posting day (one a week at least). */
const LOOKAHEAD_DAYS = 15;

/**
 * The next slot that will be posted after `now`, for `tips status`; undefined when paused with no end. A slot
 * inside a pause is passed over; the first one after the pause ends is the answer.
 */
export function nextPostTime(subscription: Subscription, now: Date): Date | undefined {
  const from = Math.max(now.getTime(), notBefore(subscription));
  if (!Number.isFinite(from) || from > now.getTime() + 400 * 24 * 60 * 60 * 1000) return undefined;
  const start = localDate(new Date(from), subscription.timezone);
  for (let i = -1; i < LOOKAHEAD_DAYS; i++) {
    const slot = slotOn(subscription, addDays(start, i));
    if (slot && slot.getTime() > now.getTime() && slot.getTime() >= from) return slot;
  }
  return undefined;
}
