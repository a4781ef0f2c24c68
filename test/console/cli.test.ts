import { runCli, runMain } from '../helpers/cli';
import { tempSqlite, type TempSqlite } from '../helpers/tempStore';
import { lineToRequest } from '../../src/bots/console/repl';
import { parseCliArgs } from '../../src/bots/console/cli';

describe('console mentor CLI (separate processes on one SQLite file)', () => {
  let db: TempSqlite;
  let env: Record<string, string>;
  beforeEach(() => {
    db = tempSqlite();
    env = { STORE_URL: db.url };
  });
  afterEach(() => db.cleanup());

  it('keeps a profile across two processes', async () => {
    const first = await runCli(['ask', '--user', 'cli-user', "I'm a data scientist"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Noted: your background: Data scientist');
    const second = await runCli(['next', '--user', 'cli-user'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Your next step: MLOps');
    const stranger = await runCli(['next', '--user', 'someone-else'], env);
    expect(stranger.stdout).toContain('Your next step: Code fundamentals');
  });

  it('resumes an onboarding left halfway in a new process', async () => {
    expect((await runCli(['profile', '--user', 'half'], env)).stdout).toContain('Setup 1 of 3');
    expect((await runCli(['say', '--user', 'half', 'java developer'], env)).stdout).toContain('Setup 2 of 3');
    // A new process picks up the stored state: this answer belongs to question 2.
    const resumed = await runCli(['say', '--user', 'half', 'python and pytorch'], env);
    expect(resumed.stdout).toContain('Noted: Python, PyTorch');
    expect(resumed.stdout).toContain('Setup 3 of 3');
    const done = await runCli(['say', '--user', 'half', 'deploy models to production'], env);
    expect(done.stdout).toContain('Your profile is set up');
  });

  it('prints the Reply as JSON with --json', async () => {
    const result = await runCli(['ask', '--json', 'what is automl?'], env);
    const reply = JSON.parse(result.stdout) as { text: string; blocks: unknown[]; visibility: string };
    expect(reply.blocks.length).toBeGreaterThan(2);
    expect(reply.text).toContain('AutoML');
    expect(reply.visibility).toBe('private');
  });

  it('runs other registry commands and refuses bad arguments without changing anything', async () => {
    expect((await runCli(['done', 'pytorch', '--user', 'd'], env)).code).toBe(0);
    const bad = await runCli(['done', '--user', 'd'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('topic is missing');
    const unknownTopic = await runCli(['done', 'basket', 'weaving', '--user', 'd'], env);
    expect(unknownTopic.code).not.toBe(0);
    expect(unknownTopic.stderr).toContain("I don't know the topic");
    const unknownCommand = await runCli(['frobnicate'], env);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('Unknown command');
    expect((await runCli(['next', '--user'], env)).code).toBe(2);
    const progress = await runCli(['progress', '--user', 'd'], env);
    expect(progress.stdout).toMatch(/Done or known: .*PyTorch/);
    expect(progress.stdout).not.toContain('Basket');
  });

  it('holds an interactive conversation where numbers press buttons', async () => {
    const result = await runCli(['chat', '--user', 'talker'], env, 'what should I learn next?\n1\nprogress\nexit\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Your next step: Code fundamentals');
    expect(result.stdout).toContain('Nice work: Code fundamentals is marked done.');
    expect(result.stdout).toMatch(/Done or known: Code fundamentals/);
  });
});

describe('npm start with no platform tokens', () => {
  it('opens the console mentor on the configured store', async () => {
    const db = tempSqlite();
    try {
      const env = { STORE_URL: db.url, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' };
      const result = await runMain(env, 'I am a data scientist\nexit\n');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('ML Engineer Mentor.');
      expect(result.stdout).toContain('Your next step: MLOps');
      // The conversation was stored in the SQLite file: a later CLI run sees it.
      expect((await runCli(['progress'], env)).stdout).toMatch(/Done or known: .*ML & DL frameworks/);
    } finally {
      db.cleanup();
    }
  });
});

describe('console parsing', () => {
  it('maps lines to requests', () => {
    const buttons = [{ label: 'Mark done', actionId: 'done', value: 'keras' }];
    expect(lineToRequest('1', 'u', buttons)).toMatchObject({ kind: 'action', userId: 'u', actionId: 'done', value: 'keras' });
    expect(lineToRequest('/done pytorch share', 'u', [])).toMatchObject({ kind: 'command', userId: 'u', command: 'done', text: 'pytorch', share: true });
    expect(lineToRequest('7', 'u', buttons)).toMatchObject({ kind: 'message', userId: 'u', text: '7' });
    expect(lineToRequest('what is spark', 'u', [])).toMatchObject({ kind: 'message', userId: 'u', text: 'what is spark' });
  });

  it('parses CLI arguments', () => {
    expect(parseCliArgs(['ask', '--user=ann', '--json', 'what', 'is', 'spark'])).toEqual({ command: 'ask', text: 'what is spark', user: 'ann', json: true, share: false });
    expect(parseCliArgs(['next', '--bogus'])).toEqual({ error: expect.stringContaining('Unknown option --bogus') });
  });
});
