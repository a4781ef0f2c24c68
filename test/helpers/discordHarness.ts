/**
 * One end-to-end setup for the Discord tests: the fake Discord, a real store, the real core (optionally
 * wrapped), and the real bot logged in through discord.js. Log lines are captured so tests can assert on
 * them, and `assertNothingCanPing` checks every message payload the bot ever sent.
 */
import { performance } from 'node:perf_hooks';
import type { StatePort } from '../../src/core/state/statePort';
import { createDiscordBot, type DiscordBot } from '../../src/bots/discord/bot';
import { createLogger } from '../../src/core/logger';
import { createMentor } from '../../src/core/mentor';
import type { MentorService } from '../../src/core/request';
import { createState } from '../../src/storage/createState';
import { FakeDiscord, type RecordedCall } from './discordFake';

export interface LogLine {
  level: string;
  message: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  store: StatePort;
  mentor: MentorService;
  logs: LogLine[];
  /** Dispatches an INTERACTION_CREATE and resolves with its callback as the fake recorded it. */
  interact(payload: { id: string; token: string; [field: string]: unknown }): Promise<{ callback: RecordedCall; sentAt: number }>;
  /** Every REST call made for one interaction token (callback, webhook edits and follow-ups). */
  callsFor(token: string): RecordedCall[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Wraps the real core, e.g. to make it slow or to enlarge its answers. */
  wrapMentor?: (real: MentorService) => MentorService;
  deferAfterMs?: number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const store = createState('memory');
  const logs: LogLine[] = [];
  const logger = createLogger('debug', (line) => logs.push(JSON.parse(line) as LogLine));
  const real = createMentor({ store, logger, now: () => new Date('2026-01-15T10:00:00Z') });
  const mentor = options.wrapMentor ? options.wrapMentor(real) : real;
  const bot = createDiscordBot({ token: 'fake-token', apiUrl: fake.apiUrl, mentor, store, logger, deferAfterMs: options.deferAfterMs });
  await bot.start();
  const callsFor = (token: string) => fake.calls.filter((c) => c.path.includes(`/${token}`));
  return {
    fake,
    bot,
    store,
    mentor,
    logs,
    async interact(payload) {
      const sentAt = performance.now();
      fake.dispatch('INTERACTION_CREATE', payload);
      const callback = await fake.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback` && c.status < 300);
      return { callback, sentAt };
    },
    callsFor,
    async stop() {
      await bot.stop();
      await fake.close();
      await store.disconnect();
    },
  };
}

/** The message a REST call carried, whatever the route: callback `data`, webhook or channel message body. */
export function messageBody(call: RecordedCall): Record<string, unknown> | undefined {
  const body = call.path.endsWith('/callback') ? call.body?.data : call.body;
  if (!body || typeof body !== 'object') return undefined;
  const carriesMessage = 'content' in body || 'embeds' in body || 'components' in body;
  return carriesMessage ? (body as Record<string, unknown>) : undefined;
}

/** Every message-bearing payload must suppress all mentions; returns the offending calls (expected: none). */
export function payloadsThatCouldPing(calls: RecordedCall[]): { path: string; allowed_mentions: unknown }[] {
  return calls
    .map((call) => ({ call, body: messageBody(call) }))
    .filter(({ body }) => body !== undefined)
    .filter(({ body }) => {
      const mentions = body!.allowed_mentions as { parse?: unknown[]; users?: unknown[]; roles?: unknown[] } | undefined;
      return !mentions || !Array.isArray(mentions.parse) || mentions.parse.length > 0 || Boolean(mentions.users?.length || mentions.roles?.length);
    })
    .map(({ call, body }) => ({ path: call.path, allowed_mentions: body!.allowed_mentions }));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const EPHEMERAL = 64;
