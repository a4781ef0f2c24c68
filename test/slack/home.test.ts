/** App Home end to end: views.publish on every visit, the welcome only on the first, buttons answered in the DM. */
import type { SlackMessage } from '../../src/bots/slack/render';
import type { KnownBlock } from '../../src/bots/slack/render';
import { canPing, limitViolations, rawButtons, visibleText } from '../helpers/slackBlocks';
import { SlackHarness } from '../helpers/slackHarness';

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

const published = () =>
  h.fake.ok('views.publish').map((c) => ({ userId: c.params.user_id, view: c.params.view as { type: string; blocks: KnownBlock[] } }));
const homeText = (view: { blocks: KnownBlock[] }) => visibleText({ text: '', blocks: view.blocks });

test('opening the home tab publishes the home view; the welcome is shown on the first visit only', async () => {
  await h.openHome('U1');
  await h.openHome('U1');
  const views = published();
  expect(views).toHaveLength(2);
  expect(views.map((v) => [v.userId, v.view.type])).toEqual([
    ['U1', 'home'],
    ['U1', 'home'],
  ]);
  expect(homeText(views[0]!.view)).toContain('Welcome to ML Engineer Mentor');
  expect(homeText(views[1]!.view)).not.toContain('Welcome to ML Engineer Mentor');
  // Both visits show the learner's next step.
  for (const v of views) expect(homeText(v.view)).toMatch(/Your next step/);
  for (const v of views) {
    const asMessage: SlackMessage = { text: 'home', blocks: v.view.blocks };
    expect(limitViolations(asMessage, 100).filter((x) => !x.startsWith('blocks '))).toEqual([]);
    expect(canPing(asMessage)).toBe(false);
  }
  expect(h.errors()).toEqual([]);
});

test('the welcome is per user', async () => {
  await h.openHome('U1');
  await h.openHome('U2');
  expect(published().map((v) => homeText(v.view).includes('Welcome to ML Engineer Mentor'))).toEqual([true, true]);
});

test('opening the Messages tab publishes nothing', async () => {
  await h.openHome('U1', 'messages');
  expect(published()).toEqual([]);
});

test('a home button answers in the DM and refreshes the home tab', async () => {
  await h.openHome('U3');
  const setup = rawButtons(published()[0]!.view.blocks).find((b) => b.label === 'Set up my path')!;
  expect(setup).toBeDefined();
  await h.click({ actionId: setup.action_id, value: setup.value, userId: 'U3', container: { type: 'view' } });

  expect(h.fake.ok('conversations.open').map((c) => c.params.users)).toEqual(['U3']);
  const posts = h.fake.ok('chat.postMessage');
  expect(posts.map((c) => c.params.channel)).toEqual(['DU3']);
  expect(visibleText({ text: '', blocks: posts[0]!.params.blocks as KnownBlock[] })).toMatch(/Setup 1 of 3/);
  // The tab is published again after the click, without the welcome.
  const views = published();
  expect(views).toHaveLength(2);
  expect(homeText(views[1]!.view)).not.toContain('Welcome to ML Engineer Mentor');
});

test('marking a topic done from the home tab shows on the refreshed home tab', async () => {
  await h.openHome('U4');
  const done = rawButtons(published()[0]!.view.blocks).find((b) => b.label === 'Mark done')!;
  await h.click({ actionId: done.action_id, value: done.value, userId: 'U4', container: { type: 'view' } });
  const [before, after] = published().map((v) => homeText(v.view));
  expect(before).toMatch(/Your progress: 0 of/);
  expect(after).toMatch(/Your progress: 1 of/);
});
