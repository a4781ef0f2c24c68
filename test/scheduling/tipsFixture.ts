/**
 * Real subscriptions for the scheduling tests and the bench: channel subscriptions due at the current UTC
 * minute, written through the core's SubscriptionStore (the same records, index and lock the `tips`
 * command uses), and what its sent records say.
 */
import { silentLogger } from '../../src/core/logger';
import type { StatePort } from '../../src/core/state/statePort';
import type { Platform, Subscription } from '../../src/core/tips/model';
import { subscriptionFor } from '../helpers/tipSubscriptions';
import { channelSubscriptionId, SubscriptionStore, subscriptionKey, TIPS_INDEX_KEY } from '../../src/core/tips/subscriptionStore';

export const utcMinute = (now: Date): string => now.toISOString().slice(11, 16);

/** Channel subscriptions (Slack unless told) whose slot is `now`'s UTC minute, every day, starting an hour ago: due at once. */
export function channelSubscriptions(channels: string[], now: Date, platform: Platform = 'slack'): Subscription[] {
  const at = now.toISOString();
  const since = new Date(now.getTime() - 60 * 60_000).toISOString();
  return channels.map((channel) =>
    subscriptionFor(platform, 'channel', channel, {
      id: channelSubscriptionId(platform, channel),
      userId: 'U-admin',
      time: utcMinute(now),
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      since,
      createdAt: at,
      updatedAt: at,
    }),
  );
}

/** Through SubscriptionStore.put, one by one, as the `tips on` command writes them. */
export async function seedChannelSubscriptions(store: StatePort, channels: string[], now: Date, platform: Platform = 'slack'): Promise<Subscription[]> {
  const subscriptions = new SubscriptionStore(store, silentLogger);
  const subs = channelSubscriptions(channels, now, platform);
  for (const sub of subs) await subscriptions.put(sub);
  return subs;
}

/**
 * For the bench's 10,000: the same records and index the store writes, in one go (put rewrites the whole
 * index under a lock per subscription, quadratic in the count). Only into an empty store.
 */
export async function seedManyChannelSubscriptions(store: StatePort, channels: string[], now: Date): Promise<Subscription[]> {
  const subs = channelSubscriptions(channels, now);
  for (let i = 0; i < subs.length; i += 500) await Promise.all(subs.slice(i, i + 500).map((s) => store.set(subscriptionKey(s.id), s)));
  await store.set(TIPS_INDEX_KEY, { schemaVersion: 1, ids: subs.map((s) => s.id) });
  return subs;
}

/** The subscriptions whose sent record does not yet cover `localDate`. */
export async function notYetSent(store: StatePort, ids: string[], localDate: string): Promise<string[]> {
  const subscriptions = new SubscriptionStore(store, silentLogger);
  const missing: string[] = [];
  for (const id of ids) if (((await subscriptions.getSent(id))?.lastLocalDate ?? '') < localDate) missing.push(id);
  return missing;
}

/** The environment of a `node dist/main.js` posting tips to a fake Slack quickly, for the process tests. */
export function tipsAppEnv(options: { storeUrl: string; token: string; apiUrl: string; concurrency: number }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    STORE_URL: options.storeUrl,
    SLACK_BOT_TOKEN: options.token,
    SLACK_SIGNING_SECRET: 'tips-process-test-secret',
    SLACK_API_URL: options.apiUrl,
    PORT: '0',
    TIPS_TICK_MS: '1000',
    TIPS_DELIVERY_LOCK_MS: '2000',
    TIPS_CONCURRENCY: String(options.concurrency),
    TIPS_RATE_MAX: '1000',
    ...extra,
  };
}
