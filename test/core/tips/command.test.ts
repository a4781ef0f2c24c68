import { expectedVisibilityFor } from '../../../src/core/commands/definitions';
import { createMentor, type Mentor } from '../../../src/core/mentor';
import type { Reply } from '../../../src/core/reply';
import type { Place } from '../../../src/core/request';
import type { StatePort } from '../../../src/core/state/statePort';
import { STORE_DOWN_CHANGE_TEXT } from '../../../src/core/storeFailure';
import type { Subscription } from '../../../src/core/tips/model';
import { subscriptionKey, TIPS_INDEX_KEY } from '../../../src/core/tips/subscriptionStore';
import { parseTipsCommand } from '../../../src/core/tips/tipsCommand';
import { createState } from '../../../src/storage/createState';
import { SwitchableState } from '../../helpers/switchableState';

const SLACK_CHANNEL: Place = { platform: 'slack', channelId: 'C1', direct: false, timezone: 'America/New_York' };
const SLACK_DM: Place = { platform: 'slack', channelId: 'D1', direct: true, timezone: 'America/New_York' };
const DISCORD_CHANNEL = (canManageChannel: boolean): Place => ({ platform: 'discord', channelId: '900', direct: false, canManageChannel });

// Tuesday 2027-06-01, 12:00 UTC.
const NOW = new Date('2027-06-01T12:00:00.000Z');

