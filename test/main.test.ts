/**
 * `npm start` (src/main.ts, as a separate process) with Slack tokens set: it starts the Slack app on PORT
 * against SLACK_API_URL instead of the console, answers a signed /mentor command, and stops on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SlackFake } from './helpers/slackFake';
import { commandBody, postSigned, SIGNING_SECRET } from './helpers/slackRequests';
import { tempSqlite, type TempSqlite } from './helpers/tempStore';

const ROOT = path.join(__dirname, '..');

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /"message":"slack app listening","port":(\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`main exited early with ${code}: ${seen}`)));
  });
}

describe('npm start with Slack configured', () => {
  let fake: SlackFake;
  let db: TempSqlite;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    fake = await SlackFake.start();
    db = tempSqlite();
  });
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await fake.close();
    db.cleanup();
  });

  it('serves /mentor over signed HTTP and keeps the console closed', async () => {
    child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        STORE_URL: db.url,
        LOG_LEVEL: 'info',
        PORT: '0',
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        SLACK_APP_TOKEN: '',
        DISCORD_TOKEN: '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const port = await waitForPort(child);

    const { body, contentType } = commandBody({ text: 'next', responseUrl: fake.responseUrl('main-1') });
    const answer = await postSigned(`http://127.0.0.1:${port}/slack/events`, body, contentType);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Your next step') });
    const unsigned = await postSigned(`http://127.0.0.1:${port}/slack/events`, body, contentType, { signature: null });
    expect(unsigned.status).toBe(401);

    expect(stdout).not.toContain('ML Engineer Mentor. Ask me anything');
    expect(stderr).not.toContain('xoxb-main-test');
    expect(stderr).not.toContain(SIGNING_SECRET);
  });
});
