/**
 * Direct messages end to end: a conversation that builds on what the user said, bots and edits ignored,
 * user text that tries to ping everyone shown as text.
 */
import type { SlackMessage } from '../../src/bots/slack/render';
import { canPing, limitViolations, visibleText } from '../helpers/slackBlocks';
import { gate } from '../helpers/slackGate';
import { SlackHarness } from '../helpers/slackHarness';
import { dmEvent, eventBody, postSigned } from '../helpers/slackRequests';

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

/** The messages posted into one DM, as a user would read them. */
function dmTexts(channel: string): string[] {
  return h.fake
    .ok('chat.postMessage')
    .filter((c) => c.params.channel === channel)
    .map((c) => visibleText({ text: String(c.params.text), blocks: (c.params.blocks ?? []) as SlackMessage['blocks'] }));
}

const nextStepOf = (text: string) => /Your next step: ([^\n]+)/.exec(text)?.[1];

test('a later answer uses an earlier statement: a data scientist gets a different next step than a newcomer', async () => {
  await h.dm("I'm a data scientist", 'U1');
  await h.dm('what should I learn next?', 'U1');
  await h.dm('what should I learn next?', 'U2');

  const scientist = dmTexts('DU1');
  const newcomer = dmTexts('DU2');
  expect(scientist).toHaveLength(2);
  expect(newcomer).toHaveLength(1);
  expect(scientist[0]).toMatch(/data scientist/i);
  const scientistStep = nextStepOf(scientist[1]!);
  const newcomerStep = nextStepOf(newcomer[0]!);
  expect(scientistStep).toBeDefined();
  expect(newcomerStep).toBeDefined();
  expect(scientistStep).not.toEqual(newcomerStep);
  // Every post went through the Web API with the bot token, as blocks within Slack's limits.
  for (const call of h.fake.ok('chat.postMessage')) {
    expect(call.authorization).toBe('Bearer xoxb-test-token');
    expect(limitViolations({ text: String(call.params.text), blocks: call.params.blocks as SlackMessage['blocks'] })).toEqual([]);
  }
  expect(h.errors()).toEqual([]);
});

test('a multi-turn setup: answers typed in the DM move the setup along', async () => {
  await h.dm('profile', 'U3');
  await h.dm('software engineer', 'U3');
  const texts = dmTexts('DU3');
  expect(texts).toHaveLength(2);
  expect(texts[0]).toMatch(/Setup 1 of 3/);
  expect(texts[1]).toMatch(/Setup 2 of 3/);
});

test('user text with <!channel>, @here and <@U123> is posted escaped and pings nobody', async () => {
  // Slack delivers message text escaped; the mentor gets what the user typed and quotes it back.
  await h.dm('done <!channel> @here <@U123> & friends', 'U4');
  const [call] = h.fake.ok('chat.postMessage');
  const message = { text: String(call!.params.text), blocks: call!.params.blocks as SlackMessage['blocks'] };
  expect(visibleText(message)).toContain('"<!channel> @here <@U123> & friends"');
  expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt; @here &lt;@U123&gt; &amp; friends');
  expect(message.text).toContain('&lt;!channel&gt;');
  expect(canPing(message)).toBe(false);
  expect(JSON.stringify(call!.params)).not.toMatch(/<!channel>|<!here>|<@U123>/);
});

test('an answer quoting hostile knowledge text is escaped everywhere it appears', async () => {
  await h.close();
  h = await SlackHarness.start({
    editKnowledge: (kb) => {
      kb.topicById.get('programming-basics')!.summary = 'Learn to code. <!channel> <!here> <@U999> <#C1> & more.';
    },
  });
  await h.dm('what should I learn next?', 'U5');
  const [call] = h.fake.ok('chat.postMessage');
  const message = { text: String(call!.params.text), blocks: call!.params.blocks as SlackMessage['blocks'] };
  expect(visibleText(message)).toContain('<!channel> <!here> <@U999> <#C1> & more.');
  expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U999&gt; &lt;#C1&gt; &amp; more.');
  expect(canPing(message)).toBe(false);
});

