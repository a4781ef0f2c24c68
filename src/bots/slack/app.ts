/**
 * The Slack app: Bolt wired to the mentor. HTTP mode (Events API at /slack/events, signed requests) by
 * default, Socket Mode when SLACK_APP_TOKEN is set. main.ts builds it with `createSlackApp(...)` and calls
 * `start(config.PORT)`; `stop()` stops receiving, then waits for answers already under way.
 */
import type { Server } from 'node:http';
import type { StatePort } from '../../core/state/statePort';
import { App, type webApi } from '@slack/bolt';
import type { Config } from '../../config';
import type { Logger } from '../../core/logger';
import type { MentorService } from '../../core/request';
import type { Health } from '../../ops/health';
import { boltLogLevel, toBoltLogger } from './boltLogger';
import { createDedupe } from '../common/dedupe';
import { slackErrorCode } from './delivery';
import { SlackTimezones } from './timezone';
import { register } from './listeners';
import { createHttpReceiver, createSocketReceiver } from './receiver';

export interface SlackDeps {
  config: Config;
  mentor: MentorService;
  store: StatePort;
  logger: Logger;
  /** Wait this long for the core before acking a slash command empty (default 2 s of Slack's 3 s). */
  ackDeadlineMs?: number;
  /** How long delivery ids are remembered for dedupe (default 1 hour; Slack's last retry comes after ~5 min). */
  dedupeTtlMs?: number;
  /** Readiness: the app reports its connection, and HTTP mode serves /healthz and /readyz on its port. */
  health?: Health;
}

export interface SlackApp {
  app: App;
  /** HTTP mode resolves with the listening server; Socket Mode with nothing. */
  start(port: number, host?: string): Promise<Server | void>;
  /** Shutdown, first step: refuse new requests (HTTP: 503 and stop listening; Socket Mode: leave events unacked). */
  stopIntake(): void;
  /** Finishes answers under way, then closes the server or socket. */
  stop(): Promise<void>;
  /** Listening (HTTP) or connected (Socket Mode). */
  isConnected(): boolean;
  /** Resolves once every request received so far has been fully handled (answers sent). */
  whenIdle(): Promise<void>;
}

/**
 * A few quick retries for 5xx and network errors. 429s are waited out as Slack's Retry-After says (the
 * client pauses its queue) and also count here, so a sustained rate limit ends in a logged error rather than
 * a reply held for half an hour (the library default is 10 retries over ~30 minutes).
 */
export const SLACK_RETRY_CONFIG = { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 10_000, randomize: true };
/** Per attempt; the library default is no timeout at all. */
export const SLACK_API_TIMEOUT_MS = 10_000;
const STOP_DRAIN_MS = 10_000;

export function createSlackApp(deps: SlackDeps): SlackApp {
  const { config, logger } = deps;
  if (!config.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is required for Slack');
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  if (!socketMode && !config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required for Slack in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');

  const boltLogger = toBoltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    retryConfig: SLACK_RETRY_CONFIG,
    timeout: SLACK_API_TIMEOUT_MS,
  };
  let accepting = true;
  const socketReceiver = socketMode ? createSocketReceiver(config.SLACK_APP_TOKEN!, boltLogger, clientOptions) : undefined;
  const receiver = socketReceiver ?? createHttpReceiver(config.SLACK_SIGNING_SECRET!, boltLogger, logger, { health: deps.health, accepting: () => accepting });

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger: boltLogger,
    logLevel: boltLogLevel(config.LOG_LEVEL),
    clientOptions,
    // auth.test runs in start(), awaited: a bad token fails start-up instead of becoming an unhandled rejection.
    deferInitialization: true,
    // The mentor keeps its own state in the store; Bolt's in-memory conversation store would only grow.
    convoStore: false,
  });

  // Errors thrown after ack() end here: logged, never fatal.
  app.error(async (error) => {
    logger.error('slack listener error', { error, code: error.code, slackError: slackErrorCode(error) });
  });

  // Track every delivery from the moment the receiver hands it over (before the ack goes out).
  const inFlight = new Set<Promise<unknown>>();
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const work = processEvent(event);
    inFlight.add(work);
    const done = () => void inFlight.delete(work);
    work.then(done, done);
    return work;
  };
  const whenIdle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  // Socket Mode during shutdown: an event left unacked is redelivered by Slack to another connection.
  if (socketMode) app.use(async ({ next }) => (accepting ? next() : undefined));

  register(app, {
    mentor: deps.mentor,
    logger,
    firstTime: createDedupe(deps.store, logger, { ttlMs: deps.dedupeTtlMs, prefix: 'slack:seen:' }),
    ackDeadlineMs: deps.ackDeadlineMs ?? 2_000,
    timezones: new SlackTimezones(),
  });

  let started = false;
  let server: Server | undefined;
  let closing: Promise<void> | undefined;
  const isConnected = () => {
    if (!started) return false;
    if (server) return server.listening;
    // Bolt keeps the socket in the receiver's client; a dropped socket reconnects by itself.
    const socket = (socketReceiver?.client as unknown as { websocket?: { isActive(): boolean } } | undefined)?.websocket;
    return socket?.isActive() ?? false;
  };
  deps.health?.addPlatform('slack', isConnected);

  const stopIntake = () => {
    if (!started || !accepting) return;
    accepting = false;
    // HTTP: stop listening now (server.close also drops idle keep-alive sockets); answers under way go on.
    if (server) closing = app.stop().then(
      () => undefined,
      (error: unknown) => logger.warn('slack server close failed', { error }),
    );
  };

  return {
    app,
    whenIdle,
    isConnected,
    stopIntake,
    async start(port, host) {
      await app.init();
      if (socketMode) {
        await app.start();
        started = true;
        logger.info('slack app connected (Socket Mode)');
        return;
      }
      server = (await app.start(host === undefined ? port : { port, host })) as Server;
      started = true;
      const address = server.address();
      logger.info('slack app listening', { port: typeof address === 'object' && address ? address.port : port, path: '/slack/events' });
      return server;
    },
    async stop() {
      if (!started) return;
      stopIntake();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([whenIdle(), new Promise((resolve) => (timer = setTimeout(resolve, STOP_DRAIN_MS)))]);
      clearTimeout(timer);
      started = false;
      if (server) {
        // Every answer is out: sockets still kept alive would hold the close for Node's keep-alive timeout.
        server.closeAllConnections();
        await closing;
      } else {
        await app.stop();
      }
    },
  };
}
