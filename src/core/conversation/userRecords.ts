/**
 * One validated, expiring record per user in the state port: the setup conversation and the dialogue
 * context are both this. A record read back that does not match its schema is dropped (and logged), never
 * trusted.
 */
import type { z } from 'zod';
import type { Logger } from '../logger';
import { readRecord } from '../profile/profileStore';
import type { StatePort } from '../state/statePort';

export interface UserRecordKind<S extends z.ZodType> {
  /** The key prefix, e.g. "conversation": records live at `conversation:<userId>`. */
  prefix: string;
  schema: S;
  ttlMs: number;
  /** What the logs call it: "conversation state", "dialogue context". */
  label: string;
}

export class UserRecordStore<S extends z.ZodType> {
  constructor(
    private readonly store: StatePort,
    private readonly logger: Logger,
    private readonly kind: UserRecordKind<S>,
  ) {}

  key(userId: string): string {
    return `${this.kind.prefix}:${userId}`;
  }

  async get(userId: string): Promise<z.infer<S> | undefined> {
    const raw = await readRecord(this.store, this.key(userId));
    if (raw === undefined || raw === null) return undefined;
    const parsed = this.kind.schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.logger.warn(`corrupt ${this.kind.label} dropped`, { user: userId });
    await this.clear(userId);
    return undefined;
  }

  /**
   * Written as given: the value is built by typed code (`contextOf`, the setup flow), and what matters is
   * checked where it counts, when a record comes back from the store. Validating every write too cost a
   * few percent of each answer's CPU (the dialogue is written after every answer).
   */
  async set(userId: string, value: z.output<S>): Promise<void> {
    await this.store.set(this.key(userId), value, this.kind.ttlMs);
  }

  async clear(userId: string): Promise<void> {
    await this.store.delete(this.key(userId));
  }
}
