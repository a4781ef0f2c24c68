/** A valid subscription record for tests of the tip senders and schedulers (fields overridable). */
import type { Platform, Subscription } from '../../src/core/tips/model';

export function subscriptionFor(platform: Platform, audience: 'channel' | 'person', target: string, fields: Partial<Subscription> = {}): Subscription {
  const at = new Date().toISOString();
  return {
    schemaVersion: 1,
    id: `${platform}:${audience}:${target}`,
    audience,
    platform,
    target,
    userId: 'U1',
    time: '09:00',
    timezone: 'UTC',
    weekdays: [1, 2, 3, 4, 5],
    frequency: 'normal',
    since: at,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}
