/**
 * The one place that assembles the running mentor from configuration: store, logger and core, wired with
 * what the deployment needs (a cross-instance user lock on Redis, forget reaching adapters' records).
 * `npm start` and each Discord shard process both start from here.
 */
import type Keyv from 'keyv';
import type { Config } from './config';
import { createLogger, type Logger } from './core/logger';
import { createMentor, type Mentor } from './core/mentor';
import { clearUndeliverable } from './bots/discord/undeliverable';
import { createStore } from './storage/createStore';
import { createUserLock } from './storage/userLock';

export interface Runtime {
  store: Keyv;
  logger: Logger;
  mentor: Mentor;
}

export function createRuntime(config: Config): Runtime {
  const logger = createLogger(config.LOG_LEVEL);
  const store = createStore(config.STORE_URL, logger);
  const mentor = createMentor({
    store,
    logger,
    lock: createUserLock(store),
    // Discord remembers users who refused DMs; `forget` must delete that mark too.
    onForget: (userId) => clearUndeliverable(store, userId),
  });
  return { store, logger, mentor };
}
