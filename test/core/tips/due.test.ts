import { dueTips, nextPostTime } from '../../../src/core/tips/due';
import { instantOf } from '../../../src/core/tips/localTime';
import { CATCH_UP_WINDOW_MS, PAUSED_INDEFINITELY, type SentRecord, type Subscription } from '../../../src/core/tips/model';

const T0 = '2027-01-01T00:00:00.000Z';

function sub(overrides: Partial<Subscription> = {}): Subscription {
  const id = overrides.id ?? 'slack:channel:C1';
  return {
    schemaVersion: 1,
    id,
    audience: 'channel',
    platform: 'slack',
    target: 'C1',
    userId: 'U1',
    time: '09:00',
    timezone: 'UTC',
    weekdays: [1, 2, 3, 4, 5],
    frequency: 'normal',
    since: T0,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

function sent(subscriptionId: string, lastLocalDate: string, lastOutcome: 'sent' | 'skipped' = 'sent'): SentRecord {
  return { schemaVersion: 1, subscriptionId, lastLocalDate, lastOutcome, posted: 1, ignoredInARow: 0, askedToKeep: false, recentTips: [] };
}

const at = (iso: string) => new Date(iso);
const dueIds = (subs: Subscription[], records: SentRecord[], now: string) => dueTips(subs, records, at(now)).due.map((d) => `${d.subscriptionId}@${d.localDate}`);

describe('dueTips', () => {
  it('posts at the local time of each timezone', () => {
    // Tuesday 2027-06-01. 09:00 in New York is 13:00Z; in Kolkata 03:30Z; in Lord Howe (+10:30 in winter) 22:30Z the day before.
    const ny = sub({ id: 'ny', timezone: 'America/New_York' });
    const kol = sub({ id: 'kol', timezone: 'Asia/Kolkata' });
    const lh = sub({ id: 'lh', timezone: 'Australia/Lord_Howe' });
    expect(dueIds([ny, kol, lh], [], '2027-05-31T22:35:00Z')).toEqual(['lh@2027-06-01']);
    expect(dueIds([ny, kol, lh], [], '2027-06-01T03:29:00Z')).toEqual([]);
    expect(dueIds([ny, kol, lh], [], '2027-06-01T03:30:00Z')).toEqual(['kol@2027-06-01']);
    expect(dueIds([ny, kol, lh], [], '2027-06-01T05:00:00Z')).toEqual(['kol@2027-06-01']);
    expect(dueIds([ny, kol], [], '2027-06-01T13:00:00Z')).toEqual(['ny@2027-06-01']);
    const due = dueTips([ny], [], at('2027-06-01T13:05:00Z')).due[0]!;
    expect(due.scheduledAt.toISOString()).toBe('2027-06-01T13:00:00.000Z');
  });

  it('Lord Howe moves by half an hour at its daylight-saving change', () => {
    // Lord Howe goes from +10:30 to +11 on 2026-10-04 at 02:00 local: 09:00 is 22:30Z before, 22:00Z after.
    expect(instantOf('2026-10-03', '09:00', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-02T22:30:00.000Z');
    expect(instantOf('2026-10-05', '09:00', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-04T22:00:00.000Z');
    // 02:15 does not exist that night: the post moves to 02:30, the first valid minute.
    expect(instantOf('2026-10-04', '02:15', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:30:00.000Z');
  });

  it('posts only on its weekdays, in local terms', () => {
    const s = sub({ weekdays: [1, 3, 5] });
    expect(dueIds([s], [], '2027-06-07T09:10:00Z')).toEqual(['slack:channel:C1@2027-06-07']); // Monday
    expect(dueIds([s], [], '2027-06-08T09:10:00Z')).toEqual([]); // Tuesday
    expect(dueIds([s], [], '2027-06-12T09:10:00Z')).toEqual([]); // Saturday
    // Monday 09:00 in Auckland (+12 in June) is Sunday 21:00Z: a Monday post although it is Sunday in UTC.
    const auckland = sub({ timezone: 'Pacific/Auckland', weekdays: [1] });
    expect(dueIds([auckland], [], '2027-06-06T21:05:00Z')).toEqual(['slack:channel:C1@2027-06-07']);
  });

  it('moves a post out of the spring-forward gap to the next valid minute', () => {
    // Europe/Berlin jumps from 02:00 to 03:00 on Sunday 2027-03-28; 02:30 does not exist, it goes out at 03:00 (01:00Z).
    const s = sub({ time: '02:30', timezone: 'Europe/Berlin', weekdays: [7] });
    expect(dueIds([s], [], '2027-03-28T00:59:00Z')).toEqual([]);
    const due = dueTips([s], [], at('2027-03-28T01:00:00Z')).due;
    expect(due).toHaveLength(1);
    expect(due[0]!.scheduledAt.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(nextPostTime(s, at('2027-03-27T12:00:00Z'))!.toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('posts a repeated hour once, at its first occurrence', () => {
    // Europe/Berlin repeats 02:00-03:00 on Sunday 2027-10-31: 02:30 is 00:30Z (summer time), then again 01:30Z.
    const s = sub({ time: '02:30', timezone: 'Europe/Berlin', weekdays: [7] });
    expect(dueIds([s], [], '2027-10-31T00:29:00Z')).toEqual([]);
    const first = dueTips([s], [], at('2027-10-31T00:30:00Z')).due;
    expect(first.map((d) => d.scheduledAt.toISOString())).toEqual(['2027-10-31T00:30:00.000Z']);
    // Once sent, the second 02:30 is not a new slot.
    expect(dueIds([s], [sent(s.id, '2027-10-31')], '2027-10-31T01:30:00Z')).toEqual([]);
  });

  it('catches up a slot less than the window late and skips an older one, once', () => {
    const s = sub();
    const slot = Date.parse('2027-06-01T09:00:00Z');
    const lateBy = (ms: number) => dueTips([s], [], new Date(slot + ms));
    expect(lateBy(2 * 3600_000 + 59 * 60_000).due).toHaveLength(1);
    const skipped = lateBy(3 * 3600_000 + 60_000);
    expect(skipped.due).toEqual([]);
    expect(skipped.skipped).toEqual([expect.objectContaining({ subscriptionId: s.id, localDate: '2027-06-01', lateByMs: CATCH_UP_WINDOW_MS + 60_000 })]);
    // The runner records the skipped date: it is not reported again.
    expect(dueTips([s], [sent(s.id, '2027-06-01', 'skipped')], new Date(slot + 4 * 3600_000))).toEqual({ due: [], skipped: [] });
  });

  it("catches up yesterday's slot just before local midnight", () => {
    const s = sub({ time: '23:50', timezone: 'Europe/Berlin' });
    // Tuesday 2027-06-01 23:50 in Berlin is 21:50Z; at 00:30 local (22:30Z) it is Wednesday there.
    expect(dueIds([s], [], '2027-06-01T22:30:00Z')).toEqual(['slack:channel:C1@2027-06-01']);
    expect(dueIds([s], [sent(s.id, '2027-06-01')], '2027-06-01T22:30:00Z')).toEqual([]);
  });

  it('is not due again once sent today', () => {
    const s = sub();
    expect(dueIds([s], [sent(s.id, '2027-06-01')], '2027-06-01T10:00:00Z')).toEqual([]);
    expect(dueIds([s], [sent(s.id, '2027-05-31')], '2027-06-01T10:00:00Z')).toEqual(['slack:channel:C1@2027-06-01']);
  });

  it('does not post a slot before since', () => {
    const s = sub({ since: '2027-06-01T09:30:00.000Z' });
    expect(dueIds([s], [], '2027-06-01T10:00:00Z')).toEqual([]);
    expect(dueTips([s], [], at('2027-06-01T10:00:00Z')).skipped).toEqual([]);
    expect(dueIds([s], [], '2027-06-02T09:01:00Z')).toEqual(['slack:channel:C1@2027-06-02']);
    expect(nextPostTime(s, at('2027-06-01T09:45:00Z'))!.toISOString()).toBe('2027-06-02T09:00:00.000Z');
  });

  it('posts nothing while paused, and resumes after the pause without catching up', () => {
    const paused = sub({ pausedUntil: '2027-06-08T00:00:00.000Z', pauseReason: 'asked' });
    expect(dueIds([paused], [], '2027-06-03T09:05:00Z')).toEqual([]);
    expect(dueTips([paused], [], at('2027-06-03T13:05:00Z')).skipped).toEqual([]);
    expect(nextPostTime(paused, at('2027-06-03T09:05:00Z'))!.toISOString()).toBe('2027-06-08T09:00:00.000Z');
    expect(dueIds([paused], [], '2027-06-08T09:05:00Z')).toEqual(['slack:channel:C1@2027-06-08']);
    const resumed = sub({ since: '2027-06-03T10:00:00.000Z' });
    expect(dueIds([resumed], [], '2027-06-04T09:05:00Z')).toEqual(['slack:channel:C1@2027-06-04']);
    const forever = sub({ pausedUntil: PAUSED_INDEFINITELY, pauseReason: 'dm-closed' });
    expect(dueIds([forever], [], '2027-06-04T09:05:00Z')).toEqual([]);
    expect(nextPostTime(forever, at('2027-06-04T09:05:00Z'))).toBeUndefined();
  });

  it('posts once a week on the first weekday with frequency less', () => {
    const s = sub({ frequency: 'less', weekdays: [2, 4] });
    expect(dueIds([s], [], '2027-06-01T09:05:00Z')).toEqual(['slack:channel:C1@2027-06-01']); // Tuesday
    expect(dueIds([s], [], '2027-06-03T09:05:00Z')).toEqual([]); // Thursday
    expect(nextPostTime(s, at('2027-06-01T10:00:00Z'))!.toISOString()).toBe('2027-06-08T09:00:00.000Z');
  });

  it('gives the next post time in the future, across weekends', () => {
    const s = sub({ timezone: 'America/New_York' });
    // Friday 2027-06-04 15:00 in New York: next is Monday 09:00 EDT = 13:00Z.
    expect(nextPostTime(s, at('2027-06-04T19:00:00Z'))!.toISOString()).toBe('2027-06-07T13:00:00.000Z');
    expect(nextPostTime(s, at('2027-06-07T12:59:00Z'))!.toISOString()).toBe('2027-06-07T13:00:00.000Z');
  });

  it('passes over a subscription whose timezone this runtime does not know, and posts the others', () => {
    const unknown = sub({ id: 'unknown', timezone: 'Mars/Phobos' });
    expect(dueIds([unknown, sub()], [], '2027-06-01T09:05:00Z')).toEqual(['slack:channel:C1@2027-06-01']);
  });

  it('handles 10,000 subscriptions quickly', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    const subs = Array.from({ length: 10_000 }, (_, i) => sub({ id: `s${i}`, timezone: zones[i % zones.length]! }));
    const started = performance.now();
    const result = dueTips(subs, [], at('2027-06-01T09:30:00Z'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.due.length).toBeGreaterThan(0);
  });
});
