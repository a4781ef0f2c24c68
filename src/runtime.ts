/**
 * The one place that assembles the running mentor from configuration: store, logger and core, wired with
 * what the deployment needs (a cross-instance user lock on Redis, `forget` reaching the records front ends
 * register). `npm start`, the CLI and each Discord shard process start from here.
 */
import type { Config } from './config';
import type { Logger } from './core/logger';
import { ForgetHooks } from './core/forgetHooks';
import { createMentor, type Mentor } from './core/mentor';
import type { MentorService } from './core/request';
import { createRephrasingMentor } from './llm/createLlm';
import { createPinoLogger } from './logging/pinoLogger';
import { secretValues } from './logging/redact';
import type { StatePort } from './core/state/statePort';
import { createUserLock } from './core/state/userLock';
import { createState } from './storage/createState';

export interface Runtime {
  store: StatePort;
  logger: Logger;
  /** What front ends talk to: the core, or the core behind LLM rephrasing when LLM_BASE_URL is set. */
  mentor: MentorService;
  core: Mentor;
  /** Front ends add what `forget` must delete about a user when they start. */
  forgetHooks: ForgetHooks;
}

export const createRuntimeLogger = (config: Config): Logger => createPinoLogger({ level: config.LOG_LEVEL, secrets: secretValues(config) });

export function createRuntime(config: Config, logger: Logger = createRuntimeLogger(config)): Runtime {
  const store = createState(config.STORE_URL, { logger });
  const forgetHooks = new ForgetHooks();
  const core = createMentor({ store, logger, lock: createUserLock(store), onForget: (userId) => forgetHooks.run(userId) });
  const mentor = createRephrasingMentor(config, core, core.deps.kb, logger, forgetHooks) ?? core;
  return { store, logger, mentor, core, forgetHooks };
}
