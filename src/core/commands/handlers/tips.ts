/**
 * `tips`: daily tips for a channel, or for the person in a DM (App Home and the console count as a DM).
 * `on [HH:MM] [timezone] [days]`, `off`, `status`, `pause 7d`, `resume`, and the answers to "keep them
 * coming?" (`keep`, `less`). On Discord only members who may manage the channel change its tips; on Slack
 * anyone in it may, and the change is announced there (the answer is public). When the store cannot answer,
 * the change is refused and nothing is written; a failed read is never taken for "tips are off".
 */
import type { Place } from '../../request';
import { about, reply, errorReply, type Block, type Reply } from '../../reply';
import type { Session } from '../../session';
import { isStoreFailure, STORE_DOWN_CHANGE_TEXT } from '../../storeFailure';
import { nextPostTime } from '../../tips/due';
import { addDays, canonicalTimeZone, formatLocal, localDate } from '../../tips/localTime';
import { PAUSED_INDEFINITELY, type Platform, type Subscription } from '../../tips/model';
import { channelSubscriptionId, personSubscriptionId } from '../../tips/subscriptionStore';
import { describeWeekdays, parseTipsCommand, TIPS_EXAMPLE, WEEKDAY_NAMES, type TipsAction } from '../../tips/tipsCommand';
import type { CommandHandler } from './types';

const DEFAULT_TIME = '09:00';
const DEFAULT_WEEKDAYS = [1, 2, 3, 4, 5];

const STORE_DOWN_STATUS_TEXT = "I can't reach the saved tip settings right now, so I can't tell whether daily tips are on. Please try again in a moment.";

/** Where the tips of this request go: the channel it was made in, or the person (DM, App Home, console). */
interface Where {
  id: string;
  audience: 'channel' | 'person';
  platform: Platform;
  target: string;
  /** "this channel" or "you". */
  label: string;
}

function whereOf(session: Session, place: Place): Where | Reply {
  if (place.direct) {
    return { id: personSubscriptionId(place.platform, session.userId), audience: 'person', platform: place.platform, target: session.userId, label: 'you' };
  }
  if (!place.channelId) return errorReply('I could not tell which channel this is, so I changed nothing. Try again from the channel, or in a DM with me for your own tips.');
  return { id: channelSubscriptionId(place.platform, place.channelId), audience: 'channel', platform: place.platform, target: place.channelId, label: 'this channel' };
}

function describeSchedule(s: Subscription): string {
  const days = s.frequency === 'less' ? `once a week on ${WEEKDAY_NAMES[s.weekdays[0]! - 1]}` : describeWeekdays(s.weekdays);
  return `${s.time} ${s.timezone}, ${days}`;
}

function nextLine(s: Subscription, now: Date): string {
  const next = nextPostTime(s, now);
  return next ? formatLocal(next, s.timezone) : 'none while paused';
}

function statusReply(where: Where, s: Subscription | undefined, now: Date): Reply {
  if (!s) {
    return reply([{ type: 'text', text: `Daily tips are off for ${where.label}. Turn them on with "${TIPS_EXAMPLE}" (or just "tips on": 09:00, Mon-Fri).` }]);
  }
  const fields = [
    { label: 'When', value: describeSchedule(s) },
    { label: 'Next tip', value: nextLine(s, now) },
  ];
  // A pause that has ended is not shown (the record keeps pausedUntil until the next change).
  if (s.pausedUntil && Date.parse(s.pausedUntil) > now.getTime()) {
    fields.push({
      label: 'Paused',
      value: s.pauseReason === 'dm-closed' ? 'your DMs are closed to me; open them, then "tips resume"' : s.pausedUntil === PAUSED_INDEFINITELY ? 'until you resume' : `until ${formatLocal(new Date(s.pausedUntil), s.timezone)}`,
    });
  }
  const blocks: Block[] = [
    { type: 'heading', text: `Daily tips for ${where.label}` },
    { type: 'fields', fields },
    { type: 'text', text: 'Change them with "tips on 08:30 mon,wed,fri", pause with "tips pause 7d", stop with "tips off".' },
  ];
  return reply(blocks);
}

const NOT_ON = (where: Where) => errorReply(`Daily tips are not on for ${where.label}. Turn them on with "${TIPS_EXAMPLE}".`);

