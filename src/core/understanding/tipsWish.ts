/**
 * What people write about the tips themselves, read into the `tips` command's own words so it does exactly
 * what the command would: "give me a tip" (one now), "send me a tip every morning at 8" (`on 08:00 daily`),
 * "no more tips" (`off`), "pause the tips for a week" (`pause 7d`), "start them again" (`resume`), "when's my
 * next tip?" (`status`). Asking for tips *about* something ("any tips for learning pytorch?", "tips for
 * interviews") is a question about the path, not this: the caller says whether the message names a skill.
 */
import { canonicalTimeZone } from '../tips/localTime';

export type TipsWish = { kind: 'tip-now' } | { kind: 'tips'; settings: string };

const TIP = /\b(tips?|tipps?)\b/;
const STATUS = /\b(when|what time|wen)\b.*\bnext (daily |personal )?tips?\b|\b(when|what time) (do|does|will|are|is) (the |my )?(daily )?tips?\b|\b(are|is) (my |the )?(daily )?tips? (still )?(paused|active|on|off|running|enabled|coming)\b|\bnext tip (come|coming|arrive|due)\b|\b(am i|are you) (still )?(subscribed|signed up|getting|sending)\b|\btips? (status|settings|schedule)\b|\bmy tips? (settings|schedule|time)\b/;
const STOP = /\b(stop|unsubscribe|no more|don'?t (send|want)|dont (send|want)|do not (send|want)|turn (them |these |the tips |it )?off|switch (them |the tips |it )?off|disable|cancel|quit|enough( of)?)\b/;
const PAUSE = /\b(pause|hold off|put .* on hold|snooze|a break from|take a break|hold (the |my )?tips|skip (the |my )?tips)\b/;
const RESUME = /\b(resume|unpause|un pause|restart|start (them |the tips |my tips |sending (them |tips )?)?again|back on|turn (them |the tips |it )?(back )?on again|continue (sending |with )?(the |my )?tips)\b/;
const SCHEDULE =
  /\b(daily|every ?day|each day|every (morning|evening|night|afternoon|weekday|week ?day|week|day)|each (morning|evening|weekday)|weekdays?|weekends?|weekly|regular(ly)?|subscribe|subscription|sign me up|signup|sign up|on a schedule|schedule|remind(er|ers)?|mornings?|evenings?|at \d{1,2}|\d{1,2} ?(am|pm)|\d{1,2}:\d{2}|(mon|tues?|wed|thu|thurs|fri|sat|sun)(day)?s?)\b/;
/** One tip, now, said outright: checked before the schedule words ("one tip now, don't subscribe me"). */
const NOW_OUTRIGHT = /\b(right now|tip now|tips now|just one|one tip|today'?s tip|todays tip|tip of the day|tip for today|tip for me today)\b/;
/** The whole message is one word about the only thing the mentor can subscribe a person to. */
const BARE = /^(subscribe|subscribe me|sign me up|unsubscribe|unsubscribe me)( please| pls| plz)?$/;
/** Asking to change the schedule: "change my tip time to 9pm" is not a question about the time. */
const CHANGE = /\b(change|switch|move|set|make|put)\b/;
/** "give me a tip", "any tips?", "one more tip", "tip please". */
const NOW = /\b(give|send|show|share|tell|got|have|any|need|want|gimme|drop|another|one more|quick|random|some|a tip|tips? (please|pls|plz))\b|^(a |another |one |quick )?tips?( please| pls| plz)?$/;

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, couple: 2, few: 3 };
const DAY_WORDS: [RegExp, number][] = [
  [/\bmon(day)?s?\b/, 1],
  [/\btues?(day)?s?\b/, 2],
  [/\bwed(nesday)?s?\b/, 3],
  [/\bthu(rs?)?(day)?s?\b/, 4],
  [/\bfri(day)?s?\b/, 5],
  [/\bsat(urday)?s?\b/, 6],
  [/\bsun(day)?s?\b/, 7],
];
const DAY_IDS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * `message`: in lowercase with its punctuation; `raw`: as written (timezone names keep their case).
 * `aboutTips`: the last answer was about the tips, so "make it weekends only" or "stop them" need not say "tips".
 */
export function readTipsWish(message: string, raw: string, namesSomething: boolean, aboutTips = false): TipsWish | undefined {
  let text = message;
  const bare = BARE.exec(text.trim());
  if (bare) return { kind: 'tips', settings: bare[1]!.startsWith('un') ? 'off' : 'on' };
  if (!TIP.test(text) && !aboutTips) return undefined;
  // Typos people make in the words that matter here ("evry day", "mornig").
  text = text.replace(/\bev(e)?ry\b/g, 'every').replace(/\bmornig\b/g, 'morning');
  // "every day instead of just weekdays": what comes after "instead of" is what they no longer want.
  const wanted = text.replace(/\b(instead of|rather than|not just|no longer)\b.*$/, '');
  if (STATUS.test(text) && !CHANGE.test(text)) return { kind: 'tips', settings: 'status' };
  if (RESUME.test(text)) return { kind: 'tips', settings: 'resume' };
  if (PAUSE.test(text)) return { kind: 'tips', settings: `pause ${pauseDays(text) ?? 7}d` };
  if (NOW_OUTRIGHT.test(text) && !namesSomething && TIP.test(text)) return { kind: 'tip-now' };
  if (STOP.test(text)) return { kind: 'tips', settings: 'off' };
  if (SCHEDULE.test(text) || (CHANGE.test(text) && timeOf(wanted))) {
    return { kind: 'tips', settings: ['on', timeOf(wanted), zoneOf(raw), daysOf(wanted)].filter(Boolean).join(' ') };
  }
  // "tips for interviews?", "any tips on pytorch": advice about something, answered as a question.
  if (!TIP.test(text)) return undefined;
  if (namesSomething || /\btips? (for|on|about|to|when|with|regarding)\b(?! (me|us|today|now|the day)\b)/.test(text)) return undefined;
  return NOW.test(text) ? { kind: 'tip-now' } : undefined;
}

/** "for a week" 7, "for 3 days" 3, "for two weeks" 14, "till next month" 30; undefined when no length is given. */
function pauseDays(text: string): number | undefined {
  if (/\b(a|one|next) month\b|\buntil next month\b|\btill next month\b/.test(text)) return 30;
  const m = /\b(?:for|about|like)\s+(?:the\s+)?(?:next\s+)?(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|couple|few)\s+(?:of\s+)?(days?|weeks?|wks?)\b/.exec(text);
  if (m) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!]!;
    return Math.min(365, Math.max(1, m[2]!.startsWith('w') ? n * 7 : n));
  }
  if (/\b(the |this )?weekend\b/.test(text)) return 2;
  if (/\b(a |this )week\b/.test(text)) return 7;
  return undefined;
}

