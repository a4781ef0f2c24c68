/**
 * A renderer that throws must never cost the ack: Slack would show "operation_timeout" and the user would
 * never learn why. The command or button is acked empty, the error logged, and the user told privately.
 */
import { reply } from '../../src/core/reply';
import * as render from '../../src/bots/slack/render';
import { RENDER_FAILURE_TEXT } from '../../src/bots/slack/renderSafely';
import { limitViolations, visibleText } from '../helpers/slackBlocks';
import { SlackHarness } from '../helpers/slackHarness';
import { uniqueId } from '../helpers/slackRequests';

let h: SlackHarness | undefined;
afterEach(async () => {
  jest.restoreAllMocks();
  await h?.close();
  h = undefined;
});

const breakRenderer = () =>
  jest.spyOn(render, 'replyToSlackMessages').mockImplementation(() => {
    throw new Error('renderer bug');
  });

test('a command whose answer cannot be rendered is acked empty in time, logged, and the user is told', async () => {
  h = await SlackHarness.start();
  breakRenderer();
  const result = await h.command('next');
  expect(result.status).toBe(200);
  expect(result.ms).toBeLessThan(3_000);
  expect(result.text).toBe('');
  await h.slack.whenIdle();
  expect(h.fake.postsTo(result.responseId).map((p) => [p.body.response_type, p.body.text])).toEqual([['ephemeral', RENDER_FAILURE_TEXT]]);
  expect(h.errors().map((l) => l.message)).toEqual(['slack could not render a reply']);
});

test('a button whose answer cannot be rendered leaves the clicked message and tells the user', async () => {
  h = await SlackHarness.start();
  breakRenderer();
  const responseId = uniqueId('resp');
  const result = await h.click({ actionId: 'mentor:tip:0', value: '', responseUrl: h.fake.responseUrl(responseId) });
  expect(result.status).toBe(200);
  const posts = h.fake.postsTo(responseId).map((p) => p.body);
  expect(posts.map((p) => [p.text, p.replace_original])).toEqual([[RENDER_FAILURE_TEXT, false]]);
  expect(h.errors().map((l) => l.message)).toEqual(['slack could not render a reply']);
});

test('an answer with a field label longer than a section is answered in the ack, every word shown', async () => {
  const label = Array.from({ length: 600 }, (_, i) => `lab${i}`).join(' ');
  const value = Array.from({ length: 400 }, (_, i) => `val${i}`).join(' ');
  h = await SlackHarness.start({
    wrapMentor: () => ({ handle: async () => reply([{ type: 'fields', fields: [{ label, value }] }]), suggestTopics: () => [] }),
  });
  const result = await h.command('progress');
  await h.slack.whenIdle();
  const messages = [result.ack!, ...h.fake.postsTo(result.responseId).map((p) => p.body)].map((m) => ({ text: String(m.text), blocks: m.blocks as render.KnownBlock[] }));
  for (const m of messages) expect(limitViolations(m)).toEqual([]);
  expect(messages.map(visibleText).join(' ').replace(/\s+/g, ' ')).toContain(`${label} ${value}`);
  expect(h.errors()).toEqual([]);
});
