/**
 * Local time in an IANA timezone with the built-in Intl API only (no timezone library): the local date and
 * weekday of an instant, and the instant of a local date and time of day. Daylight saving is handled the way a
 * person expects of "every day at 02:30": in a spring-forward gap the post moves to the next valid minute
 * (03:00 in Europe/Berlin), and in a repeated hour it goes out at the first occurrence.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** One formatter per timezone: creating an Intl.DateTimeFormat is far slower than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/**
 * The canonical name of a timezone Intl knows (`europe/berlin` -> `Europe/Berlin`), or undefined. Offsets
 * such as `+02:00` are refused: they do not follow daylight saving, so a daily time would drift for people.
 */
export function canonicalTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(trimmed)) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
    if (/^[+-]\d/.test(resolved)) return undefined;
    if (resolved.toLowerCase() === trimmed.toLowerCase()) return resolved;
    // ICU resolves some current names to older ones (Asia/Kolkata -> Asia/Calcutta): keep the name people
    // use, as typed when it has capitals, else with each word capitalised (asia/kolkata -> Asia/Kolkata).
    if (/[A-Z]/.test(trimmed)) return trimmed;
    return trimmed.replace(/(^|[/_-])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
  } catch {
    return undefined;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(instant: Date, timezone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timezone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of an instant in the timezone. */
export function localDate(instant: Date, timezone: string): string {
  const p = localParts(instant, timezone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:MM` of an instant in the timezone. */
export function localTimeOfDay(instant: Date, timezone: string): string {
  const p = localParts(instant, timezone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

function dateToUtcMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** The calendar date `days` after `date` (negative: before). Calendar arithmetic, no timezone involved. */
export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(dateToUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** How far the timezone's wall clock is ahead of UTC at this instant (ms; seconds of old LMT offsets dropped). */
function offsetAt(instantMs: number, timezone: string): number {
  const p = localParts(new Date(instantMs), timezone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a local date and time of day fall on. A repeated hour (autumn) gives the first occurrence; a
 * time that does not exist (spring-forward gap) gives the first valid minute after it, where the clock jumps.
 */
export function instantOf(date: string, time: string, timezone: string): Date {
  // Remembered: every tick asks the same few (timezone, date, time) for thousands of subscriptions.
  const key = `${timezone}|${date}|${time}`;
  let at = instants.get(key);
  if (at === undefined) {
    if (instants.size >= MAX_REMEMBERED) instants.clear();
    at = computeInstantOf(date, time, timezone);
    instants.set(key, at);
  }
  return new Date(at);
}

const instants = new Map<string, number>();
const MAX_REMEMBERED = 50_000;

function computeInstantOf(date: string, time: string, timezone: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = dateToUtcMs(date) + hour * 60 * MINUTE_MS + minute * MINUTE_MS;
  // Every offset in force within a day either side: a wall time maps to at most two instants (a repeat).
  const offsets = [...new Set([offsetAt(wall - DAY_MS, timezone), offsetAt(wall, timezone), offsetAt(wall + DAY_MS, timezone)])];
  const valid = offsets.map((o) => wall - o).filter((t) => offsetAt(t, timezone) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  // A gap: the clock jumps over this time. Candidates for the wall time lie on both sides of the jump; the
  // jump itself (found minute by minute, by halving) is the first valid local minute after the time asked.
  const candidates = offsets.map((o) => wall - o).sort((a, b) => a - b);
  let lo = candidates[0]!;
  let hi = candidates[candidates.length - 1]!;
  const before = offsetAt(lo, timezone);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(mid, timezone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** How a person reads a post time: "Mon 7 Jun, 09:00" in the subscription's timezone. */
export function formatLocal(instant: Date, timezone: string): string {
  let f = displayFormatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    displayFormatters.set(timezone, f);
  }
  return f.format(instant).replace(/ at /, ', ');
}
