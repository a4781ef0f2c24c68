/**
 * Buttons end to end: each button the core makes (done, learning, skip, next, tip, setup answers) goes
 * back to the core unchanged and the answer lands where it reads best (in place in private spaces, added
 * beside a shared message).
 */
import type { KnownBlock, SlackMessage } from '../../src/bots/slack/render';
import { rawButtons, visibleText } from '../helpers/slackBlocks';
import { SlackHarness } from '../helpers/slackHarness';
import { uniqueId } from '../helpers/slackRequests';

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

type Shown = { blocks: KnownBlock[]; text: string };
const visible = (m: Shown) => visibleText(m as SlackMessage);

/** The first DM answer to `text`, as posted. */
async function dmAnswer(text: string, userId: string): Promise<Shown> {
  const before = h.fake.ok('chat.postMessage').length;
  await h.dm(text, userId);
  const call = h.fake.ok('chat.postMessage')[before]!;
  return { blocks: call.params.blocks as KnownBlock[], text: String(call.params.text) };
}

/** Presses the button labelled `label` on `shown` (a message in the user's DM) and returns what replaced it. */
async function press(shown: Shown, label: string | RegExp, userId: string): Promise<{ posts: Record<string, unknown>[]; replaced: Shown }> {
  const button = rawButtons(shown.blocks).find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!button) throw new Error(`no button ${label} among ${rawButtons(shown.blocks).map((b) => b.label).join(', ')}`);
  const responseId = uniqueId('resp');
  const result = await h.click({ actionId: button.action_id, value: button.value, userId, responseUrl: h.fake.responseUrl(responseId) });
  expect(result.status).toBe(200);
  expect(result.ms).toBeLessThan(3000);
  const posts = h.fake.postsTo(responseId).map((p) => p.body);
  expect(posts.length).toBeGreaterThan(0);
  return { posts, replaced: posts[0] as unknown as Shown };
}

async function progressOf(userId: string): Promise<string> {
  return visible((await h.command('progress', { userId })).ack as unknown as Shown);
}

test('done, learning and skip buttons change the learner\'s progress and replace the clicked message', async () => {
  const step = await dmAnswer('what should I learn next?', 'U1');
  const topic = /Your next step: ([^\n]+)/.exec(visible(step))![1]!;

  const learning = await press(step, 'I am learning it', 'U1');
  expect(learning.posts[0]!.replace_original).toBe(true);
  expect(await progressOf('U1')).toMatch(new RegExp(`Learning now\n${topic}`));

  const done = await press(learning.replaced, 'Mark done', 'U1');
  expect(done.posts[0]!.replace_original).toBe(true);
  expect(await progressOf('U1')).toMatch(new RegExp(`Done or known\n${topic}`));

  const next = await dmAnswer('what should I learn next?', 'U1');
  const nextTopic = /Your next step: ([^\n]+)/.exec(visible(next))![1]!;
  expect(nextTopic).not.toEqual(topic);
  await press(next, 'Skip it', 'U1');
  expect(await progressOf('U1')).toMatch(new RegExp(`Skipped\n${nextTopic}`));
  expect(h.errors()).toEqual([]);
});

test('the tip and next-step buttons run their commands', async () => {
  const tip = (await h.command('tip', { userId: 'U2' })).ack as unknown as Shown;
  const another = await press({ ...tip, text: '' }, 'Another tip', 'U2');
  expect(visible(another.replaced)).toMatch(/^Tip/);
  expect(visible(another.replaced)).not.toEqual(visible(tip));
  const next = await press(another.replaced, 'Next step', 'U2');
  expect(visible(next.replaced)).toMatch(/Your next step: /);
});

