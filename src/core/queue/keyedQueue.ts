/**
 * The one per-key queue of the app: tasks with the same key (a person) run one after another, in the order
 * they were added; other keys run in parallel. The core orders a person's requests with it and both chat
 * adapters order a person's answers with it.
 *
 * It is bounded per key, so one person's flood never grows memory or delays anyone else:
 * - depth: at most `maxDepth` tasks of one key waiting or running; the excess is refused at once;
 * - flood: a token bucket of `burst` tasks refilled at `perSecond`; tasks beyond it are refused at once.
 * A refusal is a QueueRefusedError, and it costs no store call and no wait.
 */

export interface QueueLimits {
  maxDepth: number;
  burst: number;
  perSecond: number;
}

/** A person may have a few messages in flight and type in short bursts; a script may not. */
export const DEFAULT_QUEUE_LIMITS: QueueLimits = { maxDepth: 10, burst: 20, perSecond: 2 };

export type RefusalReason = 'busy' | 'flood';

export class QueueRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** The first refusal since the key last had a task accepted: worth telling the person once, not every time. */
    readonly firstInBurst: boolean,
  ) {
    super(reason === 'busy' ? 'too many tasks waiting for this key' : 'too many tasks for this key in a short time');
    this.name = 'QueueRefusedError';
  }
}

interface KeyState {
  tail: Promise<void>;
  depth: number;
  tokens: number;
  refilledAt: number;
  refusing: boolean;
}

/** Above this many remembered keys, idle keys whose bucket is full again are forgotten. */
const PRUNE_ABOVE = 10_000;

export class KeyedQueue {
  private readonly keys = new Map<string, KeyState>();
  private readonly limits: QueueLimits;
  /**
   * Prune again only when the Map has grown this far. After a prune that could forget little (many keys
   * seen within the last seconds), pruning on every new key would walk the whole Map each time.
   */
  private pruneAt = PRUNE_ABOVE;

  constructor(
    limits: Partial<QueueLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_QUEUE_LIMITS, ...limits };
  }

  /** Runs `task` after the key's earlier tasks; rejects with QueueRefusedError when the key is over a limit. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const state = this.stateOf(key);
    const refusal = this.refusal(state);
    if (refusal) {
      const firstInBurst = !state.refusing;
      state.refusing = true;
      return Promise.reject(new QueueRefusedError(refusal, firstInBurst));
    }
    state.refusing = false;
    state.tokens -= 1;
    state.depth += 1;
    // A failed task must not stop the ones queued behind it.
    const next = state.tail.then(task, task);
    state.tail = next.then(
      () => this.finished(state),
      () => this.finished(state),
    );
    return next;
  }

  /** Keys with tasks waiting or running. */
  get size(): number {
    let busy = 0;
    for (const state of this.keys.values()) if (state.depth > 0) busy++;
    return busy;
  }

  private refusal(state: KeyState): RefusalReason | undefined {
    const now = this.now();
    const { burst, perSecond, maxDepth } = this.limits;
    state.tokens = Math.min(burst, state.tokens + ((now - state.refilledAt) / 1000) * perSecond);
    state.refilledAt = now;
    if (state.depth >= maxDepth) return 'busy';
    if (state.tokens < 1) return 'flood';
    return undefined;
  }

  private finished(state: KeyState): void {
    state.depth -= 1;
  }

  private stateOf(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      if (this.keys.size >= this.pruneAt) {
        this.prune();
        this.pruneAt = Math.max(PRUNE_ABOVE, this.keys.size * 2);
      }
      state = { tail: Promise.resolve(), depth: 0, tokens: this.limits.burst, refilledAt: this.now(), refusing: false };
      this.keys.set(key, state);
    }
    return state;
  }

  /** Forgets keys that are idle and whose bucket has refilled: they behave exactly like unseen keys. */
  private prune(): void {
    const now = this.now();
    const { burst, perSecond } = this.limits;
    for (const [key, state] of this.keys) {
      const tokens = state.tokens + ((now - state.refilledAt) / 1000) * perSecond;
      if (state.depth === 0 && tokens >= burst) this.keys.delete(key);
    }
  }
}
