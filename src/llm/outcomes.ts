/** Counts of what happened to each rephrasing (sent, cache-hit, or why the original went out instead). */
export class Outcomes {
  private readonly counts = new Map<string, number>();

  count(outcome: string): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