/** "at 7:30", "8am", "at 6 in the evening", "noon" -> `HH:MM`. */
function timeOf(text: string): string | undefined {
  const later = /\b(evening|night|afternoon|pm|tonight)\b/.test(text);
  const exact =
    /\b(\d{1,2}):(\d{2})\s*(am|pm)?\b/.exec(text) ?? /\b(\d{1,2})()\s*(am|pm)\b/.exec(text) ?? /\b(?:at|around|about|by|for) (\d{1,2})()\b(?!\s*(days?|weeks?|tips?|mins?|minutes?|hours?))/.exec(text);
  if (!exact) return /\bnoon\b/.test(text) ? '12:00' : undefined;
  let hour = Number(exact[1]);
  const minute = exact[2] ? Number(exact[2]) : 0;
  if (hour > 23 || minute > 59) return undefined;
  if (exact[3] === 'am' && hour === 12) hour = 0;
  else if ((exact[3] === 'pm' || (exact[3] === undefined && later)) && hour < 12) hour += 12;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** An IANA name as written ("Europe/Paris"), or UTC/GMT. */
function zoneOf(raw: string): string | undefined {
  for (const [token] of raw.matchAll(/\b[A-Za-z]+(?:\/[A-Za-z_]+){1,2}\b|\b(?:UTC|GMT|utc|gmt)\b/g)) {
    const zone = canonicalTimeZone(/^(utc|gmt)$/i.test(token) ? token.toUpperCase() : token);
    if (zone) return zone;
  }
  return undefined;
}

/** "weekdays" mon-fri, "every day" daily, "weekends", "mon wed and fri" mon,wed,fri. */
function daysOf(text: string): string | undefined {
  if (/\b(week ?days?|work ?days?|mon(day)? (to|through|thru|-) fri(day)?|every weekday)\b/.test(text)) return 'mon-fri';
  if (/\b(weekends?|saturdays? and sundays?|sat(urday)? and sun(day)?)\b/.test(text)) return 'weekends';
  if (/\b(daily|every ?day|each day|every (morning|evening|night|afternoon)|each (morning|evening)|7 days a week|seven days)\b/.test(text)) return 'daily';
  const named = DAY_WORDS.filter(([pattern]) => pattern.test(text)).map(([, day]) => day);
  return named.length > 0 ? named.map((d) => DAY_IDS[d - 1]).join(',') : undefined;
}
