/**
 * What both tip schedulers share: the identity of one post (subscription, local day) as a BullMQ job id or a
 * claim key, and which platform a subscription id belongs to. Pure and small, so the one-shot CLI never
 * loads a queue library to use it.
 */
import { PLATFORMS, type DueTip, type Platform } from '../core/tips/model';

/** What names one post in BullMQ: the subscription (as it was subscribed: its `since`) and the local date. */
export interface DeliveryIdentity {
  subscriptionId: string;
  localDate: string;
  /** The subscription's `since` (ISO): a subscription turned off and on again is a new one, with new posts. */
  since: string;
}

/**
 * The BullMQ job id of one post. Subscription ids contain colons (`slack:channel:C1`), which BullMQ 6
 * refuses in custom ids (only its own `repeat:<id>:<ms>` pattern may have them), so the subscription id is
 * base64url-encoded: no colon, no slash, and the same input always gives the same id, whichever instance
 * adds the job. A second add with an id BullMQ still keeps (waiting, active, completed, failed) is ignored.
 * The subscription's `since` (epoch ms, base36) is part of it: every tick of one subscription makes the
 * same id, but turning tips off and on the same day makes a new one, which is posted (a completed job of
 * the earlier subscription would otherwise swallow it for the 3 days its id is kept).
 */
export function deliveryJobId(due: DeliveryIdentity): string {
  const since = Date.parse(due.since);
  if (Number.isNaN(since)) throw new Error(`invalid since for ${due.subscriptionId}: ${due.since}`);
  return `tip-${Buffer.from(due.subscriptionId, 'utf8').toString('base64url')}-${due.localDate}-${since.toString(36)}`;
}

/** The subscription id, local date and `since` (epoch ms) a delivery job id stands for (for logs and tests). */
export function parseDeliveryJobId(jobId: string): { subscriptionId: string; localDate: string; sinceMs: number } | undefined {
  const match = /^tip-([A-Za-z0-9_-]+)-(\d{4}-\d{2}-\d{2})-([0-9a-z]+)$/.exec(jobId);
  if (!match) return undefined;
  return { subscriptionId: Buffer.from(match[1]!, 'base64url').toString('utf8'), localDate: match[2]!, sinceMs: parseInt(match[3]!, 36) };
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
  /** Absent in jobs queued before it was added; delivery re-reads the subscription and does not need it. */
  since?: string;
}

export const toJobData = (due: DueTip): DeliveryJobData => ({ subscriptionId: due.subscriptionId, localDate: due.localDate, scheduledAt: due.scheduledAt.toISOString(), since: due.since });
export const fromJobData = (data: DeliveryJobData): DueTip => ({ subscriptionId: data.subscriptionId, localDate: data.localDate, scheduledAt: new Date(data.scheduledAt), since: data.since ?? '' });
