/**
 * Rephrasings cached by (answer text, style), least recently used evicted first, so the same answer costs
 * one call. Answers can carry a person's profile ("you know Python and Java"), so the cache remembers who
 * caused or read each entry and `forget` removes that person's entries.
 */
export class RephraseCache {
  private readonly entries = new Map<string, string>();
  private readonly usersOf = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, Set<string>>();

  constructor(private readonly maxEntries: number) {}

  static key(answer: string, style: string): string {
    return `${style}\u0000${answer}`;
  }

  get(key: string, userId: string): string | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-inserting moves the entry to the young end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, value);
    this.link(key, userId);
    return value;
  }

  set(key: string, userId: string, value: string): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.link(key, userId);
    while (this.entries.size > this.maxEntries) this.delete(this.entries.keys().next().value!);
  }

  forget(userId: string): void {
    for (const key of this.keysOf.get(userId) ?? []) this.delete(key);
    this.keysOf.delete(userId);
  }

  get size(): number {
    return this.entries.size;
  }

  private link(key: string, userId: string): void {
    this.usersOf.set(key, (this.usersOf.get(key) ?? new Set()).add(userId));
    this.keysOf.set(userId, (this.keysOf.get(userId) ?? new Set()).add(key));
  }

  private delete(key: string): void {
    this.entries.delete(key);
    for (const user of this.usersOf.get(key) ?? []) {
      const keys = this.keysOf.get(user);
      keys?.delete(key);
      if (keys?.size === 0) this.keysOf.delete(user);
    }
    this.usersOf.delete(key);
  }
}
