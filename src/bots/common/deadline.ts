/**
 * Races work against a deadline without cancelling it: Slack and Discord both want an acknowledgement within
 * 3 s, so a slow answer is acked or deferred first and delivered later from the same promise.
 */
import { afterMs } from '../../core/deadlines';

export type Raced<T> = { settled: true; value: T } | { settled: true; error: unknown } | { settled: false };

export function raceDeadline<T>(work: Promise<T>, ms: number): Promise<Raced<T>> {
  return new Promise<Raced<T>>((resolve) => {
    // Whichever comes first settles the race; resolving again later does nothing.
    const deadline = afterMs(ms, () => resolve({ settled: false }));
    work.then(
      (value) => {
        deadline.cancel();
        resolve({ settled: true, value });
      },
      (error: unknown) => {
        deadline.cancel();
        resolve({ settled: true, error });
      },
    );
  });
}

/**
 * The work's result, or a rejection after `ms`. For store calls the user must not wait on: keyv over a
 * lost Redis connection can hang instead of failing (keyv #1470, #1496).
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  const raced = await raceDeadline(work, ms);
  if (!raced.settled) throw new Error(`${what} timed out after ${ms} ms`);
  if ('error' in raced) throw raced.error;
  return raced.value;
}

/** The value if it arrives within `ms`, else undefined (the work keeps running); a rejection passes through. */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return undefined;
  const raced = await raceDeadline(work, ms);
  if (!raced.settled) return undefined;
  if ('error' in raced) throw raced.error;
  return raced.value;
}
