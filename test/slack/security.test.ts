/**
 * Request authenticity and replays: only requests signed with the signing secret, with a timestamp within
 * 5 minutes either way, reach the mentor; retries and replays of one delivery have one effect.
 */
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { profileKey } from '../../src/core/profile/profileStore';
import { commandBody, dmEvent, eventBody, postSigned, sign, SIGNING_SECRET, uniqueId } from '../helpers/slackRequests';
import { SlackHarness } from '../helpers/slackHarness';

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** Everything the app could have done: Web API calls other than auth.test, response_url posts, stored keys. */
async function sideEffects() {
  await h.slack.whenIdle();
  return { api: h.fake.calls.filter((c) => c.method !== 'auth.test').length, responses: h.fake.responses.length, profile: await h.store.get(profileKey('U1')) };
}

describe('refused with 401 and no side effect', () => {
  const cases: [string, (body: string) => { timestamp?: number | string; signature?: string | null; sentBody?: string }][] = [
    ['no signature', () => ({ signature: null })],
    ['a wrong HMAC', (body) => ({ signature: sign('not-the-secret', now(), body) })],
    ['a v1= signature', (body) => ({ signature: sign(SIGNING_SECRET, now(), body).replace('v0=', 'v1=') })],
    ['a timestamp 301 s old', () => ({ timestamp: now() - 301 })],
    ['a non-numeric timestamp', () => ({ timestamp: 'soon' })],
    ['a timestamp 10 minutes in the future', () => ({ timestamp: now() + 600 })],
    ['a body re-serialized after signing', (body) => ({ sentBody: body.replace('text=', 'text=%20') })],
  ];

  test.each(cases)('a slash command with %s', async (_name, tamper) => {
    const before = await sideEffects();
    const responseId = uniqueId('resp');
    const { body, contentType } = commandBody({ text: 'done pytorch', responseUrl: h.fake.responseUrl(responseId) });
    const t = tamper(body);
    const timestamp = t.timestamp ?? now();
    // Signed correctly for the original body and timestamp unless the case says otherwise.
    const signature = t.signature === undefined ? sign(SIGNING_SECRET, timestamp, body) : t.signature;
    const result = await postSigned(h.eventsUrl, t.sentBody ?? body, contentType, { timestamp, signature });
    expect(result.status).toBe(401);
    expect(await sideEffects()).toEqual(before);
  });

  test('a DM event 10 minutes in the future, even correctly signed', async () => {
    const before = await sideEffects();
    const { body, contentType } = eventBody(dmEvent('done pytorch'));
    const result = await postSigned(h.eventsUrl, body, contentType, { timestamp: now() + 600 });
    expect(result.status).toBe(401);
    expect(await sideEffects()).toEqual(before);
  });
});

test('a timestamp a little ahead (clock skew under 5 minutes) is accepted', async () => {
  const { body, contentType } = eventBody(dmEvent('hello'));
  const result = await postSigned(h.eventsUrl, body, contentType, { timestamp: now() + 60 });
  expect(result.status).toBe(200);
  await h.fake.waitFor(() => h.fake.ok('chat.postMessage').length === 1);
});

test('a signed url_verification gets its challenge back', async () => {
  const body = JSON.stringify({ token: 't', challenge: 'challenge-123', type: 'url_verification' });
  const result = await postSigned(h.eventsUrl, body, 'application/json');
  expect(result.status).toBe(200);
  expect(JSON.parse(result.text)).toEqual({ challenge: 'challenge-123' });
});

test('a retried event (same event_id, X-Slack-Retry-Num: 1) is answered once', async () => {
  const event = dmEvent('what should I learn next?');
  const eventId = uniqueId('Ev');
  const first = await h.event(event, eventId);
  const retry = await h.event(event, eventId, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
  expect([first.status, retry.status]).toEqual([200, 200]);
  expect(h.fake.ok('chat.postMessage')).toHaveLength(1);
  expect(h.logs.some((l) => l.message === 'slack duplicate delivery ignored' && l.retryNum === 1)).toBe(true);
});

test('a retry that arrives while the first delivery is still running is still answered once', async () => {
  const event = dmEvent('what should I learn next?');
  const eventId = uniqueId('Ev');
  const built = eventBody(event, eventId);
  await Promise.all([
    postSigned(h.eventsUrl, built.body, built.contentType),
    postSigned(h.eventsUrl, built.body, built.contentType, { headers: { 'x-slack-retry-num': '1' } }),
    postSigned(h.eventsUrl, built.body, built.contentType, { headers: { 'x-slack-retry-num': '2' } }),
  ]);
  await h.slack.whenIdle();
  expect(h.fake.ok('chat.postMessage')).toHaveLength(1);
});

test('the same message delivered under a new event_id (same client_msg_id) is answered once', async () => {
  const event = dmEvent('what should I learn next?');
  await h.event(event);
  await h.event(event);
  expect(h.fake.ok('chat.postMessage')).toHaveLength(1);
});

test('a replayed slash command (same signed request twice) changes state once', async () => {
  const responseId = uniqueId('resp');
  const { body, contentType } = commandBody({ text: 'tip', responseUrl: h.fake.responseUrl(responseId), triggerId: 'trigger-replayed' });
  const first = await postSigned(h.eventsUrl, body, contentType);
  const replay = await postSigned(h.eventsUrl, body, contentType);
  expect(first.status).toBe(200);
  expect(JSON.parse(first.text).response_type).toBe('in_channel');
  expect(replay.status).toBe(200);
  expect(replay.text).toBe('');
  await h.slack.whenIdle();
  // `tip` advances the user's tip counter: a second run would have shown a different tip next time.
  const exported = (await h.command('export')).ack as { blocks: { text?: { text: string } }[] };
  expect(JSON.stringify(exported.blocks)).toMatch(/tipsShown\\?"?:\s*1\b/);
});

test('with a shared store, deliveries are recorded with a 1-hour TTL (several instances dedupe; nothing piles up)', async () => {
  await h.close();
  h = await SlackHarness.start({ sqlite: true });
  const { eventId } = await h.dm('hello');
  expect(await h.store.setIfAbsent(`slack:seen:event:${eventId}`, 1000)).toBe(false);
  // The claim's expiry, read from its row.
  const sqlite = new KeyvSqlite({ uri: `sqlite://${path.join(h.tempDir!, 'mentor.sqlite')}` });
  const rows = (await sqlite.query('SELECT expires FROM mentor_claims WHERE key = ?', `mentor:claim:slack:seen:event:${eventId}`)) as { expires: number }[];
  await sqlite.disconnect();
  const expiresInMs = rows[0]!.expires - Date.now();
  expect(expiresInMs).toBeGreaterThan(59 * 60 * 1000);
  expect(expiresInMs).toBeLessThanOrEqual(60 * 60 * 1000);
});

test('two instances on one shared store: a retry delivered to the other instance is ignored there', async () => {
  await h.close();
  h = await SlackHarness.start({ sqlite: true });
  const second = await SlackHarness.start({ storeFrom: h });
  try {
    const event = dmEvent('what should I learn next?');
    const { eventId } = await h.event(event);
    const retry = await second.event(event, eventId, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    expect(h.fake.ok('chat.postMessage')).toHaveLength(1);
    expect(second.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    // A new message to the second instance is answered there.
    await second.dm('hello');
    expect(second.fake.ok('chat.postMessage')).toHaveLength(1);
  } finally {
    await second.close();
  }
});