describe('the tips command through the mentor', () => {
  let store: StatePort;
  let mentor: Mentor;
  let clock: Date;
  const tips = (userId: string, text: string, place?: Place): Promise<Reply> => mentor.handle({ kind: 'command', userId, command: 'tips', text, ...(place ? { place } : {}) });
  const stored = (id: string) => store.get<Subscription>(subscriptionKey(id));
  const index = () => store.get<{ ids: string[] }>(TIPS_INDEX_KEY);

  beforeEach(() => {
    store = createState('memory');
    clock = NOW;
    mentor = createMentor({ store, now: () => clock });
  });
  afterEach(() => store.disconnect());

  it('subscribes a Slack channel, announces it publicly, and tells the status privately', async () => {
    const on = await tips('U1', 'on 9am Europe/Berlin mon,wed,fri', SLACK_CHANNEL);
    expect(on.error).toBeUndefined();
    expect(on.visibility).toBe('public');
    expect(on.text).toContain('Daily tips are on for this channel: 09:00 Europe/Berlin, Mon, Wed, Fri');
    // Wednesday 2027-06-02 09:00 in Berlin.
    expect(on.text).toContain('Wed 2 Jun, 09:00');
    expect(await stored('slack:channel:C1')).toMatchObject({ audience: 'channel', platform: 'slack', target: 'C1', userId: 'U1', time: '09:00', timezone: 'Europe/Berlin', weekdays: [1, 3, 5], since: expect.stringMatching(/^2027-06-01T12:00:00/) });
    expect((await index())!.ids).toEqual(['slack:channel:C1']);

    const status = await tips('U2', 'status', SLACK_CHANNEL);
    expect(status.visibility).toBe('private');
    expect(status.text).toContain('When: 09:00 Europe/Berlin, Mon, Wed, Fri');
    expect(status.text).toContain('Next tip: Wed 2 Jun, 09:00');
    // The visibility the adapters can know before asking is the one the answer has.
    expect(expectedVisibilityFor('tips', false, 'on 9am', SLACK_CHANNEL)).toBe('public');
    expect(expectedVisibilityFor('tips', false, 'status', SLACK_CHANNEL)).toBe('private');
    expect(expectedVisibilityFor('tips', false, 'on', SLACK_DM)).toBe('private');
  });

  it("subscribes a person in a DM with defaults: 09:00, Mon-Fri, the platform's timezone", async () => {
    const on = await tips('U1', 'on', SLACK_DM);
    expect(on.visibility).toBe('private');
    expect(await stored('slack:person:U1')).toMatchObject({ audience: 'person', target: 'U1', time: '09:00', timezone: 'America/New_York', weekdays: [1, 2, 3, 4, 5], frequency: 'normal' });
    // 12:00Z is 08:00 in New York: today's 09:00 is still ahead.
    expect(on.text).toContain('Tue 1 Jun, 09:00');
  });

  it('treats no place as the console, a direct conversation in UTC, and a typed "tips on" in a DM as the command', async () => {
    await tips('local', 'on 14:30 daily');
    expect(await stored('console:person:local')).toMatchObject({ time: '14:30', timezone: 'UTC', weekdays: [1, 2, 3, 4, 5, 6, 7] });
    const typed = await mentor.handle({ kind: 'message', userId: 'U3', text: 'tips on 8:30 weekends', place: SLACK_DM });
    expect(typed.error).toBeUndefined();
    expect(await stored('slack:person:U3')).toMatchObject({ time: '08:30', weekdays: [6, 7] });
  });

  it('subscribes from the App Home button', async () => {
    const pressed = await mentor.handle({ kind: 'action', userId: 'U4', actionId: 'tips', value: 'on', place: { platform: 'slack', direct: true, timezone: 'Asia/Kolkata' } });
    expect(pressed.error).toBeUndefined();
    expect(await stored('slack:person:U4')).toMatchObject({ timezone: 'Asia/Kolkata' });
  });

  it('on Discord, refuses a member who may not manage the channel and changes nothing', async () => {
    const refused = await tips('D1', 'on 09:00 UTC', DISCORD_CHANNEL(false));
    expect(refused.error).toBe(true);
    expect(refused.text).toContain('Only members who can manage this channel');
    expect(await stored('discord:channel:900')).toBeUndefined();
    expect(await index()).toBeUndefined();
    // Status is for everyone.
    expect((await tips('D1', 'status', DISCORD_CHANNEL(false))).error).toBeUndefined();
    const allowed = await tips('D2', 'on 09:00 UTC', DISCORD_CHANNEL(true));
    expect(allowed.visibility).toBe('public');
    expect(await stored('discord:channel:900')).toMatchObject({ userId: 'D2' });
    expect((await tips('D1', 'off', DISCORD_CHANNEL(false))).error).toBe(true);
    expect(await stored('discord:channel:900')).toBeDefined();
  });

  it('no longer shows a pause once it has ended', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    await tips('U1', 'pause 1 week', SLACK_CHANNEL);
    clock = new Date('2027-06-09T12:00:00.000Z');
    const status = await tips('U1', 'status', SLACK_CHANNEL);
    expect(status.text).not.toContain('Paused');
    expect(status.text).toContain('Next tip: Thu 10 Jun, 09:00');
  });

  it('pauses for a while, resumes, and turns off', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    const paused = await tips('U1', 'pause 1 week', SLACK_CHANNEL);
    expect(paused.text).toContain('paused for 1 week, until Tue 8 Jun, 12:00');
    expect(await stored('slack:channel:C1')).toMatchObject({ pausedUntil: expect.stringMatching(/^2027-06-08T12:00:00/), pauseReason: 'asked' });
    const status = await tips('U1', 'status', SLACK_CHANNEL);
    expect(status.text).toContain('Paused: until Tue 8 Jun, 12:00');
    expect(status.text).toContain('Next tip: Wed 9 Jun, 09:00');
    clock = new Date('2027-06-02T10:00:00.000Z');
    const resumed = await tips('U1', 'resume', SLACK_CHANNEL);
    expect(resumed.text).toContain('The next one comes Thu 3 Jun, 09:00');
    const after = (await stored('slack:channel:C1'))!;
    expect(after.pausedUntil).toBeUndefined();
    expect(after.since).toMatch(/^2027-06-02T10:00:00/);
    expect((await tips('U1', 'pause 2w', SLACK_CHANNEL)).text).toContain('2 weeks');
    const off = await tips('U1', 'off', SLACK_CHANNEL);
    expect(off.visibility).toBe('public');
    expect(await stored('slack:channel:C1')).toBeUndefined();
    expect((await index())!.ids).toEqual([]);
    expect((await tips('U1', 'status', SLACK_CHANNEL)).text).toContain('Daily tips are off for this channel');
  });

  it.each([
    ['on 09:00 Mars/Phobos', "I don't know the timezone \"Mars/Phobos\""],
    ['on 25:00 UTC', 'There is no "25:00" on a clock'],
    ['on 09:00 UTC ,', 'Pick at least one day'],
    ['on 09:00 UTC none', 'Pick at least one day'],
    ['on 13pm', 'There is no "13pm"'],
    ['pause forever', 'Say how long to pause'],
    ['sometimes', 'I did not understand "sometimes"'],
  ])('refuses "%s" with an example and stores nothing', async (text, message) => {
    const answer = await tips('U1', text, SLACK_CHANNEL);
    expect(answer.error).toBe(true);
    expect(answer.visibility).toBe('private');
    expect(answer.text).toContain(message);
    expect(answer.text).toMatch(/tips on 09:00 Europe\/Berlin mon-fri|tips pause 7d/);
    expect(await index()).toBeUndefined();
    expect(await stored('slack:channel:C1')).toBeUndefined();
  });

  it('leaves an existing subscription as it was after bad input, and never echoes long or odd input', async () => {
    await tips('U1', 'on 09:00 UTC', SLACK_CHANNEL);
    const before = await stored('slack:channel:C1');
    const answer = await tips('U1', `on 09:00 <!channel>/${'x'.repeat(100)}`, SLACK_CHANNEL);
    expect(answer.error).toBe(true);
    expect(answer.text).not.toContain('<!channel>');
    expect(answer.text).not.toContain('xxxxxxxxxx');
    expect(await stored('slack:channel:C1')).toEqual(before);
  });

  it('refuses a change honestly when the store cannot answer, and writes nothing', async () => {
    const switchable = new SwitchableState(createState('memory'));
    const m = createMentor({ store: switchable, now: () => NOW });
    switchable.down = true;
    const refused = await m.handle({ kind: 'command', userId: 'U1', command: 'tips', text: 'on 09:00 UTC', place: SLACK_CHANNEL });
    expect(refused.error).toBe(true);
    expect(refused.text).toBe(STORE_DOWN_CHANGE_TEXT);
    // Status does not pretend tips are off.
    const status = await m.handle({ kind: 'command', userId: 'U1', command: 'tips', text: 'status', place: SLACK_CHANNEL });
    expect(status.error).toBe(true);
    expect(status.text).not.toContain('off');
    switchable.down = false;
    expect(switchable.writes).toEqual([]);
    expect(await switchable.get(TIPS_INDEX_KEY)).toBeUndefined();
    await switchable.disconnect();
  });
});

