/**
 * Start-up benchmark of the compiled app (run `npm run build` first):
 * - a one-shot CLI answer (`node dist/bots/console/cli.js ask ...`) against a bare `node -e 0`, as a ratio
 *   (target at most 4x): what a user waits for at the terminal;
 * - time from spawning `node dist/main.js` with Slack HTTP settings until GET /readyz answers 200.
 * Median of 5 runs each; loopback only; exits by itself.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SlackFake } from '../test/helpers/slackFake';
import { printTable } from './stats';

const RUNS = 5;
const DIST = path.join(__dirname, '..', 'dist');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timed(args: string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${String(result.stderr)}`);
  return performance.now() - started;
}

async function timeToReady(apiUrl: string): Promise<number> {
  const started = performance.now();
  const env = { PATH: process.env.PATH ?? '', STORE_URL: 'memory', LOG_LEVEL: 'info', PORT: '0', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-secret', SLACK_API_URL: apiUrl };
  const child = spawn(process.execPath, [path.join(DIST, 'main.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const port = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      log += String(d);
      const match = /"port":(\d+),"path"/.exec(log);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`main exited: ${log}`)));
  });
  // Listening is not yet ready: poll /readyz as an orchestrator would.
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const ms = performance.now() - started;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return ms;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentor-startup-'));
  const fake = await SlackFake.start();
  try {
    const storeEnv = { STORE_URL: `sqlite://${path.join(dir, 'mentor.sqlite')}` };
    timed([path.join(DIST, 'bots', 'console', 'cli.js'), 'ask', 'what is automl'], storeEnv);
    const bare = median(Array.from({ length: RUNS }, () => timed(['-e', '0'])));
    const cli = median(Array.from({ length: RUNS }, () => timed([path.join(DIST, 'bots', 'console', 'cli.js'), 'ask', 'what is automl'], storeEnv)));
    const ready: number[] = [];
    for (let i = 0; i < RUNS; i++) ready.push(await timeToReady(fake.apiUrl));
    const ratio = cli / bare;
    printTable(`start-up (compiled, median of ${RUNS})`, [
      ['node -e 0', `${bare.toFixed(0)} ms`, ''],
      ['one-shot CLI answer (SQLite store)', `${cli.toFixed(0)} ms`, ''],
      ['ratio CLI / node -e 0', `${ratio.toFixed(1)}x`, `target <= 4x ${ratio <= 4 ? '(met)' : '(NOT met)'}`],
      ['Slack HTTP: spawn to /readyz 200', `${median(ready).toFixed(0)} ms`, `runs ${ready.map((r) => r.toFixed(0)).join(', ')}`],
    ]);
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
