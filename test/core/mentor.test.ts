import { createState } from '../../src/storage/createState';
import { StoreUnavailableError, type StatePort } from '../../src/core/state/statePort';
import sqlite3 from 'sqlite3';
import { createMentor, type Mentor } from '../../src/core/mentor';
import type { Reply } from '../../src/core/reply';
import { profileKey } from '../../src/core/profile/profileStore';
import { tempSqlite, type TempSqlite } from '../helpers/tempStore';

const buttonsOf = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
const say = (m: Mentor, userId: string, text: string) => m.handle({ kind: 'message', userId, text });
const press = (m: Mentor, userId: string, actionId: string, value: string) => m.handle({ kind: 'action', userId, actionId, value });
const command = (m: Mentor, userId: string, name: string, text = '') => m.handle({ kind: 'command', userId, command: name, text });

function sqliteKeys(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    db.all('SELECT key FROM keyv', (error: Error | null, rows: { key: string }[]) => {
      db.close();
      if (error) reject(error);
      else resolve(rows.map((r) => r.key));
    });
  });
}

describe('mentor on a real SQLite file', () => {
  let db: TempSqlite;
  let store: StatePort;
  let mentor: Mentor;

  beforeEach(() => {
    db = tempSqlite();
    store = db.open();
    mentor = createMentor({ store });
  });
  afterEach(async () => {
    await store.disconnect();
    db.cleanup();
  });

  it("answers a newcomer's first message as asked and offers the setup beside it", async () => {
    const first = await say(mentor, 'new', 'what is automl?');
    expect(first.blocks[0]).toEqual({ type: 'heading', text: expect.stringContaining('AutoML') });
    expect(buttonsOf(first)).toContainEqual(expect.objectContaining({ actionId: 'profile' }));
    const second = await say(mentor, 'new', 'what is automl?');
    expect(second.text).not.toContain('Welcome');
  });

  it('drives the onboarding to its end with buttons and free text, and uses it afterwards', async () => {
    const q1 = await command(mentor, 'ada', 'profile');
    expect(q1.text).toContain('Setup 1 of 3');
    expect(buttonsOf(q1).map((b) => b.value)).toContain('background:data-scientist');
    const q2 = await say(mentor, 'ada', 'I am a data scientist');
    expect(q2.text).toContain('Setup 2 of 3');
    const stillQ2 = await press(mentor, 'ada', 'answer', 'known:pytorch');
    expect(stillQ2.text).toContain('So far: PyTorch');
    const q3 = await say(mentor, 'ada', 'done');
    expect(q3.text).toContain('Setup 3 of 3');
    const finished = await press(mentor, 'ada', 'answer', 'goal:ml-in-production');
    expect(finished.text).toContain('Your profile is set up');
    expect(finished.blocks).toContainEqual({ type: 'heading', text: 'Your next step: MLOps' });

    const exported = JSON.parse((await command(mentor, 'ada', 'export')).blocks[1]!.type === 'text' ? ((await command(mentor, 'ada', 'export')).blocks[1] as { text: string }).text : '{}');
    expect(exported.profile.background).toBe('data-scientist');
    expect(exported.profile.goal).toEqual({ id: 'ml-in-production', text: expect.any(String) });
    expect(exported.profile.topics.pytorch.status).toBe('done');
    expect(exported.conversation).toBeNull();
  });

  it('answers a question asked mid-setup and asks the setup question again', async () => {
    await command(mentor, 'q', 'profile');
    const reply = await say(mentor, 'q', 'what is kubeflow?');
    expect(reply.text).toContain('Kubeflow');
    expect(reply.text).toContain('Setup 1 of 3');
  });

  it('keeps questions, commands and empty text out of the goal, and forget works mid-setup', async () => {
    await command(mentor, 'g', 'profile');
    await press(mentor, 'g', 'answer', 'background:software-engineer');
    await press(mentor, 'g', 'answer', 'known:done');
    for (const text of ['help', 'what is mlops?', '\u200b', 'ok']) {
      const reply = await say(mentor, 'g', text);
      expect(reply.text).toContain('Setup 3 of 3');
    }
    // The "Done" of question 2 pressed again is stale now: it must not become the goal.
    const stale = await press(mentor, 'g', 'answer', 'known:done');
    expect(stale.text).toContain('belongs to an earlier setup question');
    const exported = JSON.parse(((await command(mentor, 'g', 'export')).blocks[1] as { text: string }).text);
    expect(exported.profile.goal).toBeUndefined();
    expect(exported.conversation.step).toBe('goal');
    const asked = await say(mentor, 'g', 'forget');
    expect(asked.text).toContain('cannot be undone');
    expect(await store.get(profileKey('g'))).toBeDefined();
    const gone = await say(mentor, 'g', 'yes');
    expect(gone.text).toContain('deleted everything');
    expect(gone.text).not.toContain('Welcome');
    expect(await store.get('conversation:g')).toBeUndefined();
    expect(await store.get(profileKey('g'))).toBeUndefined();
  });

  it('takes a goal in the learner own words', async () => {
    await command(mentor, 'own', 'profile');
    await press(mentor, 'own', 'answer', 'background:skip');
    await press(mentor, 'own', 'answer', 'known:done');
    const reply = await say(mentor, 'own', 'build recommendation systems at a startup');
    expect(reply.text).toContain('Your profile is set up');
    expect(reply.text).toContain('Goal: build recommendation systems at a startup');
  });

  it('records what a learner says they do not know in the setup', async () => {
    await command(mentor, 'nk', 'profile');
    await say(mentor, 'nk', 'I am a data scientist');
    const reply = await say(mentor, 'nk', "I don't know Python or any frameworks");
    expect(reply.text).toContain('Setup 3 of 3');
    const exported = JSON.parse(((await command(mentor, 'nk', 'export')).blocks[1] as { text: string }).text);
    expect(exported.profile.topics.python.status).toBe('todo');
    expect(exported.profile.topics['ml-frameworks'].status).toBe('todo');
  });

  it('answers a question at the "what you know" step without marking it known', async () => {
    await command(mentor, 'kq', 'profile');
    await press(mentor, 'kq', 'answer', 'background:never-coded');
    const reply = await say(mentor, 'kq', 'what is automl?');
    expect(reply.text).toContain('AutoML');
    expect(reply.text).toContain('Setup 2 of 3');
    const exported = JSON.parse(((await command(mentor, 'kq', 'export')).blocks[1] as { text: string }).text);
    expect(exported.profile.topics).toEqual({});
  });

  it('leaves the setup where it was when the profile cannot be saved', async () => {
    const failing = createState('memory');
    let refuse = false;
    const set = failing.set.bind(failing);
    failing.set = async (key: string, value: unknown, ttl?: number) => {
      if (refuse && key.startsWith('profile:')) throw new StoreUnavailableError('refused');
      return set(key, value, ttl);
    };
    const m = createMentor({ store: failing });
    await m.handle({ kind: 'command', userId: 'w', command: 'profile', text: '' });
    refuse = true;
    const failed = await press(m, 'w', 'answer', 'background:data-scientist');
    expect(failed.error).toBe(true);
    refuse = false;
    const retried = await press(m, 'w', 'answer', 'background:data-scientist');
    expect(retried.text).toContain('Setup 2 of 3');
  });

  it('lets the learner stop the setup at any point', async () => {
    await command(mentor, 's', 'profile');
    expect((await say(mentor, 's', 'stop')).text).toContain('Setup stopped');
    expect((await say(mentor, 's', 'what should I learn next?')).blocks).toContainEqual({ type: 'heading', text: 'Your next step: Code fundamentals' });
  });

  it('uses an earlier statement in a later answer', async () => {
    const fresh = await say(mentor, 'other', 'what should I learn next?');
    await say(mentor, 'ds', "I'm a data scientist");
    const later = await say(mentor, 'ds', 'what should I learn next?');
    expect(fresh.blocks).toContainEqual({ type: 'heading', text: 'Your next step: Code fundamentals' });
    expect(later.blocks).toContainEqual({ type: 'heading', text: 'Your next step: MLOps' });
    await say(mentor, 'kn', 'I already know Python and TensorFlow');
    expect((await command(mentor, 'kn', 'progress')).text).toMatch(/Done or known: .*Python.*TensorFlow/);
  });

  it('marks, skips and undoes topics, with friendly refusals that change nothing', async () => {
    await command(mentor, 'm', 'done', 'pytroch');
    await command(mentor, 'm', 'skip', 'R and Julia');
    expect((await command(mentor, 'm', 'progress')).text).toMatch(/Done or known: .*PyTorch[\s\S]*Skipped: R and Julia/);
    await command(mentor, 'm', 'undo', 'r-and-julia');
    expect((await command(mentor, 'm', 'progress')).text).toContain('Skipped: nothing');
    const before = await store.get(profileKey('m'));
    const refused = [
      await command(mentor, 'm', 'done', 'basket weaving'),
      await command(mentor, 'm', 'done', ''),
      await command(mentor, 'm', 'done', 'x'.repeat(10_000)),
      await command(mentor, 'm', 'next', 'extra words'),
      await command(mentor, 'm', 'frobnicate'),
      await command(mentor, 'm', 'undo', 'keras'),
    ];
    for (const r of refused) expect(r.error).toBe(true);
    expect(await store.get(profileKey('m'))).toEqual(before);
  });

  it('keeps personal answers private unless shared', async () => {
    expect((await command(mentor, 'v', 'next')).visibility).toBe('private');
    expect((await mentor.handle({ kind: 'command', userId: 'v', command: 'next', text: '', share: true })).visibility).toBe('public');
  });

  it('handles concurrent messages of one user in order without losing an update', async () => {
    const ids = ['python', 'tensorflow', 'pytorch', 'keras', 'apache-spark', 'mlops'];
    await Promise.all(ids.map((id) => command(mentor, 'fast', 'done', id)));
    const stored = (await store.get(profileKey('fast'))) as { topics: Record<string, unknown> };
    expect(Object.keys(stored.topics).sort()).toEqual([...ids].sort());
  });

  it('forget leaves nothing of the user in the store', async () => {
    await say(mentor, 'gone', "I'm a data scientist");
    await command(mentor, 'gone', 'profile');
    await command(mentor, 'keep', 'done', 'python');
    expect((await sqliteKeys(db.file)).some((k) => k.includes('gone'))).toBe(true);
    const reply = await command(mentor, 'gone', 'forget', 'confirm');
    expect(reply.text).toContain('deleted everything');
    const keys = await sqliteKeys(db.file);
    expect(keys.filter((k) => k.includes('gone'))).toEqual([]);
    expect(keys.some((k) => k.includes('keep'))).toBe(true);
  });

  it('reports and resets a corrupt record instead of crashing', async () => {
    await store.set(profileKey('broken'), { schemaVersion: 'one', topics: 'nonsense' });
    const reply = await command(mentor, 'broken', 'next');
    expect(reply.text).toContain('could not be read');
    expect(reply.blocks).toContainEqual({ type: 'heading', text: 'Your next step: Code fundamentals' });
    expect(await store.get(profileKey('broken'))).toMatchObject({ schemaVersion: 1, userId: 'broken' });
    // Rows that are not even JSON are read as corrupt too.
    await new Promise<void>((resolve, reject) => {
      const raw = new sqlite3.Database(db.file);
      raw.run("UPDATE keyv SET value = '{not json' WHERE key = 'mentor:profile:broken'", (e: Error | null) => (raw.close(), e ? reject(e) : resolve()));
    });
    const again = await command(mentor, 'broken', 'progress');
    expect(again.error).toBeUndefined();
  });

  it('repairs a partly damaged record, keeping every valid part and a copy of the original', async () => {
    const at = '2026-11-01T00:00:00.000Z';
    const damaged = {
      schemaVersion: 1,
      userId: 'partly',
      background: 'data-scientist',
      topics: { python: { status: 'mastered', previous: 'none', updatedAt: at }, pytorch: { status: 'done', previous: 'none', updatedAt: at } },
      tipsShown: -3,
      greeted: true,
      homeWelcomed: false,
      createdAt: at,
      updatedAt: at,
    };
    await store.set(profileKey('partly'), damaged);
    const reply = await command(mentor, 'partly', 'progress');
    expect(reply.text).toContain('could not be read');
    expect(reply.text).toMatch(/Done or known: .*PyTorch/);
    const repaired = (await store.get(profileKey('partly'))) as { background: string; topics: Record<string, unknown>; tipsShown: number };
    expect(repaired.background).toBe('data-scientist');
    expect(Object.keys(repaired.topics)).toEqual(['pytorch']);
    expect(repaired.tipsShown).toBe(0);
    expect(await store.get('profile-corrupt:partly')).toEqual(damaged);
    await command(mentor, 'partly', 'forget', 'confirm');
    expect(await store.get('profile-corrupt:partly')).toBeUndefined();
  });

  it('never overwrites a record written by a newer release', async () => {
    const newer = { schemaVersion: 2, userId: 'future', somethingNew: true };
    await store.set(profileKey('future'), newer);
    const reply = await command(mentor, 'future', 'done', 'python');
    expect(reply.error).toBe(true);
    expect(await store.get(profileKey('future'))).toEqual(newer);
  });

  it('suggests topics for autocomplete, best first and at most 25', () => {
    expect(mentor.suggestTopics('pyt').map((t) => t.id)[0]).toBe('python');
    expect(mentor.suggestTopics('pyt').map((t) => t.id)).toContain('pytorch');
    expect(mentor.suggestTopics('hugging').map((t) => t.id)).toEqual(['hugging-face-transformers']);
    expect(mentor.suggestTopics('').length).toBeLessThanOrEqual(25);
    expect(mentor.suggestTopics('tensorflw').map((t) => t.id)).toContain('tensorflow');
  });

  it('publishes a home view whose welcome does not repeat', async () => {
    const first = await mentor.handle({ kind: 'home', userId: 'h' });
    const second = await mentor.handle({ kind: 'home', userId: 'h' });
    expect(first.text).toContain('Welcome to ML Engineer Mentor');
    expect(second.text).not.toContain('Welcome to ML Engineer Mentor');
    expect(second.text).toContain('Your next step');
  });

  it('refuses a request with no user, or of no known kind, with a Reply', async () => {
    expect((await mentor.handle({ kind: 'message', userId: '', text: 'hi' })).error).toBe(true);
    expect((await mentor.handle({ kind: 'teleport', userId: 'u' } as never)).error).toBe(true);
    expect((await mentor.handle(null as never)).error).toBe(true);
  });

  it('treats invisible characters in a user id as the same user', async () => {
    await command(mentor, 'same', 'done', 'python');
    expect((await command(mentor, 'sa\u200bme', 'progress')).text).toMatch(/Done or known: .*Python/);
  });

  it('does not take statements from questions', async () => {
    await say(mentor, 'asker', 'Is an ML engineer the same as a data scientist?');
    await say(mentor, 'asker', 'Do I need Python if I already know R?');
    const exported = JSON.parse(((await command(mentor, 'asker', 'export')).blocks[1] as { text: string }).text);
    expect(exported.profile.background).toBeUndefined();
    expect(exported.profile.topics).toEqual({});
  });

  it('reads each clause of a statement on its own', async () => {
    const reply = await say(mentor, 'clauses', "I know Python, I'm learning PyTorch");
    expect(reply.text).toContain('Noted: you know Python; you are learning PyTorch');
    expect(reply.blocks).toContainEqual({ type: 'heading', text: 'Keep going with: PyTorch' });
  });
});

describe('forget hook', () => {
  it('lets front ends delete their own user-scoped records', async () => {
    const store = createState('memory');
    await store.set('discord:undeliverable:f1', { since: 'x' });
    const mentor = createMentor({ store, onForget: async (id) => void (await store.delete(`discord:undeliverable:${id}`)) });
    await mentor.handle({ kind: 'command', userId: 'f1', command: 'done', text: 'python' });
    await mentor.handle({ kind: 'command', userId: 'f1', command: 'forget', text: 'confirm' });
    expect(await store.get('discord:undeliverable:f1')).toBeUndefined();
    expect(await store.get(profileKey('f1'))).toBeUndefined();
  });
});
