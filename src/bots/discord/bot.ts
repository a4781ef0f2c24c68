/**
 * The Discord bot: a discord.js Client wired to the core through one interactionCreate dispatcher and a
 * DM handler. Only non-privileged intents are used (Guilds, DirectMessages): DMs carry their content
 * without MESSAGE_CONTENT, and an unapproved privileged intent would close the gateway with 4014.
 */
import { Client, Events, GatewayIntentBits, Partials, RESTEvents, type RateLimitData } from 'discord.js';
import type { StatePort } from '../../core/state/statePort';
import type { ForgetHooks } from '../../core/forgetHooks';
import { requestLogger, type Logger } from '../../core/logger';
import type { Health } from '../../ops/health';
import type { Reply } from '../../core/reply';
import type { MentorService } from '../../core/request';
import { createDedupe } from '../common/dedupe';
import { describeError } from './apiErrors';
import { DEFAULT_DEFER_AFTER_MS, type BotContext } from './context';
import { KeyedQueue } from '../../core/queue/keyedQueue';
import { handleDirectMessage, sendDirectMessage, type DirectMessageOutcome } from './directMessages';
import { handleInteraction } from './interactions';
import { guardPacketHandling } from './packetGuard';
import { clearUndeliverable } from './undeliverable';

/** How long stop() waits for answers in flight before closing the connection. */
const STOP_GRACE_MS = 10_000;

export interface DiscordBotDeps {
  token: string;
  /** REST base such as `https://discord.com/api` (the library adds `/v10`); the gateway URL comes from its /gateway/bot. */
  apiUrl?: string;
  mentor: MentorService;
  store: StatePort;
  logger: Logger;
  /** Milliseconds before a slow answer is deferred; tests shorten it. Must stay well under 3,000. */
  deferAfterMs?: number;
  /** Readiness: the bot reports whether its gateway session is ready. */
  health?: Health;
  /** `forget` also deletes the DM-refusal mark this bot keeps; registered on start. */
  forgetHooks?: ForgetHooks;
}

export interface DiscordBot {
  client: Client;
  /** Logs in and resolves once the gateway session is ready. */
  start(): Promise<void>;
  /** Shutdown, first step: events arriving from now on are left to Discord (another instance may take them). */
  stopIntake(): void;
  /** Finishes answers under way (bounded), then closes the gateway connection. */
  stop(): Promise<void>;
  isConnected(): boolean;
  /** Sends a reply to a user's DMs (for proactive messages); users who refused DMs are skipped. */
  sendDirectMessage(userId: string, reply: Reply): Promise<DirectMessageOutcome>;
  /** Resolves once every event received so far has been fully handled (tests assert after it). */
  whenIdle(): Promise<void>;
}

export function createDiscordClient(apiUrl?: string): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message; without this partial DMs are dropped silently.
    partials: [Partials.Channel],
    // Default for every send, on top of the explicit value in each payload: nothing the bot posts pings.
    allowedMentions: { parse: [] },
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
  });
}

export function createDiscordBot(deps: DiscordBotDeps): DiscordBot {
  const client = createDiscordClient(deps.apiUrl);
  const { logger } = deps;
  const ctx: BotContext = {
    client,
    mentor: deps.mentor,
    store: deps.store,
    logger,
    deferAfterMs: deps.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    dmQueue: new KeyedQueue(),
    // Interaction and message ids are snowflakes, unique across both kinds, so one prefix serves both.
    firstTime: createDedupe(deps.store, logger, { prefix: 'discord:seen:' }),
  };
  let accepting = true;
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  // One logger per request, so every line of one interaction or DM can be followed.
  const forRequest = (user: string, delivery: string): BotContext => ({ ...ctx, logger: requestLogger(logger, { platform: 'discord', user, delivery }) });
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) track(handleInteraction(forRequest(interaction.user.id, interaction.id), interaction));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!accepting) return;
    const context = forRequest(message.author.id, message.id);
    track(handleDirectMessage(context, message).catch((error: unknown) => context.logger.error('discord: DM handler failed', { error })));
  });
  // A malformed gateway payload makes discord.js throw where nothing could catch it and the process dies.
  guardPacketHandling(client, logger);
  // An 'error' event without a listener would crash the process.
  client.on(Events.Error, (error) => logger.error('discord: client error', describeError(error)));
  client.on(Events.ShardError, (error, shardId) => logger.error('discord: gateway error', { shard: shardId, ...describeError(error) }));
  client.on(Events.Warn, (message) => logger.warn('discord: warning', { message }));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn('discord: gateway disconnected', { shard: shardId, code: event.code }));
  client.on(Events.ShardResume, (shardId) => logger.info('discord: gateway resumed', { shard: shardId }));
  // discord.js queues and waits out 429s by itself; this only makes them visible.
  client.rest.on(RESTEvents.RateLimited, (info: RateLimitData) =>
    logger.warn('discord: rate limited, waiting', { route: info.route, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }),
  );

  const isConnected = () => client.isReady();
  deps.health?.addPlatform('discord', isConnected);

  return {
    client,
    isConnected,
    stopIntake: () => {
      accepting = false;
    },
    async start() {
      deps.forgetHooks?.add((userId) => clearUndeliverable(deps.store, userId));
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(deps.token);
      await ready;
      logger.info('discord: connected', { user: client.user?.tag, shards: client.ws.shards.size });
    },
    async stop() {
      accepting = false;
      // Let answers already being computed reach Discord first (bounded: a stuck core must not block exit).
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)));
      await Promise.race([Promise.allSettled([...pending]), grace]);
      clearTimeout(timer);
      await client.destroy();
    },
    sendDirectMessage: (userId, reply) => sendDirectMessage(ctx, userId, reply),
    async whenIdle() {
      // Work may start more work (a DM waiting in its user's queue): wait until nothing is left.
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
