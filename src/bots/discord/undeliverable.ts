/**
 * Users Discord refuses DMs to (50007: DMs closed or the bot blocked). They are remembered in the shared
 * store so no instance or shard retries them: every refusal counts towards Discord's invalid-request
 * ban threshold. A user who writes to the bot again is reachable again and the mark is lifted.
 */
import type { StatePort } from '../../core/state/statePort';

const key = (userId: string) => `discord:undeliverable:${userId}`;

export interface UndeliverableMark {
  since: string;
}

export async function markUndeliverable(store: StatePort, userId: string, now = new Date()): Promise<void> {
  await store.set(key(userId), { since: now.toISOString() } satisfies UndeliverableMark);
}

export async function isUndeliverable(store: StatePort, userId: string): Promise<boolean> {
  return (await store.get(key(userId))) !== undefined;
}

export async function clearUndeliverable(store: StatePort, userId: string): Promise<void> {
  await store.delete(key(userId));
}
