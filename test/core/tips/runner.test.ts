import { createLogger, type Logger } from '../../../src/core/logger';
import { createMentor, type Mentor } from '../../../src/core/mentor';
import { newProfile, setTopicStatus } from '../../../src/core/profile/profile';
import { profileKey } from '../../../src/core/profile/profileStore';
import type { Reply } from '../../../src/core/reply';
import type { Place } from '../../../src/core/request';
import type { StatePort } from '../../../src/core/state/statePort';
import { PAUSED_INDEFINITELY, type Platform, type SendOutcome, type Subscription, type TipSender } from '../../../src/core/tips/model';
import { damagedSentKey, damagedSubscriptionKey, sentKey, subscriptionKey, TIPS_INDEX_KEY } from '../../../src/core/tips/subscriptionStore';
import { createTipsRunner, type CoreTipsRunner } from '../../../src/core/tips/tipsRunner';
import { loadKnowledgeBase } from '../../../src/knowledge/load';
import { createState } from '../../../src/storage/createState';
import { tempSqlite } from '../../helpers/tempStore';

/** The platform side of a post, recorded: what was sent where, answering with the outcome a test sets. */
class RecordingSender implements TipSender {
  readonly posts: { subscription: Subscription; reply: Reply }[] = [];
  outcome: SendOutcome = { kind: 'sent' };
  /** Runs while the post is "on its way" (a 429 waited out): what people do meanwhile. */
  during?: () => Promise<unknown>;
  constructor(readonly platform: Platform) {}
  async send(subscription: Subscription, reply: Reply): Promise<SendOutcome> {
    this.posts.push({ subscription, reply });
    await this.during?.();
    return this.outcome;
  }
}

const kb = loadKnowledgeBase();
const SLACK_CHANNEL: Place = { platform: 'slack', channelId: 'C1', direct: false };
const SLACK_DM: Place = { platform: 'slack', channelId: 'D1', direct: true };
// Tuesday 2027-06-01, 12:00 UTC.
const T0 = new Date('2027-06-01T12:00:00.000Z');
const dayAt = (day: number, time: string) => new Date(Date.parse(`2027-06-01T${time}:00.000Z`) + day * 86_400_000);
const buttonsOf = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));

