/**
 * A per-key promise chain: tasks with the same key run one after another, in the order they were added;
 * other keys run in parallel. Both adapters use it so one user's answers go out in the order they wrote.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // A failed task must not stop the ones queued behind it.
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget idle keys so the map does not grow with every user ever seen.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  get size(): number {
    return this.tails.size;
  }
}
