/**
 * At most `max` starts per `durationMs`, in this process (a sliding window of start times). The in-process
 * scheduler's limiter; with Redis, BullMQ's worker limiter does the same across every instance.
 */
export interface RateLimiter {
  /** Resolves when one more start fits in the window (and counts it). */
  take(): Promise<void>;
}

export function createRateLimiter(max: number, durationMs: number, now: () => number = Date.now): RateLimiter {
  const starts: number[] = [];
  let chain: Promise<void> = Promise.resolve();
  const takeOne = async () => {
    for (;;) {
      const at = now();
      while (starts.length > 0 && starts[0]! <= at - durationMs) starts.shift();
      if (starts.length < max) {
        starts.push(at);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, starts[0]! + durationMs - at));
    }
  };
  return {
    take() {
      // One waiter at a time, in arrival order.
      const turn = chain.then(takeOne);
      chain = turn.catch(() => undefined);
      return turn;
    },
  };
}
