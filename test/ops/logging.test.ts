/**
 * The production logger: JSON lines by level, errors with stack and cause, one child logger per request,
 * and no secret in any line, whether it sits in a nested field or inside a library's message string.
 */
import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { createPinoLogger } from '../../src/logging/pinoLogger';
import { requestLogger } from '../../src/core/logger';
import { toBoltLogger } from '../../src/bots/slack/boltLogger';
import { installCrashHandlers } from '../../src/ops/crashHandlers';

const BOT_TOKEN = 'xoxb-1234567890-abcdefghijklmnop';
const SIGNING = 'f00dfeedcafe1234signing';
const APP_TOKEN = 'xapp-1-A111-222-abcdef';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz012345';
const RESPONSE_URL = 'https://hooks.slack.com/commands/T1/123/abcdefSECRETxyz';
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzOnNlY3JldHRva2Vu';
const OPENAI_KEY = 'sk-proj-abcdefghijklmnopqrstuvwx';
const SECRETS = [BOT_TOKEN, SIGNING, APP_TOKEN, DISCORD_TOKEN, RESPONSE_URL, INTERACTION_TOKEN, OPENAI_KEY];

function capture(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createPinoLogger({ level, secrets: [BOT_TOKEN, SIGNING, APP_TOKEN, DISCORD_TOKEN], destination });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const expectNoSecret = (lines: string[]) => {
  for (const secret of SECRETS) expect(lines.join('\n')).not.toContain(secret);
};

test('secrets in nested fields never reach the log, whatever the key', () => {
  const { logger, lines } = capture();
  logger.info('request', {
    body: { token: 'legacy', response_url: RESPONSE_URL, payload: { headers: { authorization: `Bot ${DISCORD_TOKEN}` } } },
    list: [{ note: `token is ${BOT_TOKEN}` }, { url: `/api/v10/interactions/123/${INTERACTION_TOKEN}/callback` }],
    config: { SLACK_SIGNING_SECRET: SIGNING, nested: { deeper: { apiKey: OPENAI_KEY, text: `key ${OPENAI_KEY}` } } },
  });
  expect(lines).toHaveLength(1);
  expectNoSecret(lines);
  expect(lines[0]).toContain('[redacted]');
});

test("secrets inside a library's message string are cut out (Bolt's and discord.js's)", () => {
  const { logger, lines } = capture();
  const bolt = toBoltLogger(logger);
  bolt.setLevel('debug' as never);
  bolt.warn(`Failed to post to ${RESPONSE_URL} with token=${BOT_TOKEN} (app token ${APP_TOKEN}, secret ${SIGNING})`);
  const apiError = new DiscordAPIError(
    { code: 10062, message: 'Unknown interaction' },
    10062,
    404,
    'POST',
    `https://discord.com/api/v10/interactions/1234/${INTERACTION_TOKEN}/callback`,
    { body: undefined, files: undefined },
  );
  logger.error(`request to https://discord.com/api/v10/webhooks/99/${INTERACTION_TOKEN} failed`, { error: apiError });
  expect(lines).toHaveLength(2);
  expectNoSecret(lines);
});

test("an error is logged with its stack and its cause's stack", () => {
  const { logger, parsed } = capture();
  const cause = new Error(`connect ECONNREFUSED (auth ${BOT_TOKEN})`);
  logger.error('store failed', { error: new Error('could not save the profile', { cause }) });
  const [line] = parsed();
  const error = line!.error as { type: string; message: string; stack: string; cause: { stack: string } };
  expect(line!.level).toBe('error');
  expect(error.type).toBe('Error');
  expect(error.stack).toMatch(/could not save the profile\n\s+at /);
  expect(error.cause.stack).toMatch(/ECONNREFUSED.*\n\s+at /);
  expectNoSecret([JSON.stringify(line)]);
});

test('a child logger per request puts platform, user and delivery id on every line; levels filter', () => {
  const { logger, parsed } = capture('info');
  const request = requestLogger(logger, { platform: 'slack', user: 'U1', delivery: 'Ev1' });
  request.debug('not shown');
  request.info('answered', { ms: 3 });
  expect(parsed()).toEqual([expect.objectContaining({ level: 'info', message: 'answered', platform: 'slack', user: 'U1', delivery: 'Ev1', ms: 3 })]);
});

test('an unhandled rejection and an uncaught exception are logged with their stack, then the process exits non-zero', () => {
  const { logger, parsed } = capture();
  const exits: number[] = [];
  const before = { rejection: process.listeners('unhandledRejection'), exception: process.listeners('uncaughtException') };
  installCrashHandlers(logger, (code) => exits.push(code));
  const added = {
    rejection: process.listeners('unhandledRejection').filter((l) => !before.rejection.includes(l)),
    exception: process.listeners('uncaughtException').filter((l) => !before.exception.includes(l)),
  };
  try {
    process.emit('unhandledRejection', new Error('nobody awaited me'), Promise.resolve());
    for (const listener of added.exception) listener(new Error('thrown in a callback'), 'uncaughtException');
  } finally {
    for (const l of added.rejection) process.off('unhandledRejection', l);
    for (const l of added.exception) process.off('uncaughtException', l);
  }
  expect(exits).toEqual([1, 1]);
  const stacks = parsed().map((l) => (l.error as { stack: string }).stack);
  expect(stacks[0]).toMatch(/nobody awaited me\n\s+at /);
  expect(stacks[1]).toMatch(/thrown in a callback\n\s+at /);
});
