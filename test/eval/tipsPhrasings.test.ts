/**
 * Tips as people ask for them, written by helpers who read neither the code nor the knowledge base
 * (`tips-phrasings*.jsonl`): one tip now, subscribe (with the time and days they name), stop, pause (for
 * how long), resume, status, and messages that mention tips but ask about a skill. Each set must be read
 * right at least 90% of the time; the misses are printed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMentor } from '../../src/core/mentor';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { Understander } from '../../src/core/understanding/understand';
import { SubscriptionStore } from '../../src/core/tips/subscriptionStore';
import { silentLogger } from '../../src/core/logger';
import { createState } from '../../src/storage/createState';

interface Case {
  text: string;
  expect: 'tip-now' | 'subscribe' | 'stop' | 'pause' | 'resume' | 'status' | 'not-tips';
  time?: string;
  days?: string;
  pause_days?: number;
}

const understander = new Understander(loadKnowledgeBase());

/** What the mentor made of a message, in the set's labels, with the `tips` words it would run. */
function read(text: string): { label: string; settings: string } {
  const u = understander.understand(text);
  const settings = u.tipsSettings ?? '';
  if (u.intent === 'tip') return { label: 'tip-now', settings };
  if (u.intent !== 'tips') return { label: 'not-tips', settings };
  const verb = settings.split(' ')[0]!;
  return { label: ({ on: 'subscribe', off: 'stop', pause: 'pause', resume: 'resume', status: 'status' } as Record<string, string>)[verb] ?? verb, settings };
}

function right(c: Case): boolean {
  const { label, settings } = read(c.text);
  if (label !== c.expect) return false;
  const words = settings.split(' ');
  if (c.time && !words.includes(c.time)) return false;
  if (c.days && !words.includes(c.days)) return false;
  if (c.pause_days && settings !== `pause ${c.pause_days}d`) return false;
  return true;
}

const sets = ['tips-phrasings.jsonl', 'tips-phrasings-2.jsonl'];

test.each(sets)('%s: at least 90%% read right', (file) => {
  const cases = readFileSync(path.join(__dirname, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Case);
  const misses = cases.filter((c) => !right(c));
  const score = (cases.length - misses.length) / cases.length;
  if (misses.length > 0) console.log(`${file}: ${(score * 100).toFixed(1)}%, misses:\n${misses.map((c) => `  ${JSON.stringify(c)} -> ${JSON.stringify(read(c.text))}`).join('\n')}`);
  expect(cases.length).toBeGreaterThanOrEqual(40);
  expect(score).toBeGreaterThanOrEqual(0.9);
});

test('written in a DM, such a request does what the command would', async () => {
  const store = createState('memory');
  const mentor = createMentor({ store, now: () => new Date('2026-12-01T06:00:00Z') });
  const place = { platform: 'slack' as const, channelId: 'D1', direct: true, timezone: 'Europe/Paris' };
  const subscriptions = new SubscriptionStore(store, silentLogger);
  await mentor.handle({ kind: 'message', userId: 'U1', text: 'could you send me a tip every weekday at 7:30?', place });
  expect(await subscriptions.get('slack:person:U1')).toMatchObject({ time: '07:30', timezone: 'Europe/Paris', weekdays: [1, 2, 3, 4, 5] });
  // Right after an answer about the tips, a follow-up need not say "tips".
  await mentor.handle({ kind: 'message', userId: 'U1', text: 'actually make it weekends only', place });
  expect(await subscriptions.get('slack:person:U1')).toMatchObject({ time: '07:30', weekdays: [6, 7] });
  await mentor.handle({ kind: 'message', userId: 'U1', text: 'pls pause the tips for 3 days', place });
  // Three days from the request (one person's requests are a millisecond apart at least).
  expect((await subscriptions.get('slack:person:U1'))?.pausedUntil).toMatch(/^2026-12-04T06:00:00/);
  await mentor.handle({ kind: 'message', userId: 'U1', text: 'ok no more tips thanks', place });
  expect(await subscriptions.get('slack:person:U1')).toBeUndefined();
  // Advice about a skill stays a question about the path.
  const advice = await mentor.handle({ kind: 'message', userId: 'U1', text: 'any tips for learning pytorch?', place });
  expect(advice.about?.topics).toContain('pytorch');
  await store.disconnect();
});
