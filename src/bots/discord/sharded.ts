/**
 * `npm run start:discord:sharded`: runs the Discord bot as several shard processes, which Discord requires
 * from 2,500 servers on (one gateway connection may serve at most 2,500). discord.js's ShardingManager
 * spawns src/bots/discord/shard.ts once per shard and restarts a shard process that dies.
 */
import { once } from 'node:events';
import path from 'node:path';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Logger } from '../../core/logger';
import type { FrontEnd } from '../../ops/shutdown';

export interface ShardingOptions {
  token: string;
  /** Same meaning as for the bot; also used to ask Discord for the recommended shard count. */
  apiUrl?: string;
  /** 'auto' asks Discord (GET /gateway/bot). */
  totalShards?: number | 'auto';
  /** Pause between shard starts; Discord allows one IDENTIFY per 5 s per bucket (max_concurrency 1). */
  spawnDelayMs?: number;
  logger: Logger;
}

export const SHARD_FILE = path.join(__dirname, `shard${path.extname(__filename) || '.js'}`);

/**
 * discord.js's own 'auto' always asks discord.com; asking through our REST client honours DISCORD_API_URL.
 */
export async function recommendedShardCount(token: string, apiUrl?: string): Promise<number> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}

export async function startSharding(options: ShardingOptions): Promise<ShardingManager> {
  const totalShards = options.totalShards === undefined || options.totalShards === 'auto'
    ? await recommendedShardCount(options.token, options.apiUrl)
    : options.totalShards;
  const manager = new ShardingManager(SHARD_FILE, {
    token: options.token,
    totalShards,
    respawn: true,
    // Compiled, shards run dist/bots/discord/shard.js with plain node; from sources (tests), through tsx.
    execArgv: SHARD_FILE.endsWith('.ts') ? ['--import', 'tsx'] : [],
  });
  manager.on('shardCreate', (shard) => {
    options.logger.info('discord: shard started', { shard: shard.id, of: totalShards });
    // The shard logged its own crash with the stack before exiting; this records the restart.
    shard.on('death', (child) =>
      manager.respawn
        ? options.logger.warn('discord: shard process exited; restarting it', { shard: shard.id, exitCode: 'exitCode' in child ? child.exitCode : undefined })
        : options.logger.info('discord: shard stopped', { shard: shard.id }),
    );
    shard.on('error', (error) => options.logger.error('discord: shard error', { shard: shard.id, error: error.message }));
  });
  await manager.spawn({ amount: totalShards, delay: options.spawnDelayMs ?? 5500, timeout: 60_000 });
  return manager;
}

/** Stops every shard process (SIGTERM: each closes its gateway connection) and waits for them to exit. */
export async function stopSharding(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  const exits: Promise<unknown>[] = [];
  for (const shard of manager.shards.values()) {
    const child = shard.process;
    if (child && child.exitCode === null && child.signalCode === null) exits.push(once(child, 'exit'));
    shard.kill();
  }
  await Promise.all(exits);
}

/** Ready when every shard's client is ready. */
export const allShardsReady = (manager: ShardingManager): boolean =>
  manager.shards.size > 0 && [...manager.shards.values()].every((shard) => shard.ready);

async function main(): Promise<void> {
  (await import('dotenv')).config({ quiet: true });
  const { ConfigError, loadConfig } = await import('../../config');
  const { createRuntimeLogger } = await import('../../runtime');
  const { Health, startHealthServer, closeServer, portOf } = await import('../../ops/health');
  const { createShutdown } = await import('../../ops/shutdown');
  const { installCrashHandlers } = await import('../../ops/crashHandlers');
  const { createState } = await import('../../storage/createState');
  try {
    const config = loadConfig();
    const logger = createRuntimeLogger(config);
    installCrashHandlers(logger);
    if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is missing: set it in the environment or .env (see docs/discord.md).');
    // The manager opens the store to report whether the shards can reach it, and to post the daily tips.
    const store = createState(config.STORE_URL, { logger });
    const health = new Health(store);
    const healthServer = await startHealthServer(health, config.HEALTH_PORT ?? config.PORT);
    logger.info('health endpoints listening', { port: portOf(healthServer), paths: ['/healthz', '/readyz'] });
    const manager = await startSharding({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, logger });
    health.addPlatform('discord', () => allShardsReady(manager));
    const frontEnds: FrontEnd[] = [{ name: 'discord shards', stopIntake: () => undefined, stop: () => stopSharding(manager) }];
    // Daily tips go out from this process, over REST only (no gateway needed), so shards stay the same.
    if (config.TIPS_ENABLED) {
      const { createTipScheduler, tipSchedulerOptions } = await import('../../scheduling/createTipScheduler');
      const { createTipsRunner } = await import('../../core/tips/tipsRunner');
      const { DiscordTipSender } = await import('./tipSender');
      const scheduler = createTipScheduler({
        options: tipSchedulerOptions(config),
        store,
        runner: createTipsRunner({ store, logger, deliveryLockTtlMs: config.TIPS_DELIVERY_LOCK_MS }),
        senders: new Map([['discord', new DiscordTipSender({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, logger })]]),
        logger,
      });
      frontEnds.push({ name: 'tips', stopIntake: () => scheduler.stopIntake(), stop: () => scheduler.stop() });
      await scheduler.start();
    }
    const shutdown = createShutdown({
      logger,
      health,
      frontEnds,
      closeResources: async () => {
        await Promise.all([store.disconnect(), closeServer(healthServer)]);
      },
    });
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `Sharded start failed: ${(error as Error).message}`}\n`);
    process.exit(1);
  }
}

if (require.main === module) void main();
