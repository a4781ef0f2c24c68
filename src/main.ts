/**
 * `npm start`: reads the configuration, opens the store, builds the mentor and starts every configured
 * front end. With no platform tokens it opens the console mentor, like Hubot's shell adapter.
 */
import 'dotenv/config';
import { ConfigError, discordConfigured, loadConfig, slackConfigured } from './config';
import { runConsole } from './bots/console/repl';
import { createRuntime } from './runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  const { store, logger, mentor } = createRuntime(config);
  const stops: (() => Promise<void>)[] = [];

  // Adapters are loaded only when configured, so the console starts without Bolt or discord.js.
  if (slackConfigured(config)) {
    const { createSlackApp } = await import('./bots/slack/app');
    const slack = createSlackApp({ config, mentor, store, logger });
    await slack.start(config.PORT);
    stops.push(() => slack.stop());
    logger.info('slack started', { mode: config.SLACK_APP_TOKEN ? 'socket' : 'http', port: config.PORT });
  }
  if (discordConfigured(config)) {
    const { createDiscordBot } = await import('./bots/discord/bot');
    const discord = createDiscordBot({ token: config.DISCORD_TOKEN!, apiUrl: config.DISCORD_API_URL, mentor, store, logger });
    await discord.start();
    stops.push(() => discord.stop());
    logger.info('discord started');
  }

  const consoleWanted = config.CONSOLE === 'true' || (config.CONSOLE === 'auto' && stops.length === 0);
  const shutdown = async (code = 0) => {
    for (const stop of stops) await stop().catch((error: unknown) => logger.error('stop failed', { error }));
    await store.disconnect().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  if (consoleWanted) {
    await runConsole({ mentor, userId: 'local', input: process.stdin, output: process.stdout });
    await shutdown();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Start-up failed: ${(error as Error).message}`}\n`);
  process.exit(1);
});
