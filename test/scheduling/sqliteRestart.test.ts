/**
 * One process on the embedded SQLite store (croner): a restart in the middle of a run. SIGTERM finishes the
 * posts under way and starts none, so the next start posts the rest and nothing twice; SIGKILL leaves the
 * posts under way claimed until their lease expires, then they are retried: nothing missed, and a second
 * post only for one under way at the kill (at most the concurrency). Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startApp, type AppProcess } from '../helpers/appProcess';
import { SlackPostFake } from '../helpers/slackPostFake';
import { createState } from '../../src/storage/createState';
import { tempSqlite, type TempSqlite } from '../helpers/tempStore';
import { notYetSent, seedChannelSubscriptions, tipsAppEnv } from './tipsFixture';

const MAIN = path.join(ROOT, 'dist', 'main.js');
const CONCURRENCY = 4;

jest.setTimeout(90_000);

describe('tips in one process on SQLite, restarted mid-run', () => {
  let db: TempSqlite;
  let fake: SlackPostFake;
  const apps: AppProcess[] = [];

  const start = (token: string): AppProcess => {
    const app = startApp(
      { compiled: MAIN },
      tipsAppEnv({ storeUrl: db.url, token, apiUrl: fake.apiUrl, concurrency: CONCURRENCY }, {
        TIPS_LEASE_MS: '3000',
      }),
    );
    apps.push(app);
    return app;
  };
  const started = (app: AppProcess) => app.waitForLog((l) => l.message === 'tips scheduler started', 30_000);
  const seed = async (channels: string[]) => {
    const store = createState(db.url, { timeoutMs: 5_000 });
    try {
      await seedChannelSubscriptions(store, channels, new Date());
    } finally {
      await store.disconnect();
    }
  };
  /** Until the app has recorded every post as sent (a post retried after its lease included). */
  const allRecorded = async (channels: string[]) => {
    const store = createState(db.url, { timeoutMs: 5_000 });
    const ids = channels.map((c) => `slack:channel:${c}`);
    const today = new Date().toISOString().slice(0, 10);
    try {
      const until = Date.now() + 45_000;
      while ((await notYetSent(store, ids, today)).length > 0) {
        if (Date.now() > until) throw new Error(`not recorded in time: ${(await notYetSent(store, ids, today)).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await store.disconnect();
    }
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first');
    db = tempSqlite();
    fake = await SlackPostFake.start({ delayMs: 100 });
  });

  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await fake?.close();
    db?.cleanup();
  });

  it('SIGTERM mid-run finishes the posts under way; the next start posts the rest; nothing twice', async () => {
    const channels = Array.from({ length: 60 }, (_, i) => `CT${String(i).padStart(3, '0')}`);
    await seed(channels);
    const first = start('xoxb-first');
    await started(first);
    await fake.waitFor(() => fake.posts.length >= 20, 45_000, 'posting under way');
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    const before = fake.posts.length;
    expect(before).toBeLessThan(60);

    const second = start('xoxb-second');
    await started(second);
    await fake.waitFor(() => channels.every((c) => fake.count(c) >= 1), 45_000, 'every channel posted');
    await allRecorded(channels);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(channels.filter((c) => fake.count(c) !== 1)).toEqual([]);
  });

  it('SIGKILL mid-run: the posts under way are retried after their lease; nothing missed, at most the concurrency twice', async () => {
    const channels = Array.from({ length: 60 }, (_, i) => `CK${String(i).padStart(3, '0')}`);
    await seed(channels);
    const first = start('xoxb-killed');
    await started(first);
    await fake.waitFor(() => fake.posts.filter((p) => p.token === 'xoxb-killed').length >= 20, 45_000, 'posting under way');
    first.child.kill('SIGKILL');
    await first.exited;

    const second = start('xoxb-after-kill');
    await started(second);
    await fake.waitFor(() => channels.every((c) => fake.count(c) >= 1), 45_000, 'every channel posted');
    await allRecorded(channels);
    // Stop gracefully: whatever it had under way is finished and counted before the assertions.
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    const twice = channels.filter((c) => fake.count(c) > 1);
    for (const channel of twice) {
      expect(fake.posts.filter((p) => p.channel === channel).map((p) => p.token)).toEqual(['xoxb-killed', 'xoxb-after-kill']);
    }
    expect(twice.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(channels.filter((c) => fake.count(c) === 0)).toEqual([]);
    process.stdout.write(`sqlite: ${twice.length} post(s) repeated after the SIGKILL (bound ${CONCURRENCY})\n`);
  });
});
