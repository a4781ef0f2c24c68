/**
 * The Slack app as it runs in production (real Bolt, HTTP mode, real mentor core, keyv store) on 127.0.0.1,
 * talking to the SlackFake. Each test starts its own and closes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StatePort } from '../../src/core/state/statePort';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/core/logger';
import { createMentor, type Mentor } from '../../src/core/mentor';
import { createUserLock } from '../../src/core/state/userLock';
import type { MentorService } from '../../src/core/request';
import { createState } from '../../src/storage/createState';
import { Health } from '../../src/ops/health';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/load';
import { createSlackApp, type SlackApp } from '../../src/bots/slack/app';
import { SlackFake } from './slackFake';
import { blockActionsBody, commandBody, dmEvent, eventBody, postSigned, SIGNING_SECRET, uniqueId, type ClickFields, type PostOptions, type PostResult } from './slackRequests';

export interface HarnessOptions {
  /** Wrap the real mentor (to make it slow, for instance). */
  wrapMentor?: (mentor: Mentor) => MentorService;
  /** Use a temporary SQLite file instead of the memory store. */
  sqlite?: boolean;
  /** A store URL of its own (a private Redis), opened with the harness's logger. */
  storeUrl?: string;
  /** Share another harness's store, as a second instance behind the same Redis/SQLite would. */
  storeFrom?: SlackHarness;
  /** Change the real knowledge base before the mentor uses it (huge or hostile texts). */
  editKnowledge?: (kb: KnowledgeBase) => void;
  /** The app's ack deadline for slash commands (default: the app's own, 2 s). Gated tests shorten it. */
  ackDeadlineMs?: number;
}

export interface LogLine {
  level: string;
  message: string;
  [key: string]: unknown;
}

export class SlackHarness {
  private constructor(
    readonly fake: SlackFake,
    readonly slack: SlackApp,
    readonly store: StatePort,
    readonly mentor: Mentor,
    readonly eventsUrl: string,
    readonly logs: LogLine[],
    readonly tempDir?: string,
    private readonly borrowedStore = false,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<SlackHarness> {
    const fake = await SlackFake.start();
    try {
      return await SlackHarness.startWith(fake, options);
    } catch (error) {
      // A half-started harness must not leave a server open (jest would never exit).
      await fake.close();
      throw error;
    }
  }

  private static async startWith(fake: SlackFake, options: HarnessOptions): Promise<SlackHarness> {
    let knowledge: KnowledgeBase | undefined;
    if (options.editKnowledge) {
      knowledge = loadKnowledgeBase();
      options.editKnowledge(knowledge);
    }
    const borrowed = options.storeFrom?.store;
    const tempDir = options.sqlite && !borrowed ? mkdtempSync(path.join(tmpdir(), 'mentor-slack-')) : undefined;
    const storeUrl = options.storeUrl ?? (tempDir ? `sqlite://${path.join(tempDir, 'mentor.sqlite')}` : 'memory');
    const logs: LogLine[] = [];
    const logger = createLogger('debug', (line) => logs.push(JSON.parse(line) as LogLine));
    const store = borrowed ?? createState(storeUrl, { logger });
    try {
      const mentor = createMentor({ store, logger, knowledge, lock: createUserLock(store) });
      const config = loadConfig({
        STORE_URL: storeUrl,
        LOG_LEVEL: 'debug',
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      });
      const slack = createSlackApp({ config, mentor: options.wrapMentor ? options.wrapMentor(mentor) : mentor, store, logger, ackDeadlineMs: options.ackDeadlineMs, health: new Health(store) });
      const server = await slack.start(0, '127.0.0.1');
      if (!server) throw new Error('expected an HTTP server');
      const { port } = server.address() as AddressInfo;
      return new SlackHarness(fake, slack, store, mentor, `http://127.0.0.1:${port}/slack/events`, logs, tempDir, borrowed !== undefined);
    } catch (error) {
      if (!borrowed) await store.disconnect();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
  }

  private closed = false;

  /** Idempotent, so a test may close and restart its harness and afterEach still closes safely. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.slack.stop();
    await this.fake.close();
    if (!this.borrowedStore) await this.store.disconnect();
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }

  /** Log lines at error level: a passing test expects none unless it provoked them. */
  errors(): LogLine[] {
    return this.logs.filter((l) => l.level === 'error');
  }

  /** `/mentor <text>`; returns the HTTP answer (the ack) and the response_url id for later posts. */
  async command(text: string, fields: { userId?: string; channelId?: string } = {}, options: PostOptions = {}): Promise<PostResult & { responseId: string; ack: Record<string, unknown> | undefined }> {
    const responseId = uniqueId('resp');
    const { body, contentType } = commandBody({ text, responseUrl: this.fake.responseUrl(responseId), ...fields });
    const result = await postSigned(this.eventsUrl, body, contentType, options);
    let ack: Record<string, unknown> | undefined;
    try {
      ack = result.text ? (JSON.parse(result.text) as Record<string, unknown>) : undefined;
    } catch {
      ack = undefined;
    }
    return { ...result, responseId, ack };
  }

  /** Sends an Events API callback and waits until the app has fully handled it. */
  async event(event: Record<string, unknown>, eventId?: string, options: PostOptions = {}): Promise<PostResult & { eventId: string }> {
    const built = eventBody(event, eventId);
    const result = await postSigned(this.eventsUrl, built.body, built.contentType, options);
    await this.slack.whenIdle();
    return { ...result, eventId: built.eventId };
  }

  dm(text: string, userId = 'U1'): Promise<PostResult & { eventId: string }> {
    return this.event(dmEvent(text, userId));
  }

  openHome(userId = 'U1', tab: 'home' | 'messages' = 'home'): Promise<PostResult & { eventId: string }> {
    return this.event({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab, event_ts: `${Date.now() / 1000}` });
  }

  /** Presses a button and waits until the app has fully handled it. */
  async click(fields: ClickFields): Promise<PostResult> {
    const { body, contentType } = blockActionsBody(fields);
    const result = await postSigned(this.eventsUrl, body, contentType);
    await this.slack.whenIdle();
    return result;
  }
}
