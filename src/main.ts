/**
 * `npm start` / `node dist/main.js`: reads the configuration, opens the store, builds the mentor and starts
 * every configured front end, with /healthz and /readyz, crash logging and one orderly shutdown on SIGTERM
 * or SIGINT. With no platform tokens it opens the console mentor, like Hubot's shell adapter.
 */
import 'dotenv/config';
import type { Server } from 'node:http';
import { ConfigError, discordConfigured, loadConfig, slackConfigured, type Config } from './config';
import { runConsole } from './bots/console/repl';
import { ConsoleTipSender } from './bots/console/tipSender';
import { installCrashHandlers } from './ops/crashHandlers';
import { closeServer, Health, portOf, startHealthServer } from './ops/health';
import { createShutdown, type FrontEnd } from './ops/shutdown';
import type { Platform, TipSender } from './core/tips/model';
import type { Logger } from './core/logger';
import { createRuntime, createRuntimeLogger } from './runtime';

async function main(config: Config): Promise<void> {
  const logger = createRuntimeLogger(config);
  installCrashHandlers(logger);
  const { store, mentor, core, forgetHooks } = createRuntime(config, logger);
  const health = new Health(store);
  const frontEnds: FrontEnd[] = [];
  /** How each configured platform posts daily tips (on clients of their own, apart from interactive replies). */
  const tipSenders = new Map<Platform, TipSender>();
  let healthServer: Server | undefined;

  const shutdown = createShutdown({
    logger,
    health,
    frontEnds,
    closeResources: async () => {
      await Promise.all([store.disconnect(), healthServer ? closeServer(healthServer) : undefined]);
    },
  });
  // Registered before anything starts: a signal during start-up still shuts down in order.
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  // Adapters are loaded only when configured, so the console starts without Bolt or discord.js.
  let slackServesHttp = false;
  if (slackConfigured(config)) {
    const { createSlackApp } = await import('./bots/slack/app');
    const slack = createSlackApp({ config, mentor, store, logger, health });
    frontEnds.push({ name: 'slack', stopIntake: () => slack.stopIntake(), stop: () => slack.stop() });
    await slack.start(config.PORT);
    slackServesHttp = !config.SLACK_APP_TOKEN;
    logger.info('slack started', { mode: slackServesHttp ? 'http' : 'socket', port: config.PORT });
    const { createSlackTipSender } = await import('./bots/slack/tipSender');
    tipSenders.set('slack', createSlackTipSender({ token: config.SLACK_BOT_TOKEN!, apiUrl: config.SLACK_API_URL, logger, logLevel: config.LOG_LEVEL }));
  }
  if (discordConfigured(config)) {
    const { createDiscordBot } = await import('./bots/discord/bot');
    const discord = createDiscordBot({ token: config.DISCORD_TOKEN!, apiUrl: config.DISCORD_API_URL, mentor, store, logger, health, forgetHooks });
    frontEnds.push({ name: 'discord', stopIntake: () => discord.stopIntake(), stop: () => discord.stop() });
    await discord.start();
    logger.info('discord started');
    const { DiscordTipSender } = await import('./bots/discord/tipSender');
    tipSenders.set('discord', new DiscordTipSender({ token: config.DISCORD_TOKEN!, apiUrl: config.DISCORD_API_URL, logger }));
  }
  const platformsStarted = frontEnds.length;
  const consoleWanted = config.CONSOLE === 'true' || (config.CONSOLE === 'auto' && platformsStarted === 0);
  // The console's own tips print between answers while it is open.
  const consoleTips = consoleWanted ? new ConsoleTipSender() : undefined;
  if (consoleTips) tipSenders.set('console', consoleTips);

  // Slack's HTTP server answers /healthz and /readyz itself; every other mode gets a small server of its own.
  const healthPort = config.HEALTH_PORT ?? (platformsStarted > 0 ? config.PORT : undefined);
  if (!slackServesHttp && healthPort !== undefined) {
    healthServer = await startHealthServer(health, healthPort);
    logger.info('health endpoints listening', { port: portOf(healthServer), paths: ['/healthz', '/readyz'] });
  }

  // Daily tips: BullMQ with Redis (several instances), croner in-process otherwise; loaded only when posting.
  // A front end in the shutdown's eyes: intake stops (no tick, no new post), posts under way finish.
  if (config.TIPS_ENABLED && tipSenders.size > 0) {
    const { createTipScheduler, tipSchedulerOptions } = await import('./scheduling/createTipScheduler');
    const { createTipsRunner } = await import('./core/tips/tipsRunner');
    // With only the console, the terminal is the person's conversation: the scheduler's routine lines
    // (started, each tick) would land in it, so only its warnings and errors are logged there.
    const tipsLogger = platformsStarted === 0 ? warningsOnly(logger) : logger;
    const scheduler = createTipScheduler({
      options: tipSchedulerOptions(config),
      store,
      runner: createTipsRunner({ store, knowledge: core.deps.kb, logger: tipsLogger, deliveryLockTtlMs: config.TIPS_DELIVERY_LOCK_MS }),
      senders: tipSenders,
      logger: tipsLogger,
    });
    frontEnds.push({ name: 'tips', stopIntake: () => scheduler.stopIntake(), stop: () => scheduler.stop() });
    await scheduler.start();
  }
  if (platformsStarted > 0) logger.info('ready', { frontEnds: frontEnds.map((f) => f.name) });

  if (consoleWanted) {
    await runConsole({ mentor, userId: 'local', input: process.stdin, output: process.stdout, tips: consoleTips });
    await shutdown('console closed');
  }
}

const warningsOnly = (logger: Logger): Logger => ({ debug: () => undefined, info: () => undefined, warn: logger.warn.bind(logger), error: logger.error.bind(logger) });

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Start-up failed: ${(error as Error).message}`}\n`);
  process.exit(1);
}
main(config).catch((error: unknown) => {
  // The crash handlers are installed by now; this path logs a start-up failure (bad token, port in use).
  process.stderr.write(`Start-up failed: ${(error as Error).message}\n`);
  createRuntimeLogger(config).error('start-up failed', { error });
  process.exit(1);
});
