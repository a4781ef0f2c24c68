/**
 * The `tips` command's words, read into what the person asked for, or a short error with an example. Pure:
 * nothing is stored here. Friendly forms are accepted (`9am`, `9:00`, `mon-fri`, `every day`, `1 week`), and
 * an error never repeats more than a short, safe piece of what was typed.
 */
import type { Place } from '../request';
import { canonicalTimeZone } from './localTime';

export type TipsAction =
  /** Subscribe (or change the subscription); what was not given keeps its default or current value. */
  | { kind: 'on'; time?: string; timezone?: string; weekdays?: number[] }
  | { kind: 'off' }
  | { kind: 'status' }
  | { kind: 'pause'; ms: number; label: string }
  | { kind: 'resume' }
  /** Answers to "keep the tips coming?" after five ignored tips. */
  | { kind: 'keep' }
  | { kind: 'less' };

export type ParsedTips = { ok: true; action: TipsAction } | { ok: false; error: string };

export const TIPS_EXAMPLE = 'tips on 09:00 Europe/Berlin mon-fri';
export const TIPS_USAGE = 'on 09:00 Europe/Berlin mon-fri | off | status | pause 7d | resume';

const DAY_NAMES: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};
const DAY_SETS: Record<string, number[]> = {
  weekdays: [1, 2, 3, 4, 5],
  workdays: [1, 2, 3, 4, 5],
  daily: [1, 2, 3, 4, 5, 6, 7],
  everyday: [1, 2, 3, 4, 5, 6, 7],
  weekends: [6, 7],
  weekend: [6, 7],
};
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_PAUSE_DAYS = 365;

/** A piece of the input, shown back only when it is short and plain (never markup, never a mention). */
function shown(text: string): string {
  return text.length <= 30 && /^[\w:/+\-,.]+$/.test(text) ? `"${text}"` : 'that';
}

/** `9:00`, `09:00`, `14:30`, `9am`, `9:30pm` -> `HH:MM`; undefined when it is not a time; an error when it is a wrong one. */
export function parseTime(token: string): string | { error: string } | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(token.toLowerCase());
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const wrong = { error: `There is no ${shown(token)} on a clock. Give a time like 09:00, 9am or 14:30, for example "${TIPS_EXAMPLE}".` };
  if (minute > 59) return wrong;
  if (m[3]) {
    if (hour < 1 || hour > 12) return wrong;
    hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
  } else if (hour > 23) return wrong;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** `mon-fri`, `mon,wed,fri`, `weekdays`, `daily`, `weekends` -> ISO weekdays (sorted); undefined when it is not days. */