test('bot messages, our own messages, edits, deletions and channel messages get no answer', async () => {
  await h.event(dmEvent('hello', 'U6', { bot_id: 'BOTHER', subtype: 'bot_message' }));
  await h.event(dmEvent('hello', 'U6', { bot_id: 'BOTHER' }));
  await h.event(dmEvent('hello', 'UBOT', { bot_id: 'BBOT' }));
  await h.event(dmEvent('hello', 'UBOT'));
  await h.event({ ...dmEvent('hello', 'U6'), subtype: 'message_changed', message: { text: 'hello again', user: 'U6' } });
  await h.event({ ...dmEvent('', 'U6'), subtype: 'message_deleted' });
  await h.event({ ...dmEvent('hello', 'U6'), channel: 'C1', channel_type: 'channel' });
  await h.event(dmEvent('   ', 'U6'));
  expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  // The same user writing normally is answered.
  await h.dm('hello', 'U6');
  expect(h.fake.ok('chat.postMessage')).toHaveLength(1);
});

test('a message in a DM thread is answered in that thread', async () => {
  await h.event(dmEvent('what should I learn next?', 'U7', { thread_ts: '1700000000.000100' }));
  const [call] = h.fake.ok('chat.postMessage');
  expect(call!.params.thread_ts).toBe('1700000000.000100');
});

test('an oversized answer is split into several messages, each within Slack limits, nothing lost', async () => {
  await h.close();
  const long = Array.from({ length: 3_000 }, (_, i) => `part${i}`).join(' ');
  h = await SlackHarness.start({
    editKnowledge: (kb) => {
      kb.topicById.get('programming-basics')!.summary = long;
    },
  });
  await h.dm('what should I learn next?', 'U8');
  const calls = h.fake.ok('chat.postMessage');
  expect(calls.length).toBeGreaterThan(1);
  const messages = calls.map((c) => ({ text: String(c.params.text), blocks: c.params.blocks as SlackMessage['blocks'] }));
  for (const m of messages) expect(limitViolations(m)).toEqual([]);
  const visible = messages.map(visibleText).join(' ');
  expect(visible).toContain('part0 ');
  expect(visible).toContain('part2999');
  const order = [...visible.matchAll(/part(\d+)/g)].map((m) => Number(m[1]));
  expect(order).toEqual(Array.from({ length: 3_000 }, (_, i) => i));
});

test('two quick DMs with split answers: the first answer arrives whole, then the second, part by part', async () => {
  await h.close();
  const words = (stem: string) => Array.from({ length: 2_500 }, (_, i) => `${stem}${i}`).join(' ');
  // The first question is held: without per-user ordering the second answer would overtake it.
  const held = gate((request) => request.kind === 'message' && /learn next/.test(request.text));
  h = await SlackHarness.start({
    wrapMentor: held.wrap,
    editKnowledge: (kb) => {
      kb.topicById.get('programming-basics')!.summary = words('first');
      kb.topicById.get('pytorch')!.summary = words('second');
    },
  });
  const send = async (text: string) => {
    const { body, contentType } = eventBody(dmEvent(text, 'U9'));
    expect((await postSigned(h.eventsUrl, body, contentType)).status).toBe(200);
  };
  // The second arrives while the first is being answered (inside the core), as two quick messages would.
  await send('what should I learn next?');
  await held.entered;
  await send('what is pytorch');
  // Give an unordered app every chance to post the second answer first.
  await new Promise((resolve) => setTimeout(resolve, 300));
  held.release();
  await h.slack.whenIdle();
  const parts = dmTexts('DU9');
  expect(parts.length).toBeGreaterThan(2);
  const order = parts.flatMap((text) => [...text.matchAll(/\b(first|second)(\d+)\b/g)].map((m) => `${m[1]}${m[2]}`));
  expect(order).toEqual([...words('first').split(' '), ...words('second').split(' ')]);
  expect(h.errors()).toEqual([]);
});
