/**
 * TEMPORARY until the core's runner lands on main: a minimal TipsRunner with the same contract (subscriptions
 * and sent records in the store; deliver posts unless already sent for that local date, then records it).
 * To be replaced by createTipsRunner and the real subscription store.
 */
import type { StatePort } from '../../src/core/state/statePort';
import { reply } from '../../src/core/reply';
import type { DeliveryResult, DueResult, DueTip, Platform, Subscription, TipSender, TipsRunner } from '../../src/core/tips/model';

const INDEX = 'tmp-tips:index';
const subKey = (id: string) => `tmp-tips:sub:${id}`;
const sentKey = (id: string) => `tmp-tips:sent:${id}`;

export function utcMinute(now: Date): string {
  return now.toISOString().slice(11, 16);
}

export async function seedChannelSubscriptions(store: StatePort, channels: string[], now: Date): Promise<Subscription[]> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - 60 * 60_000).toISOString();
  const subs = channels.map<Subscription>((channel) => ({
    schemaVersion: 1,
    id: `slack:channel:${channel}`,
    audience: 'channel',
    platform: 'slack',
    target: channel,
    userId: 'U1',
    time: utcMinute(now),
    timezone: 'UTC',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    frequency: 'normal',
    since,
    createdAt: at,
    updatedAt: at,
  }));
  for (const s of subs) await store.set(subKey(s.id), s);
  const index = (await store.get<string[]>(INDEX)) ?? [];
  await store.set(INDEX, [...index, ...subs.map((s) => s.id)]);
  return subs;
}

export function createRunnerForTests(store: StatePort): TipsRunner {
  return {
    async runDue(now: Date): Promise<DueResult> {
      const ids = (await store.get<string[]>(INDEX)) ?? [];
      const due: DueTip[] = [];
      const localDate = now.toISOString().slice(0, 10);
      for (const id of ids) {
        const sub = await store.get<Subscription>(subKey(id));
        if (!sub || sub.time > utcMinute(now)) continue;
        if ((await store.get<string>(sentKey(id))) === localDate) continue;
        due.push({ subscriptionId: id, localDate, scheduledAt: new Date(`${localDate}T${sub.time}:00Z`) });
      }
      return { due, skipped: [] };
    },
    async deliver(due: DueTip, senders: ReadonlyMap<Platform, TipSender>): Promise<DeliveryResult> {
      const sub = await store.get<Subscription>(subKey(due.subscriptionId));
      if (!sub) return 'no-subscription';
      if ((await store.get<string>(sentKey(due.subscriptionId))) === due.localDate) return 'already-sent';
      const outcome = await senders.get(sub.platform)!.send(sub, reply([{ type: 'text', text: `tip for ${sub.target}` }], 'public'));
      await store.set(sentKey(due.subscriptionId), due.localDate);
      return outcome.kind === 'sent' ? 'sent' : outcome.kind;
    },
  };
}

/** The subscriptions whose sent record does not yet say `localDate` was handled. */
export async function notYetSent(store: StatePort, ids: string[], localDate: string): Promise<string[]> {
  const missing: string[] = [];
  for (const id of ids) if ((await store.get<string>(sentKey(id))) !== localDate) missing.push(id);
  return missing;
}
