/**
 * The one place that assembles the running mentor from configuration: state, logger and core, wired with
 * what the deployment needs (a cross-instance user lock on a shared store, forget reaching adapters' records).
 * `npm start` and each Discord shard process both start from here.
 */
import type { Config } from './config';
import { createLogger, type Logger } from './core/logger';
import { createMentor, type Mentor } from './core/mentor';
import type { StatePort } from './core/state/statePort';
import { createUserLock } from './core/state/userLock';
import { clearUndeliverable } from './bots/discord/undeliverable';
import { createState } from './storage/createState';

export interface Runtime {
  store: StatePort;
  logger: Logger;
  mentor: Mentor;
}

export function createRuntime(config: Config): Runtime {
  const logger = createLogger(config.LOG_LEVEL);
  const store = createState(config.STORE_URL, { logger });
  const mentor = createMentor({
    store,
    logger,
    lock: createUserLock(store),
    // Discord remembers users who refused DMs; `forget` must delete that mark too.
    onForget: (userId) => clearUndeliverable(store, userId),
  });
  return { store, logger, mentor };
}
