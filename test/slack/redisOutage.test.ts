/**
 * The private redis-server is killed in the middle of steady traffic through the real Slack app, then
 * started again. Every request is acked within 3 s; during the outage every answer arrives within 1.5 s
 * (the honest answer without the profile); no `done` that was confirmed is missing afterwards; progress from
 * before the outage is intact; answers are personal again without a restart; and the log says once that
 * the store went away and once that it is back.
 */
import { profileKey } from '../../src/core/profile/profileStore';
import { STORE_DOWN_CHANGE_TEXT, STORE_DOWN_NOTE } from '../../src/core/storeFailure';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { SlackHarness } from '../helpers/slackHarness';
import { startPrivateRedis, type PrivateRedis } from '../helpers/privateRedis';

const USERS = ['UOUT1', 'UOUT2', 'UOUT3', 'UOUT4', 'UOUT5', 'UOUT6'];
const TOPICS = loadKnowledgeBase().topics.map((t) => t.id).filter((id) => id !== 'python');

let redis: PrivateRedis;
let h: SlackHarness;
beforeAll(async () => {
  redis = await startPrivateRedis();
  h = await SlackHarness.start({ storeUrl: redis.url });
});
afterAll(async () => {
  await h.close();
  await redis.stop();
});

interface Sent {
  user: string;
  topic: string;
  ackMs: number;
  status: number;
  text: string;
}

let round = 0;
/** One round of traffic: every user at once sends `/mentor done <next topic>`; the answer comes in the ack. */
async function trafficRound(): Promise<Sent[]> {
  const topic = TOPICS[round++ % TOPICS.length]!;
  return Promise.all(
    USERS.map(async (user) => {
      const started = Date.now();
      const result = await h.command(`done ${topic}`, { userId: user });
      return { user, topic, ackMs: Date.now() - started, status: result.status, text: JSON.stringify(result.ack ?? '') };
    }),
  );
}

test('redis killed mid-traffic and restarted: fast honest answers, nothing confirmed is lost, recovery by itself', async () => {
  const all: Sent[] = [];
  for (const user of USERS) expect(JSON.stringify((await h.command('done python', { userId: user })).ack)).toContain('marked done');
  for (let i = 0; i < 3; i++) all.push(...(await trafficRound()));

  // A store call slowed past its bound by a busy machine before the kill is its own short outage: count this one.
  const logsBeforeKill = h.logs.length;
  await redis.kill();
  const during: Sent[] = [];
  for (let i = 0; i < 4; i++) during.push(...(await trafficRound()));
  all.push(...during);

  await redis.restart();
  const after: Sent[] = [];
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const sent = await trafficRound();
    after.push(...sent);
    if (sent.every((s) => s.text.includes('marked done'))) break;
  }
  all.push(...after);

  // Acked within 3 s, always; answered (in the ack) within 1.5 s during the outage, honestly.
  for (const s of all) {
    expect(s.status).toBe(200);
    expect(s.ackMs).toBeLessThan(3_000);
  }
  for (const s of during) {
    expect(s.ackMs).toBeLessThan(1_500);
    expect(s.text).not.toContain('marked done');
    expect(s.text).toContain(STORE_DOWN_CHANGE_TEXT.slice(0, 40));
  }
  // Personal again without a restart.
  expect(after.at(-1)!.text).not.toContain(STORE_DOWN_NOTE.slice(0, 40));
  expect(after.at(-1)!.text).toContain('marked done');

  // Every `done` that was confirmed is stored, and the progress from before the outage is intact.
  const reader = redis.connect();
  for (const user of USERS) {
    const stored = await reader.get<{ topics: Record<string, { status: string }> }>(profileKey(user));
    expect(stored?.topics.python?.status).toBe('done');
    for (const s of all.filter((sent) => sent.user === user && sent.text.includes('marked done'))) expect(stored?.topics[s.topic]?.status).toBe('done');
  }

  const outageLogs = h.logs.slice(logsBeforeKill);
  const away = outageLogs.filter((l) => l.message.startsWith('store unavailable'));
  const back = outageLogs.filter((l) => l.message.startsWith('store available again'));
  expect(away).toHaveLength(1);
  expect(back).toHaveLength(1);
});
