/**
 * One effect per delivery. Slack retries events (X-Slack-Retry-Num / Socket Mode retry_attempt) and a
 * captured request can be replayed within the 5-minute signature window; both are dropped here, before
 * any listener runs. Events are already acked by Bolt; commands and actions are acked
 * empty so Slack stops waiting.
 */
import type { AnyMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from './deps';

/** The ids that identify one delivery of a payload. */
export function deliveryKeys(body: Record<string, unknown>): string[] {
  if (body.type === 'event_callback') {
    const keys = typeof body.event_id === 'string' ? [`event:${body.event_id}`] : [];
    const event = body.event as { client_msg_id?: unknown } | undefined;
    if (typeof event?.client_msg_id === 'string') keys.push(`msg:${event.client_msg_id}`);
    return keys;
  }
  if (typeof body.trigger_id === 'string') {
    return [typeof body.command === 'string' ? `command:${body.trigger_id}` : `interaction:${body.trigger_id}`];
  }
  return [];
}

/** True for a delivery seen for the first time; a repeat is acked (where it can be) and logged, and false. */
export async function firstDelivery(args: AnyMiddlewareArgs & { context: Record<string, unknown> }, deps: ListenerDeps): Promise<boolean> {
  const body = args.body as unknown as Record<string, unknown>;
  let duplicate = false;
  // Mark every key, even after a hit, so a later copy matching any of them is caught too.
  for (const key of deliveryKeys(body)) {
    if (!(await deps.firstTime(key))) duplicate = true;
  }
  if (!duplicate) return true;
  deps.logger.info('slack duplicate delivery ignored', { retryNum: args.context.retryNum, retryReason: args.context.retryReason });
  if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  return false;
}