async function change(session: Session, where: Where, place: Place, action: Exclude<TipsAction, { kind: 'status' }>): Promise<Reply> {
  const { tips } = session.deps;
  const now = session.now;
  const at = now.toISOString();
  const existing = await tips.get(where.id);
  const save = (s: Subscription) => tips.put({ ...s, userId: session.userId, updatedAt: at });
  switch (action.kind) {
    case 'on': {
      const timezone = action.timezone ?? existing?.timezone ?? canonicalTimeZone(place.timezone ?? '') ?? 'UTC';
      const subscription: Subscription = {
        schemaVersion: 1,
        id: where.id,
        audience: where.audience,
        platform: where.platform,
        target: where.target,
        userId: session.userId,
        time: action.time ?? existing?.time ?? DEFAULT_TIME,
        timezone,
        weekdays: action.weekdays ?? existing?.weekdays ?? DEFAULT_WEEKDAYS,
        // Turning tips on is a fresh choice: every listed day, not paused, nothing already past.
        frequency: 'normal',
        since: at,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      };
      await save(subscription);
      if (existing && existing.timezone !== timezone) await restartDatesIn(session, where.id, timezone, now);
      const whose = where.audience === 'channel' ? 'this channel' : 'you';
      return reply([
        { type: 'text', text: `Daily tips are on for ${whose}: ${describeSchedule(subscription)}. The next one comes ${nextLine(subscription, now)}.` },
        { type: 'text', text: 'Change the time with "tips on 08:30 Europe/Berlin mon,wed,fri", pause with "tips pause 7d", stop with "tips off".' },
      ]);
    }
    case 'off':
      if (!existing) return reply([{ type: 'text', text: `Daily tips were not on for ${where.label}; nothing changed.` }]);
      await tips.remove(where.id);
      return reply([{ type: 'text', text: `Daily tips are off for ${where.label}. "tips on" brings them back.` }]);
    case 'pause': {
      if (!existing) return NOT_ON(where);
      const until = new Date(now.getTime() + action.ms);
      const paused: Subscription = { ...existing, pausedUntil: until.toISOString(), pauseReason: 'asked' };
      await save(paused);
      return reply([{ type: 'text', text: `Daily tips for ${where.label} are paused for ${action.label}, until ${formatLocal(until, existing.timezone)}. "tips resume" brings them back sooner.` }]);
    }
    case 'resume': {
      if (!existing) return NOT_ON(where);
      // Slots missed during the pause are not caught up: `since` is now.
      const resumed: Subscription = { ...existing, since: at, pausedUntil: undefined, pauseReason: undefined };
      await save(resumed);
      return reply([{ type: 'text', text: `Daily tips for ${where.label} are back: ${describeSchedule(resumed)}. The next one comes ${nextLine(resumed, now)}.` }]);
    }
    case 'keep': {
      if (!existing) return NOT_ON(where);
      await resetIgnored(session, where.id);
      return reply([{ type: 'text', text: `Good: your daily tips keep coming (${describeSchedule(existing)}).` }]);
    }
    case 'less': {
      if (!existing) return NOT_ON(where);
      const less: Subscription = { ...existing, frequency: 'less' };
      await save(less);
      await resetIgnored(session, where.id);
      return reply([{ type: 'text', text: `Fewer tips then: ${describeSchedule(less)}. "tips on" goes back to every listed day.` }]);
    }
  }
}

/**
 * The sent record holds a local date of the old timezone; compared with the new one's dates it could pass over
 * the first slots there (a day ahead). It is capped at yesterday in the new timezone, under the delivery lock;
 * `since` (now) already keeps any slot before the change from being posted.
 */
async function restartDatesIn(session: Session, id: string, timezone: string, now: Date): Promise<void> {
  const yesterday = addDays(localDate(now, timezone), -1);
  const changed = await session.deps.tips.changeSent(id, (sent) => (sent.lastLocalDate > yesterday ? { ...sent, lastLocalDate: yesterday } : undefined));
  if (!changed) session.deps.logger.warn('tips: sent date not moved to the new timezone, a delivery is under way', { subscription: id });
}

/**
 * The person answered the "keep them coming?" question: the count of ignored tips starts again. Under the
 * delivery lock, so a tip being posted right now is not undone; if a delivery holds it too long the count is
 * left, and logged (this answer is itself a reply since that post, which the next delivery sees while the
 * 24 h dialogue record lasts).
 */
async function resetIgnored(session: Session, id: string): Promise<void> {
  const changed = await session.deps.tips.changeSent(id, (sent) => (sent.ignoredInARow > 0 ? { ...sent, ignoredInARow: 0 } : undefined));
  if (!changed) session.deps.logger.info('tips: ignored count not reset, a delivery is under way', { subscription: id });
}

/** Answers about the tips are marked so, so a follow-up ("make it weekends only") is read against them. */
export const tips: CommandHandler = async (session, args) => {
  const answer = await tipsAnswer(session, args);
  return answer.error ? answer : about(answer, { intent: 'tips', topics: [] });
};

const tipsAnswer: CommandHandler = async (session, args) => {
  const parsed = parseTipsCommand(args.settings ?? '');
  if (!parsed.ok) return errorReply(parsed.error);
  // No place at all: the console, a direct conversation.
  const place: Place = session.place ?? { platform: 'console', direct: true };
  const where = whereOf(session, place);
  if (!('id' in where)) return where;
  const { action } = parsed;
  try {
    if (action.kind === 'status') return statusReply(where, await session.deps.tips.get(where.id), session.now);
    if (where.audience === 'channel' && place.canManageChannel === false) {
      return errorReply('Only members who can manage this channel can change its daily tips, so nothing changed. For tips of your own, write "tips on" to me in a DM.');
    }
    return await change(session, where, place, action);
  } catch (error) {
    if (!isStoreFailure(error)) throw error;
    return errorReply(action.kind === 'status' ? STORE_DOWN_STATUS_TEXT : STORE_DOWN_CHANGE_TEXT);
  }
};