describe('the tips runner', () => {
  let store: StatePort;
  let mentor: Mentor;
  let runner: CoreTipsRunner;
  let clock: Date;
  let logs: string[];
  let slack: RecordingSender;
  let senders: Map<Platform, TipSender>;
  const tips = (userId: string, text: string, place: Place) => mentor.handle({ kind: 'command', userId, command: 'tips', text, place });

  /** One scheduler tick: what is due now, each delivered. */
  async function tick(now: Date) {
    clock = now;
    const { due, skipped } = await runner.runDue(now);
    const results = [];
    for (const d of due) results.push(await runner.deliver(d, senders, now));
    return { due, skipped, results };
  }

  beforeEach(() => {
    store = createState('memory');
    clock = T0;
    logs = [];
    const logger: Logger = createLogger('debug', (line) => logs.push(line));
    mentor = createMentor({ store, now: () => clock, knowledge: kb });
    runner = createTipsRunner({ store, knowledge: kb, logger });
    slack = new RecordingSender('slack');
    senders = new Map([['slack', slack]]);
  });
  afterEach(() => store.disconnect());

  it('posts a channel tip once per day, with its topic, section and two buttons', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    expect((await tick(dayAt(0, '12:30'))).due).toEqual([]);
    const first = await tick(dayAt(1, '09:01'));
    expect(first.results).toEqual(['sent']);
    // Delivering the same slot again (a retry, a second instance) sends nothing.
    expect(await runner.deliver(first.due[0]!, senders, dayAt(1, '09:02'))).toBe('already-sent');
    expect((await tick(dayAt(1, '09:05'))).due).toEqual([]);
    expect(slack.posts).toHaveLength(1);
    const { reply, subscription } = slack.posts[0]!;
    expect(subscription.target).toBe('C1');
    expect(reply.visibility).toBe('public');
    expect(reply.blocks[0]).toEqual({ type: 'heading', text: expect.stringMatching(/^Daily tip: /) });
    expect(reply.blocks).toContainEqual({ type: 'source', text: expect.stringContaining('section') });
    expect(buttonsOf(reply).map((b) => b.actionId)).toEqual(['tip', 'next']);
    expect(await store.get(sentKey('slack:channel:C1'))).toMatchObject({ lastLocalDate: '2027-06-02', lastOutcome: 'sent', posted: 1 });
    // The next day, the next tip of the channel's order.
    await tick(dayAt(2, '09:00'));
    expect(slack.posts[1]!.reply.text).not.toBe(slack.posts[0]!.reply.text);
  });

  it('skips a slot missed by more than the catch-up window and logs it once', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    const late = await tick(dayAt(1, '12:01'));
    expect(late.due).toEqual([]);
    expect(late.skipped).toHaveLength(1);
    expect((await tick(dayAt(1, '12:02'))).skipped).toEqual([]);
    expect(logs.filter((l) => l.includes('daily tip skipped'))).toHaveLength(1);
    expect(slack.posts).toEqual([]);
    expect((await tick(dayAt(2, '09:00'))).results).toEqual(['sent']);
  });

  it('does not post a delivery that runs after the catch-up window; it records and logs the slot as skipped', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    const { due } = await runner.runDue(dayAt(1, '09:00'));
    expect(due).toHaveLength(1);
    // The job runs five hours late (a backlog, a long outage).
    expect(await runner.deliver(due[0]!, senders, dayAt(1, '14:00'))).toBe('not-due');
    expect(slack.posts).toEqual([]);
    expect(await store.get(sentKey('slack:channel:C1'))).toMatchObject({ lastLocalDate: '2027-06-02', lastOutcome: 'skipped' });
    expect(logs.filter((l) => l.includes('daily tip skipped'))).toHaveLength(1);
  });

  it('does not post a queued slot after the time changed, and still posts the new one that day', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    const { due } = await runner.runDue(dayAt(1, '09:00'));
    clock = dayAt(1, '09:10');
    await tips('U1', 'on 18:00 UTC', SLACK_CHANNEL);
    // The 09:00 job, retried after the change.
    expect(await runner.deliver(due[0]!, senders, dayAt(1, '09:15'))).toBe('not-due');
    expect(slack.posts).toEqual([]);
    expect((await tick(dayAt(1, '18:00'))).results).toEqual(['sent']);
  });

  it('turns a gone channel off, with a log line saying why', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    slack.outcome = { kind: 'gone', reason: 'channel_not_found' };
    expect((await tick(dayAt(1, '09:00'))).results).toEqual(['gone']);
    expect(await store.get(subscriptionKey('slack:channel:C1'))).toBeUndefined();
    expect(await store.get(TIPS_INDEX_KEY)).toEqual({ schemaVersion: 1, ids: [] });
    expect(logs.some((l) => l.includes('daily tips turned off') && l.includes('channel_not_found'))).toBe(true);
    expect((await tick(dayAt(2, '09:00'))).due).toEqual([]);
  });

  it('pauses a person whose DMs are closed, until they resume', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_DM);
    slack.outcome = { kind: 'dm-closed', reason: '50007' };
    const closed = await tick(dayAt(1, '09:00'));
    expect(closed.results).toEqual(['dm-closed']);
    expect(await store.get(subscriptionKey('slack:person:U1'))).toMatchObject({ pausedUntil: PAUSED_INDEFINITELY, pauseReason: 'dm-closed' });
    expect(await runner.deliver(closed.due[0]!, senders, dayAt(1, '09:01'))).toBe('paused');
    expect((await tick(dayAt(2, '09:00'))).due).toEqual([]);
    clock = dayAt(2, '10:00');
    expect((await tips('U1', 'status', SLACK_DM)).text).toContain('your DMs are closed');
    await tips('U1', 'resume', SLACK_DM);
    slack.outcome = { kind: 'sent' };
    expect((await tick(dayAt(3, '09:00'))).results).toEqual(['sent']);
  });

  it('does not bring back a subscription turned off or changed while its tip was being sent', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_DM);
    slack.outcome = { kind: 'dm-closed', reason: '50007' };
    slack.during = () => tips('U1', 'off', SLACK_DM);
    expect((await tick(dayAt(1, '09:00'))).results).toEqual(['dm-closed']);
    expect(await store.get(subscriptionKey('slack:person:U1'))).toBeUndefined();
    expect(await store.get(TIPS_INDEX_KEY)).toEqual({ schemaVersion: 1, ids: [] });

    // Changed meanwhile: the pause goes on the changed subscription, not over it.
    await tips('U1', 'on 09:00 UTC', SLACK_DM);
    slack.during = () => tips('U1', 'on 18:00 UTC', SLACK_DM);
    expect((await tick(dayAt(2, '09:00'))).results).toEqual(['dm-closed']);
    expect(await store.get(subscriptionKey('slack:person:U1'))).toMatchObject({ time: '18:00', pausedUntil: PAUSED_INDEFINITELY, pauseReason: 'dm-closed' });
  });

  it('writes no sent record for a subscription turned off or forgotten while its tip was being sent', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    slack.during = () => tips('U1', 'off', SLACK_CHANNEL);
    expect((await tick(dayAt(1, '09:00'))).results).toEqual(['sent']);
    expect(await store.get(sentKey('slack:channel:C1'))).toBeUndefined();
    expect(logs.some((l) => l.includes('subscription was removed while it was being sent'))).toBe(true);

    await tips('U1', 'on 09:00 UTC', SLACK_DM);
    slack.during = () => mentor.handle({ kind: 'command', userId: 'U1', command: 'forget', text: 'confirm' });
    expect((await tick(dayAt(2, '09:00'))).results).toEqual(['sent']);
    expect(await store.get(sentKey('slack:person:U1'))).toBeUndefined();
    expect(await store.get(subscriptionKey('slack:person:U1'))).toBeUndefined();
  });

  it('forget does not turn back on a channel whose tips were turned off while it ran', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    await tips('U1', 'on 09:00 UTC', { platform: 'slack', channelId: 'C2', direct: false });
    // Someone turns C1's tips off just after forget has read the channel subscriptions.
    let hook: (() => Promise<unknown>) | undefined = () => tips('U2', 'off', SLACK_CHANNEL);
    const racing = new Proxy(store, {
      get(target, prop) {
        if (prop === 'getMany')
          return async (keys: string[]) => {
            const values = await target.getMany(keys);
            const run = hook;
            hook = undefined;
            await run?.();
            return values;
          };
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    await createMentor({ store: racing, now: () => clock, knowledge: kb }).handle({ kind: 'command', userId: 'U1', command: 'forget', text: 'confirm' });
    expect(hook).toBeUndefined();
    expect(await store.get(subscriptionKey('slack:channel:C1'))).toBeUndefined();
    expect(await store.get(subscriptionKey('slack:channel:C2'))).toMatchObject({ userId: 'forgotten' });
    expect(await store.get(TIPS_INDEX_KEY)).toEqual({ schemaVersion: 1, ids: ['slack:channel:C2'] });
  });

  it('forget deletes a personal sent record even when no subscription is left', async () => {
    await store.set(sentKey('discord:person:U1'), { schemaVersion: 1, subscriptionId: 'discord:person:U1', lastLocalDate: '2027-06-01', lastOutcome: 'sent', posted: 1, ignoredInARow: 0, askedToKeep: false, recentTips: ['x'] });
    await store.set(damagedSentKey('slack:person:U1'), { damaged: true });
    await mentor.handle({ kind: 'command', userId: 'U1', command: 'forget', text: 'confirm' });
    expect(await store.get(sentKey('discord:person:U1'))).toBeUndefined();
    expect(await store.get(damagedSentKey('slack:person:U1'))).toBeUndefined();
  });

  it('a move to a timezone a day behind does not pass over the first slots there', async () => {
    await tips('U1', 'on 09:00 Asia/Tokyo', SLACK_DM);
    // Thursday 3 June, 09:00 in Tokyo.
    expect((await tick(new Date('2027-06-03T00:00:00.000Z'))).results).toEqual(['sent']);
    // An hour later it is still Wednesday 2 June, 18:00 in Los Angeles.
    clock = new Date('2027-06-03T01:00:00.000Z');
    await tips('U1', 'on 19:00 America/Los_Angeles', SLACK_DM);
    expect(await store.get(sentKey('slack:person:U1'))).toMatchObject({ lastLocalDate: '2027-06-01' });
    expect((await tick(new Date('2027-06-03T02:00:00.000Z'))).results).toEqual(['sent']);
    expect((await tick(new Date('2027-06-04T02:00:00.000Z'))).results).toEqual(['sent']);
    expect(slack.posts).toHaveLength(3);
  });

  it('asks once whether to keep the tips coming after five ignored in a row', async () => {
    await tips('U1', 'on 09:00 UTC daily', SLACK_DM);
    for (let day = 1; day <= 8; day++) await tick(dayAt(day, '09:00'));
    const questions = slack.posts.map((p, i) => (buttonsOf(p.reply).some((b) => b.actionId === 'tips') ? i : -1)).filter((i) => i >= 0);
    // Posts 1-5 went without a word; the sixth is the question, asked once.
    expect(questions).toEqual([5]);
    expect(buttonsOf(slack.posts[5]!.reply).map((b) => b.value)).toEqual(['keep', 'less', 'off']);
    expect(slack.posts[6]!.reply.blocks[0]).toEqual({ type: 'heading', text: expect.stringMatching(/^Daily tip: /) });
    // "Less often": one post a week from then on.
    clock = dayAt(8, '10:00');
    const less = await mentor.handle({ kind: 'action', userId: 'U1', actionId: 'tips', value: 'less', place: SLACK_DM });
    expect(less.text).toContain('once a week');
    expect(await store.get(sentKey('slack:person:U1'))).toMatchObject({ ignoredInARow: 0, askedToKeep: true });
  });

  it('a "keep them coming" answer during a delivery waits for it, and does not undo the post it records', async () => {
    await tips('U1', 'on 09:00 UTC daily', SLACK_DM);
    for (let day = 1; day <= 2; day++) await tick(dayAt(day, '09:00'));
    expect(await store.get(sentKey('slack:person:U1'))).toMatchObject({ lastLocalDate: '2027-06-03', ignoredInARow: 1 });
    // The mentor's writes of sent records are held at a gate, so its read and its write straddle the delivery.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated = new Proxy(store, {
      get(target, prop) {
        if (prop === 'set') return async (key: string, value: unknown, ttl?: number) => (key.startsWith('tips:sent:') && (await gate), target.set(key, value, ttl));
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const buttons = createMentor({ store: gated, now: () => clock, knowledge: kb });
    let answer: Promise<Reply> | undefined;
    slack.during = async () => {
      answer = buttons.handle({ kind: 'action', userId: 'U1', actionId: 'tips', value: 'keep', place: SLACK_DM });
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    expect((await tick(dayAt(3, '09:00'))).results).toEqual(['sent']);
    open();
    expect((await answer!).text).toContain('keep coming');
    expect(await store.get(sentKey('slack:person:U1'))).toMatchObject({ lastLocalDate: '2027-06-04', posted: 3, ignoredInARow: 0 });
    // The slot stays posted: the next tick that day posts nothing.
    slack.during = undefined;
    expect((await tick(dayAt(3, '09:05'))).due).toEqual([]);
  });

  it('counts a request to the mentor between posts as not ignored, and personal tips follow the next step', async () => {
    await tips('U1', 'on 09:00 UTC daily', SLACK_DM);
    for (let day = 1; day <= 4; day++) await tick(dayAt(day, '09:00'));
    expect(await store.get(sentKey('slack:person:U1'))).toMatchObject({ ignoredInARow: 3 });
    clock = dayAt(4, '11:00');
    await mentor.handle({ kind: 'command', userId: 'U1', command: 'learning', text: 'pytorch' });
    await tick(dayAt(5, '09:00'));
    expect(await store.get(sentKey('slack:person:U1'))).toMatchObject({ ignoredInARow: 0 });
    expect(slack.posts[4]!.reply.text).toContain('You are learning PyTorch');
    expect(slack.posts[4]!.reply.about?.topics).toEqual(['pytorch']);
  });

  it('posts no personal tip about topics the person is done with; the slot is handled and logged', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_DM);
    let profile = newProfile('U1', T0);
    for (const topic of kb.topics) profile = setTopicStatus(profile, topic.id, kb.topics.indexOf(topic) % 2 ? 'done' : 'skipped', T0);
    await store.set(profileKey('U1'), profile);
    expect((await tick(dayAt(1, '09:00'))).results).toEqual(['no-tip']);
    expect(slack.posts).toEqual([]);
    expect(await store.get(sentKey('slack:person:U1'))).toMatchObject({ lastLocalDate: '2027-06-02', lastOutcome: 'skipped' });
    expect(logs.some((l) => l.includes('daily tip not posted: no tip is left'))).toBe(true);
    expect((await tick(dayAt(1, '09:01'))).due).toEqual([]);
  });

  it('forget removes the personal subscription and its sent records; export lists them', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_DM);
    await tips('U1', 'on 10:00 UTC', SLACK_CHANNEL);
    await tick(dayAt(1, '10:00'));
    clock = dayAt(1, '11:00');
    const exported = await mentor.handle({ kind: 'command', userId: 'U1', command: 'export', text: '' });
    const json = exported.blocks.find((b): b is { type: 'text'; text: string } => b.type === 'text')!.text;
    const data = JSON.parse(json);
    expect(data.tips.personal.map((s: Subscription) => s.id)).toEqual(['slack:person:U1']);
    expect(data.tips.sent[0]).toMatchObject({ subscriptionId: 'slack:person:U1', lastLocalDate: '2027-06-02' });
    expect(data.tips.channelsYouChangedLast.map((s: Subscription) => s.id)).toEqual(['slack:channel:C1']);

    await mentor.handle({ kind: 'command', userId: 'U1', command: 'forget', text: 'confirm' });
    expect(await store.get(subscriptionKey('slack:person:U1'))).toBeUndefined();
    expect(await store.get(sentKey('slack:person:U1'))).toBeUndefined();
    expect(await store.get(TIPS_INDEX_KEY)).toEqual({ schemaVersion: 1, ids: ['slack:channel:C1'] });
    // The channel keeps its tips, without naming the person.
    expect(await store.get(subscriptionKey('slack:channel:C1'))).toMatchObject({ userId: 'forgotten' });
  });

  it('copies a damaged sent record aside before the next post writes over it', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    const damaged = { schemaVersion: 1, subscriptionId: 'slack:channel:C1', lastLocalDate: 'yesterday', posted: -3 };
    await store.set(sentKey('slack:channel:C1'), damaged);
    expect((await tick(dayAt(1, '09:00'))).results).toEqual(['sent']);
    expect(await store.get(damagedSentKey('slack:channel:C1'))).toEqual(damaged);
    expect(await store.get(sentKey('slack:channel:C1'))).toMatchObject({ lastLocalDate: '2027-06-02', posted: 1 });
    expect(logs.some((l) => l.includes('corrupt tip sent record copied aside') && l.includes('tips:sent-damaged:slack:channel:C1'))).toBe(true);
  });

  it('reports a damaged subscription once, not every tick, and copies it aside before "tips on" replaces it', async () => {
    const damaged = { schemaVersion: 1, id: 'slack:channel:C1', time: '9 o clock' };
    await store.set(subscriptionKey('slack:channel:C1'), damaged);
    await store.set(TIPS_INDEX_KEY, { schemaVersion: 1, ids: ['slack:channel:C1'] });
    for (let minute = 0; minute < 3; minute++) expect((await tick(new Date(dayAt(1, '09:00').getTime() + minute * 60_000))).due).toEqual([]);
    expect(logs.filter((l) => l.includes('corrupt tip subscription'))).toHaveLength(1);
    await tips('U1', 'on 10:00 UTC', SLACK_CHANNEL);
    expect(await store.get(damagedSubscriptionKey('slack:channel:C1'))).toEqual(damaged);
    expect(await store.get(subscriptionKey('slack:channel:C1'))).toMatchObject({ time: '10:00' });
  });

  it('reads many subscriptions from a real SQLite file, and 10,000 from memory quickly', async () => {
    const db = tempSqlite();
    const sqlite = db.open();
    try {
      const sqliteRunner = createTipsRunner({ store: sqlite, knowledge: kb });
      const subs = Array.from({ length: 200 }, (_, i) => subscription(`slack:channel:S${i}`));
      for (const s of subs) await sqlite.set(subscriptionKey(s.id), s);
      await sqlite.set(TIPS_INDEX_KEY, { schemaVersion: 1, ids: subs.map((s) => s.id) });
      await sqlite.set(subscriptionKey('slack:channel:S7'), { broken: true });
      const { due } = await sqliteRunner.runDue(dayAt(1, '09:00'));
      expect(due).toHaveLength(199);
    } finally {
      await sqlite.disconnect();
      db.cleanup();
    }
    const many = Array.from({ length: 10_000 }, (_, i) => subscription(`slack:channel:M${i}`));
    for (const s of many) await store.set(subscriptionKey(s.id), s);
    await store.set(TIPS_INDEX_KEY, { schemaVersion: 1, ids: many.map((s) => s.id) });
    const started = performance.now();
    const { due } = await runner.runDue(dayAt(1, '09:00'));
    expect(due).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

function subscription(id: string): Subscription {
  const at = T0.toISOString();
  return { schemaVersion: 1, id, audience: 'channel', platform: 'slack', target: id.split(':')[2]!, userId: 'U1', time: '09:00', timezone: 'UTC', weekdays: [1, 2, 3, 4, 5], frequency: 'normal', since: at, createdAt: at, updatedAt: at };
}