export function parseWeekdays(token: string): number[] | undefined {
  const word = token.toLowerCase();
  if (DAY_SETS[word]) return DAY_SETS[word];
  const days = new Set<number>();
  for (const part of word.split(',')) {
    if (part === '') continue;
    const range = /^([a-z]+)-([a-z]+)$/.exec(part);
    if (range) {
      const from = DAY_NAMES[range[1]!];
      const to = DAY_NAMES[range[2]!];
      if (!from || !to) return undefined;
      // A range may wrap over the weekend: fri-mon is Friday to Monday.
      for (let d = from, n = 0; n < 7; d = (d % 7) + 1, n++) {
        days.add(d);
        if (d === to) break;
      }
    } else {
      const day = DAY_NAMES[part];
      if (!day) return undefined;
      days.add(day);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** `7d`, `3 days`, `2w`, `1 week` -> milliseconds, with how to say it. */
export function parseDuration(text: string): { ms: number; label: string } | undefined {
  const m = /^(\d{1,3})\s*(d|day|days|w|wk|wks|week|weeks)$/.exec(text.toLowerCase().trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const days = m[2]!.startsWith('w') ? n * 7 : n;
  if (days < 1 || days > MAX_PAUSE_DAYS) return undefined;
  return { ms: days * DAY_MS, label: days % 7 === 0 && days >= 7 ? `${days / 7} week${days === 7 ? '' : 's'}` : `${days} day${days === 1 ? '' : 's'}` };
}

function parseOn(words: string[]): ParsedTips {
  const action: Extract<TipsAction, { kind: 'on' }> = { kind: 'on' };
  // Two-word forms first: "every day", "9 am".
  const text = words.join(' ').replace(/\bevery\s*day\b/gi, 'daily').replace(/\b(\d{1,2}(?::\d{2})?)\s+(am|pm)\b/gi, '$1$2');
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length > 6) return { ok: false, error: `That is more than I can read. Write it like "${TIPS_EXAMPLE}".` };
  for (const token of tokens) {
    const time = parseTime(token);
    if (typeof time === 'object') return { ok: false, error: time.error };
    if (time !== undefined) {
      if (action.time) return { ok: false, error: `Give one time only, for example "${TIPS_EXAMPLE}".` };
      action.time = time;
      continue;
    }
    const days = parseWeekdays(token);
    if (days !== undefined) {
      if (days.length === 0) return { ok: false, error: `Pick at least one day, for example mon-fri, mon,wed,fri, daily or weekends: "${TIPS_EXAMPLE}".` };
      action.weekdays = [...new Set([...(action.weekdays ?? []), ...days])].sort((a, b) => a - b);
      continue;
    }
    const zone = canonicalTimeZone(token);
    if (zone) {
      action.timezone = zone;
      continue;
    }
    if (token.includes('/') || /^[A-Z][a-z]+_?/.test(token)) {
      return { ok: false, error: `I don't know the timezone ${shown(token)}. Use a name like Europe/Berlin, America/New_York or UTC, for example "${TIPS_EXAMPLE}".` };
    }
    if (/\d/.test(token)) return { ok: false, error: `I could not read ${shown(token)} as a time. Give a time like 09:00, 9am or 14:30, for example "${TIPS_EXAMPLE}".` };
    if (/^(none|never|no|nodays)$/i.test(token)) return { ok: false, error: `Pick at least one day, for example mon-fri, mon,wed,fri, daily or weekends: "${TIPS_EXAMPLE}".` };
    return { ok: false, error: `I could not read ${shown(token)}. Days are like mon-fri, mon,wed,fri, daily or weekends; write it like "${TIPS_EXAMPLE}".` };
  }
  return { ok: true, action };
}

/** The words `tips` starts with; anything else after "tips" in a DM is a question ("tips for interviews?"). */
const VERBS = new Set(['on', 'start', 'subscribe', 'off', 'stop', 'unsubscribe', 'status', 'resume', 'keep', 'less', 'pause']);

/** True when text typed after "tips" in a conversation is meant as the command, not as a question. */
export function looksLikeTipsCommand(text: string): boolean {
  const first = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return first === '' || VERBS.has(first);
}

export function parseTipsCommand(raw: string): ParsedTips {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  const [first = 'status', ...rest] = words;
  const verb = first.toLowerCase();
  const noMore = (action: TipsAction): ParsedTips =>
    rest.length === 0 ? { ok: true, action } : { ok: false, error: `"tips ${verb}" takes nothing after it. Try: ${TIPS_USAGE}.` };
  switch (verb) {
    case 'on':
    case 'start':
    case 'subscribe':
      return parseOn(rest);
    case 'off':
    case 'stop':
    case 'unsubscribe':
      return noMore({ kind: 'off' });
    case 'status':
      return noMore({ kind: 'status' });
    case 'resume':
      return noMore({ kind: 'resume' });
    case 'keep':
      return noMore({ kind: 'keep' });
    case 'less':
      return noMore({ kind: 'less' });
    case 'pause': {
      if (rest.length === 0) return { ok: true, action: { kind: 'pause', ms: 7 * DAY_MS, label: '1 week' } };
      const duration = parseDuration(rest.join(' '));
      if (!duration) return { ok: false, error: `Say how long to pause, from 1 day to a year, for example "tips pause 7d", "tips pause 2w" or "tips pause 1 week".` };
      return { ok: true, action: { kind: 'pause', ...duration } };
    }
    default:
      return { ok: false, error: `I did not understand ${shown(first)}. Try: ${TIPS_USAGE}, for example "${TIPS_EXAMPLE}".` };
  }
}

/** "Mon-Fri", "Mon, Wed, Fri", "every day", "weekends". */
export function describeWeekdays(weekdays: readonly number[]): string {
  const key = weekdays.join(',');
  if (key === '1,2,3,4,5,6,7') return 'every day';
  if (key === '1,2,3,4,5') return 'Mon-Fri';
  if (key === '6,7') return 'weekends';
  return weekdays.map((d) => WEEKDAY_NAMES[d - 1]).join(', ');
}

/** Changes to a channel's tips are public (announced in it); everything else about tips is private. */
export function tipsVisibility(text: string, place: Place | undefined): 'private' | 'public' {
  if (!place || place.direct) return 'private';
  const parsed = parseTipsCommand(text);
  return parsed.ok && parsed.action.kind !== 'status' ? 'public' : 'private';
}
