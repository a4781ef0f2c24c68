/**
 * The receivers: Bolt's own HTTPReceiver (its signature check and 5-minute staleness rule stay in force)
 * plus one rule Bolt lacks, or the SocketModeReceiver when an app-level token is configured.
 */
import type { IncomingMessage } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger';
import type { Health } from '../../ops/health';

/** What the HTTP receiver asks before handing a request to Bolt. */
export interface HttpIntake {
  /** Serves /healthz and /readyz on Slack's port. */
  health?: Health;
  /** False once shutdown began: new requests get 503 (Slack retries them elsewhere). */
  accepting(): boolean;
}

/** Slack signs requests with a timestamp; Bolt rejects ones over 5 minutes old but not ones from the future. */
export const MAX_FUTURE_SKEW_SECONDS = 5 * 60;

/** Stamped on every request so listeners measure the 3-second ack budget from arrival, not from dispatch. */
const stampArrival = () => ({ receivedAt: Date.now() });

export function isFromTheFuture(req: IncomingMessage, nowMs: number): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return header !== undefined && Number.isFinite(seconds) && seconds - nowMs / 1000 > MAX_FUTURE_SKEW_SECONDS;
}

export function createHttpReceiver(signingSecret: string, boltLogger: BoltLogger, logger: Logger, intake: HttpIntake): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: '/slack/events',
    logger: boltLogger,
    customPropertiesExtractor: stampArrival,
  });
  // A timestamp far ahead would stay "fresh" for longer than the replay window: refuse it before Bolt runs.
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (intake.health?.handle(req, res)) return;
    if (!intake.accepting()) {
      req.resume();
      res.writeHead(503, { connection: 'close', 'retry-after': '1' });
      res.end();
      return;
    }
    if (!isFromTheFuture(req, Date.now())) return boltListener(req, res);
    logger.warn('slack request refused: timestamp in the future', { url: req.url });
    req.resume();
    res.writeHead(401);
    res.end();
  };
  return receiver;
}

export function createSocketReceiver(appToken: string, boltLogger: BoltLogger, clientOptions: webApi.WebClientOptions): SocketModeReceiver {
  // clientOptions carries slackApiUrl, so apps.connections.open goes where the rest of the API calls go.
  return new SocketModeReceiver({ appToken, logger: boltLogger, installerOptions: { clientOptions }, customPropertiesExtractor: stampArrival });
}