test('the setup runs on answer buttons, each question replacing the last, and the profile is saved', async () => {
  const hello = await dmAnswer('what should I learn next?', 'U3');
  let shown = (await press(hello, 'Set up my path', 'U3')).replaced;
  expect(visible(shown)).toMatch(/Setup 1 of 3/);
  shown = (await press(shown, 'Data scientist', 'U3')).replaced;
  expect(visible(shown)).toMatch(/Setup 2 of 3/);
  shown = (await press(shown, 'PyTorch', 'U3')).replaced;
  expect(visible(shown)).toMatch(/So far: PyTorch/);
  shown = (await press(shown, 'Done', 'U3')).replaced;
  expect(visible(shown)).toMatch(/Setup 3 of 3/);
  const goal = rawButtons(shown.blocks).find((b) => /^mentor:answer:/.test(b.action_id) && !['skip', 'stop'].includes(b.value ?? ''))!;
  shown = (await press(shown, goal.label, 'U3')).replaced;

  const profile = visible((await h.command('profile', { userId: 'U3' })).ack as unknown as Shown);
  expect(profile).toMatch(/Background\nData scientist/);
  expect(profile).toMatch(/PyTorch/);
  expect(profile).toContain(goal.label);
});

test('a button on an ephemeral answer in a channel replaces that answer', async () => {
  const ephemeral = (await h.command('next', { userId: 'U4', channelId: 'C1' })).ack as unknown as Shown;
  const button = rawButtons(ephemeral.blocks).find((b) => b.label === 'Mark done')!;
  const responseId = uniqueId('resp');
  await h.click({ actionId: button.action_id, value: button.value, userId: 'U4', responseUrl: h.fake.responseUrl(responseId), container: { type: 'message', channelId: 'C1', isEphemeral: true } });
  const [post] = h.fake.postsTo(responseId);
  expect(post!.body.replace_original).toBe(true);
});

test('a button on a shared channel message leaves it for everyone and answers the presser privately', async () => {
  const shared = (await h.command('next share', { userId: 'U5', channelId: 'C1' })).ack as unknown as Shown;
  const button = rawButtons(shared.blocks).find((b) => b.label === 'Mark done')!;
  const responseId = uniqueId('resp');
  await h.click({ actionId: button.action_id, value: button.value, userId: 'U6', responseUrl: h.fake.responseUrl(responseId), container: { type: 'message', channelId: 'C1', messageTs: '1700000000.000200' } });
  const [post] = h.fake.postsTo(responseId);
  expect(post!.body.replace_original).toBe(false);
  expect(post!.body.response_type).toBe('ephemeral');
  expect(await progressOf('U6')).toMatch(/Done or known\n(?!nothing)/);
  expect(await progressOf('U5')).toMatch(/Done or known\nnothing/);
  expect(h.fake.ok('chat.update')).toEqual([]);
});

test('when the response_url refuses, the DM message is updated in place with chat.update', async () => {
  const step = await dmAnswer('what should I learn next?', 'U7');
  const button = rawButtons(step.blocks).find((b) => b.label === 'Mark done')!;
  const responseId = uniqueId('resp');
  h.fake.failResponseUrl(responseId, { status: 404 }, 10);
  await h.click({ actionId: button.action_id, value: button.value, userId: 'U7', responseUrl: h.fake.responseUrl(responseId), container: { type: 'message', channelId: 'DU7', messageTs: '1700000000.000300' } });
  const updates = h.fake.ok('chat.update');
  expect(updates).toHaveLength(1);
  expect(updates[0]!.params).toMatchObject({ channel: 'DU7', ts: '1700000000.000300' });
  expect(visible({ text: '', blocks: updates[0]!.params.blocks as KnownBlock[] })).toMatch(/done/i);
});

test('a refused button (unknown topic) keeps the original message and says why', async () => {
  const responseId = uniqueId('resp');
  await h.click({ actionId: 'mentor:done:0', value: 'no-such-topic', userId: 'U8', responseUrl: h.fake.responseUrl(responseId) });
  const [post] = h.fake.postsTo(responseId);
  expect(post!.body.replace_original).toBe(false);
  expect(visible(post!.body as unknown as Shown)).toMatch(/no-such-topic/);
});

test('a button this app did not make is acked at once and ignored', async () => {
  const responseId = uniqueId('resp');
  const result = await h.click({ actionId: 'legacy_button', value: 'x', userId: 'U9', responseUrl: h.fake.responseUrl(responseId) });
  expect(result.status).toBe(200);
  expect(result.ms).toBeLessThan(1000);
  expect(h.fake.responses).toEqual([]);
  expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
});
