/** What every listener needs; built once in ../app.ts. */
import { requestLogger, type Logger } from '../../../core/logger';
import type { MentorService } from '../../../core/request';
import type { FirstTime } from '../../common/dedupe';
import type { SlackTimezones } from '../timezone';

export interface ListenerDeps {
  mentor: MentorService;
  logger: Logger;
  /** SET-once record of deliveries (event_id, client_msg_id, trigger_id). */
  firstTime: FirstTime;
  /** How long a slash command may wait for the core before acking empty and answering later. */
  ackDeadlineMs: number;
  /** The asker's timezone for commands that use it (`tips on`), remembered per user. */
  timezones: SlackTimezones;
}

/** When the HTTP request arrived (set by the receiver), so the ack deadline counts Bolt's own time too. */
export function receivedAt(context: Record<string, unknown>): number {
  return typeof context.receivedAt === 'number' ? context.receivedAt : Date.now();
}

/** The listener's deps with a logger for this one request, so its lines can be followed in the logs. */
export function forRequest(deps: ListenerDeps, user: string | undefined, delivery: string | undefined): ListenerDeps {
  return { ...deps, logger: requestLogger(deps.logger, { platform: 'slack', user, delivery }) };
}
