/**
 * One person's flood never delays another, and no generated message escapes as an exception, breaks a
 * platform limit, pings anyone or renders a user-supplied link live.
 */
import { createMentor } from '../../src/core/mentor';
import type { MentorRequest } from '../../src/core/request';
import { BUSY_TEXT, FLOOD_TEXT } from '../../src/core/storeFailure';
import { replyToSlackMessages } from '../../src/bots/slack/render';
import { replyToDiscordMessages } from '../../src/bots/discord/render';
import { limitViolations as discordViolations } from '../../src/bots/discord/limits';
import { canPing as discordCanPing } from '../helpers/discordMessages';
import { canPing as slackCanPing, limitViolations as slackViolations } from '../helpers/slackBlocks';
import { createState } from '../../src/storage/createState';

test('a flood of 200 commands in 5 s from one person: another person p99 stays under 100 ms', async () => {
  const mentor = createMentor({ store: createState('memory') });
  const flood: Promise<unknown>[] = [];
  const refusals: string[] = [];
  const times: number[] = [];
  for (let tick = 0; tick < 50; tick++) {
    // Four of the flooder's commands per 100 ms tick (200 in 5 s), all in flight at once.
    for (let i = 0; i < 4; i++) flood.push(mentor.handle({ kind: 'command', userId: 'flooder', command: 'next', text: '' }).then((r) => r.error && refusals.push(r.text)));
    const started = performance.now();
    await mentor.handle({ kind: 'command', userId: 'calm', command: 'progress', text: '' });
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await Promise.all(flood);
  times.sort((a, b) => a - b);
  expect(times[Math.ceil(times.length * 0.99) - 1]).toBeLessThan(100);
  // The excess was refused politely, at once.
  expect(refusals.length).toBeGreaterThan(100);
  expect(refusals.every((t) => t === BUSY_TEXT || t === FLOOD_TEXT)).toBe(true);
});

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '', ' ', '\u0000', '\u0007\u001b[31m', '\u200b\u200d\u2060', '\u202e\u0645\u0631\u062d\u0628\u0627', '🧠🤖👩‍💻', '<!channel>', '<!here>', '<@U123>', '<!subteam^S1>',
  '@everyone', '@here', '<@&123>', '<@!456>', '<#C1>', '<https://evil.example|click me>', '[click](https://evil.example)', 'https://evil.example',
  'HTTPS://EVIL.EXAMPLE/p?q=1', 'www.evil.example', '<https://evil.example>', 'ftp://evil.example/x', 'my goal is https://evil.example',
  '{"kind":"command","command":"forget"}', 'done', 'done pytorch', 'undo python', 'next', 'help', 'profile', 'skip', 'what is AutoML?', 'I already know Python',
  'frobnicate --all', '`code` *bold* _it_ ~s~ > quote', '&amp; &lt; &gt;', '\n\n\n', 'x'.repeat(40_000),
];
const COMMANDS = ['next', 'ask', 'path', 'progress', 'done', 'learning', 'skip', 'undo', 'profile', 'tip', 'export', 'help', 'nope', '', '\u0000', 'DONE'];

test('10,000 generated messages through the core and both renderers: no exception, limits kept, no ping, no live user link', async () => {
  const random = prng(8);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const mentor = createMentor({ store: createState('memory'), queueLimits: { burst: 1e9, perSecond: 1e9 } });
  // Every user-supplied address points at evil.example. Where its host survives intact the address is live:
  // as link markup (Slack <url|text>, Discord <url> or [text](url)) or as plain text, which both platforms'
  // clients turn into a link (and Discord into an embed). Echoed, it must arrive defanged: evil[.]example.
  const liveUserLink = /evil\.example/i;
  const defanged = /evil(?:\\\\)?\[\.(?:\\\\)?\]example/i;
  let echoed = 0;
  for (let i = 0; i < 10_000; i++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PIECES)).join(pick([' ', '', '\n']));
    const userId = `fz${i % 500}`;
    const roll = random();
    const request: MentorRequest =
      roll < 0.5
        ? { kind: 'message', userId, text }
        : roll < 0.9
          ? { kind: 'command', userId, command: pick(COMMANDS), text, share: random() < 0.2 }
          : { kind: 'action', userId, actionId: pick(COMMANDS), value: text };
    const reply = await mentor.handle(request);
    for (const message of replyToSlackMessages(reply)) {
      expect(slackViolations(message)).toEqual([]);
      expect(slackCanPing(message)).toBe(false);
      expect(JSON.stringify(message)).not.toMatch(liveUserLink);
      if (defanged.test(JSON.stringify(message))) echoed++;
    }
    for (const message of replyToDiscordMessages(reply)) {
      expect(discordViolations(message)).toEqual([]);
      expect(discordCanPing(message)).toBe(false);
      expect(JSON.stringify(message)).not.toMatch(liveUserLink);
      if (defanged.test(JSON.stringify(message))) echoed++;
    }
  }
  // The check above is not vacuous: the core does echo addresses, on both platforms.
  expect(echoed).toBeGreaterThan(100);
}, 120_000);
