/** What every Discord handler needs; built once by createDiscordBot. */
import type { Client } from 'discord.js';
import type { StatePort } from '../../core/state/statePort';
import type { Logger } from '../../core/logger';
import type { MentorService } from '../../core/request';
import type { FirstTime } from '../common/dedupe';
import type { KeyedQueue } from '../../core/queue/keyedQueue';

export interface BotContext {
  client: Client;
  mentor: MentorService;
  store: StatePort;
  logger: Logger;
  /**
   * How long after Discord created an interaction it is deferred if the core has not answered yet
   * (Discord invalidates it at 3 s).
   */
  deferAfterMs: number;
  /** One DM at a time per user, so replies go out in the order the user wrote. */
  dmQueue: KeyedQueue;
  /**
   * True the first time a delivery id (interaction or message) is seen, across every process sharing the
   * store: Discord sends each event to every session on the token, so two processes would both apply it.
   */
  firstTime: FirstTime;
}

/** The default leaves about 1 s of the 3 s budget for the defer call itself to reach Discord. */
export const DEFAULT_DEFER_AFTER_MS = 2000;

/**
 * An interaction older than this is skipped: an acknowledgement sent now would arrive after Discord's 3 s
 * and fail with 10062, so calling the core would apply a change the user never sees confirmed.
 */
export const MAX_INTERACTION_AGE_MS = 2800;

/** Bound on store calls made around a DM (the undeliverable mark); the answer never waits on them. */
export const STORE_TIMEOUT_MS = 500;
