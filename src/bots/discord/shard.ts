/**
 * The entry file each shard process runs (spawned by sharded.ts through discord.js's ShardingManager).
 * It builds its own config, store and mentor: processes share state only through the store, so sharded
 * installs should use Redis (or SQLite, which waits on locks thanks to busyTimeout). A crash is logged with
 * its stack and the manager starts the shard again; readiness is served by the manager.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from '../../config';
import { installCrashHandlers } from '../../ops/crashHandlers';
import { createShutdown } from '../../ops/shutdown';
import { createRuntime, createRuntimeLogger } from '../../runtime';
import { createDiscordBot } from './bot';

async function main(): Promise<void> {
  const config = loadConfig();
  // The manager passes the token in the environment; SHARDS/SHARD_COUNT are read by discord.js itself.
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is missing');
  const logger = createRuntimeLogger(config).child?.({ shard: process.env.SHARDS }) ?? createRuntimeLogger(config);
  installCrashHandlers(logger);
  const { store, mentor, forgetHooks } = createRuntime(config, logger);
  const bot = createDiscordBot({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, mentor, store, logger, forgetHooks });
  const shutdown = createShutdown({
    logger,
    frontEnds: [{ name: 'discord', stopIntake: () => bot.stopIntake(), stop: () => bot.stop() }],
    closeResources: () => store.disconnect(),
  });
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await bot.start();
  logger.info('discord shard ready', { shards: process.env.SHARDS, of: process.env.SHARD_COUNT });
}

main().catch((error: unknown) => {
  process.stderr.write(`Discord shard failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
