/**
 * `npm start`: reads the configuration, opens the store, builds the mentor and starts every configured
 * front end. With no platform tokens it opens the console mentor, like Hubot's shell adapter.
 */
import 'dotenv/config';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './core/logger';
import { createMentor } from './core/mentor';
import { createStore } from './storage/createStore';
import { runConsole } from './bots/console/repl';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = createStore(config.STORE_URL, logger);
  const mentor = createMentor({ store, logger });
  const stops: (() => Promise<void>)[] = [];

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