describe('parseTipsCommand', () => {
  const on = (text: string) => {
    const parsed = parseTipsCommand(text);
    if (!parsed.ok || parsed.action.kind !== 'on') throw new Error(`not an "on": ${JSON.stringify(parsed)}`);
    return parsed.action;
  };
  it('accepts the friendly forms', () => {
    expect(on('on 9:00').time).toBe('09:00');
    expect(on('on 09:00').time).toBe('09:00');
    expect(on('on 9am').time).toBe('09:00');
    expect(on('on 9 pm').time).toBe('21:00');
    expect(on('on 12am').time).toBe('00:00');
    expect(on('on 14:30').time).toBe('14:30');
    expect(on('on mon-fri').weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(on('on fri-mon').weekdays).toEqual([1, 5, 6, 7]);
    expect(on('on mon,wed,fri').weekdays).toEqual([1, 3, 5]);
    expect(on('on weekdays').weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(on('on every day').weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(on('on daily').weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(on('on weekends').weekdays).toEqual([6, 7]);
    expect(on('on europe/berlin').timezone).toBe('Europe/Berlin');
    expect(on('on 08:15 America/New_York tue').timezone).toBe('America/New_York');
    expect(parseTipsCommand('')).toEqual({ ok: true, action: { kind: 'status' } });
  });
  it('reads pause durations', () => {
    const pause = (text: string) => {
      const parsed = parseTipsCommand(text);
      return parsed.ok && parsed.action.kind === 'pause' ? parsed.action.ms / 86_400_000 : undefined;
    };
    expect(pause('pause 7d')).toBe(7);
    expect(pause('pause 3d')).toBe(3);
    expect(pause('pause 2w')).toBe(14);
    expect(pause('pause 1 week')).toBe(7);
    expect(pause('pause 10 days')).toBe(10);
    expect(pause('pause')).toBe(7);
    expect(pause('pause 0d')).toBeUndefined();
  });
});

describe('tips typed in a conversation', () => {
  it('is the command with a tips word, and a question otherwise', async () => {
    const store = createState('memory');
    const mentor = createMentor({ store, now: () => NOW });
    const question = await mentor.handle({ kind: 'message', userId: 'U9', text: 'tips for learning pytorch?', place: SLACK_DM });
    expect(question.error).toBeUndefined();
    expect(question.text).toContain('PyTorch');
    expect(await store.get(TIPS_INDEX_KEY)).toBeUndefined();
    const status = await mentor.handle({ kind: 'message', userId: 'U9', text: 'tips', place: SLACK_DM });
    expect(status.text).toContain('Daily tips are off for you');
    await store.disconnect();
  });
});
