/**
 * What both tip schedulers share: the identity of one post (subscription, local day) as a BullMQ job id or a
 * claim key, and which platform a subscription id belongs to. Pure and small, so the one-shot CLI never
 * loads a queue library to use it.
 */
import { PLATFORMS, type DueTip, type Platform } from '../core/tips/model';

/**
 * The BullMQ job id of one post. Subscription ids contain colons (`slack:channel:C1`), which BullMQ 6
 * refuses in custom ids (only its own `repeat:<id>:<ms>` pattern may have them), so the subscription id is
 * base64url-encoded: no colon, no slash, and the same input always gives the same id, whichever instance
 * adds the job. A second add with an id BullMQ still keeps (waiting, active, completed, failed) is ignored.
 */
export function deliveryJobId(due: Pick<DueTip, 'subscriptionId' | 'localDate'>): string {
  return `tip-${Buffer.from(due.subscriptionId, 'utf8').toString('base64url')}-${due.localDate}`;
}

/** The subscription id and local date a delivery job id stands for (for logs and tests). */
export function parseDeliveryJobId(jobId: string): { subscriptionId: string; localDate: string } | undefined {
  const match = /^tip-([A-Za-z0-9_-]+)-(\d{4}-\d{2}-\d{2})$/.exec(jobId);
  if (!match) return undefined;
  return { subscriptionId: Buffer.from(match[1]!, 'base64url').toString('utf8'), localDate: match[2]! };
}

/** The in-process scheduler's claim on one post (StatePort.setIfAbsent key; claims have their own key space). */
export const claimKey = (due: Pick<DueTip, 'subscriptionId' | 'localDate'>): string => `tips:post:${due.subscriptionId}:${due.localDate}`;

/** `slack:channel:C1` → `slack`. Undefined for an id that names no known platform. */
export function platformOf(subscriptionId: string): Platform | undefined {
  const prefix = subscriptionId.slice(0, subscriptionId.indexOf(':'));
  return (PLATFORMS as readonly string[]).includes(prefix) ? (prefix as Platform) : undefined;
}

/** The job's data: a DueTip as JSON. */
export interface DeliveryJobData {
  subscriptionId: string;
  localDate: string;
  scheduledAt: string;
}

export const toJobData = (due: DueTip): DeliveryJobData => ({ subscriptionId: due.subscriptionId, localDate: due.localDate, scheduledAt: due.scheduledAt.toISOString() });
export const fromJobData = (data: DeliveryJobData): DueTip => ({ subscriptionId: data.subscriptionId, localDate: data.localDate, scheduledAt: new Date(data.scheduledAt) });
