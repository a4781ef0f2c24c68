/** What every Discord handler needs; built once by createDiscordBot. */
import type { Client } from 'discord.js';
import type Keyv from 'keyv';
import type { Logger } from '../../core/logger';
import type { MentorService } from '../../core/request';
import type { KeyedQueue } from './keyedQueue';

export interface BotContext {
  client: Client;
  mentor: MentorService;
  store: Keyv;
  logger: Logger;
  /** How long the core may take before an interaction is deferred (Discord invalidates it at 3 s). */
  deferAfterMs: number;
  /** One DM at a time per user, so replies go out in the order the user wrote. */
  dmQueue: KeyedQueue;
}

/** The default leaves about 1 s of the 3 s budget for the defer call itself to reach Discord. */
export const DEFAULT_DEFER_AFTER_MS = 2000;
