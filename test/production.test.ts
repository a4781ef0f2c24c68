/**
 * The production path, end to end: `npm run build`, a copy of the app with only package.json,
 * package-lock.json and dist/, `npm ci --omit=dev` there (no TypeScript, no tsx, no jest), then
 * `node dist/main.js` with this test's own node binary. .ci/run runs this file again under Node 24.
 *
 * sqlite3's native addon is compiled from source here (no prebuilt binary can be fetched), which takes
 * over a minute; the copy's install skips install scripts and reuses the addon this checkout built, since
 * compiling it again proves nothing about our build. Everything else is installed as in production.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, ROOT, type AppProcess } from './helpers/appProcess';
import { FakeDiscord } from './helpers/discordFake';
import { SlackFake } from './helpers/slackFake';
import { commandBody, postSigned, SIGNING_SECRET } from './helpers/slackRequests';

let app: string;
let running: AppProcess | undefined;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js')], { cwd: ROOT, stdio: 'pipe' });
  app = mkdtempSync(path.join(tmpdir(), 'mentor-prod-'));
  for (const item of ['package.json', 'package-lock.json', 'dist']) cpSync(path.join(ROOT, item), path.join(app, item), { recursive: true });
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app, stdio: 'pipe' });
  cpSync(path.join(ROOT, 'node_modules', 'sqlite3', 'build'), path.join(app, 'node_modules', 'sqlite3', 'build'), { recursive: true });
}, 180_000);

afterEach(async () => {
  await running?.stop();
  running = undefined;
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

const start = (env: Record<string, string>) => (running = startApp({ compiled: path.join(app, 'dist', 'main.js') }, { STORE_URL: 'sqlite://data/mentor.sqlite', ...env }, app));

test('the production install has the runtime dependencies only', () => {
  expect(existsSync(path.join(app, 'node_modules', '@slack', 'bolt'))).toBe(true);
  for (const devOnly of ['typescript', 'tsx', 'jest', 'ts-jest']) expect(existsSync(path.join(app, 'node_modules', devOnly))).toBe(false);
  expect(existsSync(path.join(app, 'dist', 'knowledge', 'data', 'topics.yaml'))).toBe(true);
  // What the compiled app loads instead of parsing the YAML and the word list's JSON at every start.
  expect(existsSync(path.join(app, 'dist', 'knowledge', 'knowledge.json'))).toBe(true);
  expect(existsSync(path.join(app, 'dist', 'knowledge', 'knowledge.checked.json'))).toBe(true);
  expect(existsSync(path.join(app, 'dist', 'core', 'understanding', 'common-words.txt'))).toBe(true);
});

test('the one-shot CLI runs from its bundle, with its code cache, on the production dependencies', () => {
  // scripts/bundle.js: cli.js loads cli.bundle.js (zod inside, other packages from node_modules).
  expect(existsSync(path.join(app, 'dist', 'bots', 'console', 'cli.bundle.js'))).toBe(true);
  expect(existsSync(path.join(app, 'dist', 'bots', 'console', 'cli.bundle.js.cache'))).toBe(true);
  const env = { PATH: process.env.PATH ?? '', STORE_URL: 'sqlite://data/cli.sqlite' };
  const run = (...args: string[]) => execFileSync(process.execPath, [path.join(app, 'dist', 'bots', 'console', 'cli.js'), ...args], { cwd: app, env, encoding: 'utf8' });
  expect(run('ask', 'what is automl')).toContain('AutoML');
  expect(run('say', "I'm a data scientist")).toContain('Noted: your background: Data scientist');
  // The profile was stored in the SQLite file: the next process reads it.
  expect(run('next')).toContain('Your next step: MLOps');
  // A cache that is not this bundle's (another build's, or damaged) is not used: the CLI compiles without it.
  writeFileSync(path.join(app, 'dist', 'bots', 'console', 'cli.bundle.js.cache'), Buffer.alloc(4096, 7));
  expect(run('next')).toContain('Your next step: MLOps');
});

test('with no tokens, node dist/main.js opens the console mentor and answers', async () => {
  const console = start({});
  console.child.stdin!.end('what is automl\nexit\n');
  const exit = await console.exited;
  expect(console.stdout()).toContain('AutoML');
  expect(exit.code).toBe(0);
});

test('with Slack settings it answers a signed /mentor request, and reports ready', async () => {
  const fake = await SlackFake.start();
  try {
    const slack = start({ PORT: '0', SLACK_BOT_TOKEN: 'xoxb-prod-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    const port = Number((await slack.waitForLog((l) => l.message === 'slack app listening')).port);
    const { body, contentType } = commandBody({ text: 'next', responseUrl: fake.responseUrl('prod-1') });
    const answer = await postSigned(`http://127.0.0.1:${port}/slack/events`, body, contentType);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Your next step') });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    await slack.stop();
    expect((await slack.exited).code).toBe(0);
    expect(slack.stderr()).not.toContain('xoxb-prod-test');
    expect(slack.stderr()).not.toContain(SIGNING_SECRET);
  } finally {
    await fake.close();
  }
});

test('with a Discord token it logs in to the gateway and serves readiness on HEALTH_PORT', async () => {
  const fake = await FakeDiscord.start();
  try {
    const discord = start({ HEALTH_PORT: '0', DISCORD_TOKEN: 'discord-prod-token', DISCORD_API_URL: fake.apiUrl });
    await discord.waitForLog((l) => l.message === 'discord: connected');
    const port = Number((await discord.waitForLog((l) => l.message === 'health endpoints listening')).port);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    await discord.stop();
    expect((await discord.exited).code).toBe(0);
  } finally {
    await fake.close();
  }
});
