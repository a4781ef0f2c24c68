/**
 * The entry file each shard process runs (spawned by sharded.ts through discord.js's ShardingManager).
 * It builds its own config, store and mentor: processes share state only through the store, so sharded
 * installs should use Redis (or SQLite, which waits on locks thanks to busyTimeout).
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from '../../config';
import { createRuntime } from '../../runtime';
import { createDiscordBot } from './bot';

async function main(): Promise<void> {
  const config = loadConfig();
  // The manager passes the token in the environment; SHARDS/SHARD_COUNT are read by discord.js itself.
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is missing');
  const { store, logger, mentor } = createRuntime(config);
  const bot = createDiscordBot({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, mentor, store, logger });
  const shutdown = async () => {
    await bot.stop().catch((error: unknown) => logger.error('discord shard: stop failed', { error: String(error) }));
    await store.disconnect().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  await bot.start();
  logger.info('discord shard ready', { shards: process.env.SHARDS, of: process.env.SHARD_COUNT });
}

main().catch((error: unknown) => {
  process.stderr.write(`Discord shard failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
