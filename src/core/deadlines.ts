/**
 * Deadlines on one shared timer. Every request sets deadlines it almost never reaches: one per store call
 * (BoundedState) and one for the chat platform's acknowledgement (raceDeadline). A setTimeout each, with
 * the promises racing it, was a measurable share of a slash command's CPU (bench/slack.ts). Here a pending
 * deadline is an entry in a Set, checked by one interval every TICK_MS while any is pending, so setting
 * and cancelling one costs a Set insert and delete. A deadline fires at most TICK_MS after it is due,
 * which none of the bounds here (hundreds of ms and more) notice. Times are monotonic (performance.now),
 * as setTimeout's are: a wall clock set back does not hold a deadline up.
 *
 * The interval keeps the process alive while a deadline is pending, as a setTimeout would: a one-shot CLI
 * waiting on a store that hangs still gets its answer after the bound.
 */

export const TICK_MS = 10;

export interface Deadline {
  /** Stops it from firing; harmless after it fired. */
  cancel(): void;
}

interface Pending extends Deadline {
  due: number;
  fire: () => void;
}

const pending = new Set<Pending>();
/** The interval, and the clock it was set on: tests swap the global timers (fake timers) and back. */
let ticker: { handle: NodeJS.Timeout; setOn: typeof setInterval; clear: typeof clearInterval } | undefined;

function stopTicker(): void {
  ticker?.clear(ticker.handle);
  ticker = undefined;
}

function tick(): void {
  const now = performance.now();
  for (const entry of pending) {
    if (entry.due > now) continue;
    pending.delete(entry);
    entry.fire();
  }
  if (pending.size === 0) stopTicker();
}

/** Calls `fire` once, `ms` from now (at most TICK_MS later), unless cancelled first. */
export function afterMs(ms: number, fire: () => void): Deadline {
  const entry: Pending = { due: performance.now() + ms, fire, cancel: () => pending.delete(entry) };
  if (ticker?.setOn !== setInterval) {
    // Only tests swap the clock (fake timers): deadlines set on the old one can never be due on the new
    // one, and kept they would hold the new interval, and the process, for as long as they said.
    if (ticker) pending.clear();
    stopTicker();
    ticker = { handle: setInterval(tick, TICK_MS), setOn: setInterval, clear: clearInterval };
  }
  pending.add(entry);
  return entry;
}

/** How many deadlines are waiting (for tests). */
export function pendingDeadlines(): number {
  return pending.size;
}
