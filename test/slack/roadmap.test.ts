/**
 * The roadmap picture on Slack, end to end (real Bolt, real core, the fake Web API): `/mentor path` uploads
 * the PNG with the external upload calls after the text answer, privately into the learner's DM when the
 * answer was private; the home tab's "Show my roadmap" does the same; a refused upload leaves the text.
 */
import { DM_NOTE } from '../../src/bots/slack/image';
import { imageCache } from '../../src/render/imageCache';
import { SlackHarness } from '../helpers/slackHarness';

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface UploadedFile {
  id: string;
  title?: string;
}

const completedFiles = (params: Record<string, unknown>): UploadedFile[] => (typeof params.files === 'string' ? JSON.parse(params.files) : params.files) as UploadedFile[];

test('/mentor path answers in the ack, then uploads the picture to the asker\'s DM (the answer is private)', async () => {
  const result = await h.command('path', { userId: 'U1', channelId: 'C1' });
  expect(result.status).toBe(200);
  expect(result.ack).toMatchObject({ response_type: 'ephemeral' });
  expect(String(result.ack!.text)).toContain('Your path to ML engineer');

  const complete = await h.fake.waitFor(() => h.fake.ok('files.completeUploadExternal')[0]);
  const [asked] = h.fake.ok('files.getUploadURLExternal');
  expect(asked!.params).toMatchObject({ filename: 'roadmap.png' });
  expect(Number(asked!.params.length)).toBeGreaterThan(10_000);
  const [upload] = h.fake.uploads;
  expect(upload!.fileId).toBe('F1');
  expect(upload!.body.includes(PNG_SIGNATURE)).toBe(true);
  // Shared into the DM with the asker, never the channel where the answer was ephemeral.
  expect(complete.params.channel_id).toBe('DU1');
  expect(complete.params.initial_comment).toBe(DM_NOTE);
  const [file] = completedFiles(complete.params);
  expect(file).toMatchObject({ id: 'F1', title: 'Your roadmap' });
  // The library sends the alt text with the upload URL request (files.getUploadURLExternal).
  expect(String(asked!.params.alt_text)).toMatch(/^Picture of your path to ML engineer: 0 of 26 topics done\. Next step: /);
  expect(h.errors()).toEqual([]);
});

test('a shared answer (`path share`) puts the picture in the channel itself', async () => {
  await h.command('path share', { userId: 'U2', channelId: 'C9' });
  const complete = await h.fake.waitFor(() => h.fake.ok('files.completeUploadExternal')[0]);
  expect(complete.params.channel_id).toBe('C9');
  expect(complete.params.initial_comment).toBeUndefined();
  expect(h.fake.ok('conversations.open')).toEqual([]);
});

test('asking twice renders once and uploads the same bytes twice', async () => {
  const rendersBefore = imageCache.renders;
  await h.command('path', { userId: 'U3', channelId: 'DU3' });
  await h.fake.waitFor(() => h.fake.ok('files.completeUploadExternal').length === 1);
  await h.command('path', { userId: 'U3', channelId: 'DU3' });
  await h.fake.waitFor(() => h.fake.ok('files.completeUploadExternal').length === 2);
  const [first, second] = h.fake.uploads;
  expect(second!.body.length).toBe(first!.body.length);
  // One render at most for both (none if an earlier test already drew this same picture).
  expect(imageCache.renders - rendersBefore).toBeLessThanOrEqual(1);
  expect(h.fake.ok('files.completeUploadExternal').map((c) => c.params.channel_id)).toEqual(['DU3', 'DU3']);
});

test('"Show my roadmap" in the home tab sends the text and the picture to the DM', async () => {
  await h.click({ actionId: 'mentor:path:0', value: '', userId: 'U4', container: { type: 'view' } });
  await h.fake.waitFor(() => h.fake.ok('files.completeUploadExternal')[0]);
  const posted = h.fake.ok('chat.postMessage');
  expect(posted.map((c) => c.params.channel)).toEqual(['DU4']);
  expect(String(posted[0]!.params.text)).toContain('Your path to ML engineer');
  expect(h.fake.ok('files.completeUploadExternal')[0]!.params.channel_id).toBe('DU4');
});

test('a DM asking for the path gets the text and then the picture in the same DM', async () => {
  await h.dm('show me my path', 'U6');
  await h.fake.waitFor(() => h.fake.ok('files.completeUploadExternal')[0]);
  const posted = h.fake.ok('chat.postMessage');
  expect(String(posted[0]!.params.text)).toContain('Your path to ML engineer');
  expect(h.fake.ok('files.completeUploadExternal')[0]!.params.channel_id).toBe('DU6');
  expect(h.fake.ok('conversations.open')).toEqual([]);
});

test('a refused upload (missing scope) still delivers the text once, logs the failure and posts nothing more', async () => {
  h.fake.failApi('files.getUploadURLExternal', { error: 'missing_scope' });
  const result = await h.command('path', { userId: 'U5', channelId: 'DU5' });
  expect(String(result.ack!.text)).toContain('Your path to ML engineer');
  await h.slack.whenIdle();
  await h.fake.waitFor(() => h.logs.find((l) => l.message.includes('could not send the roadmap picture')));
  expect(h.fake.calls.filter((c) => c.method === 'files.getUploadURLExternal')).toHaveLength(1);
  expect(h.fake.calls.filter((c) => c.method === 'files.completeUploadExternal')).toEqual([]);
  expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  expect(h.fake.responses).toEqual([]);
  expect(h.errors()).toEqual([]);
});

test('answers without a picture upload nothing', async () => {
  await h.command('next', { userId: 'U7', channelId: 'DU7' });
  await h.slack.whenIdle();
  expect(h.fake.calls.filter((c) => c.method.startsWith('files.'))).toEqual([]);
});
