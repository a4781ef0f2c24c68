/**
 * What protects the LLM budget: a per-person limit per minute (one person cannot spend everyone's calls)
 * and a global cap on calls in flight. Over either, the original answer is sent at once; nothing queues,
 * because a queued rephrasing would only arrive after its time budget.
 */
const WINDOW_MS = 60_000;
/** Tracked people; beyond it the oldest are dropped (they could at worst get one extra call). */
const MAX_TRACKED = 10_000;

export class LlmBudget {
  private readonly recent = new Map<string, number[]>();
  private inFlight = 0;

  constructor(
    private readonly perUserPerMinute: number,
    private readonly maxConcurrent: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a slot, or says why not. Call `release` when the call settles. */
  acquire(userId: string): 'ok' | 'rate-limited' | 'busy' {
    const now = this.now();
    const times = (this.recent.get(userId) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length >= this.perUserPerMinute) return 'rate-limited';
    if (this.inFlight >= this.maxConcurrent) return 'busy';
    times.push(now);
    this.recent.delete(userId);
    this.recent.set(userId, times);
    if (this.recent.size > MAX_TRACKED) this.recent.delete(this.recent.keys().next().value!);
    this.inFlight++;
    return 'ok';
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  forget(userId: string): void {
    this.recent.delete(userId);
  }
}
