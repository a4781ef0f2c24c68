/**
 * Slack HTTP benchmark, every part in its own process so no side shares the other's CPU: the mentor app
 * as deployed (node dist/main.js; run `npm run build` first) and a bare Bolt app (bench/bareBolt.ts) that acks the SAME answer payload (the mentor's own
 * `/mentor next` answer, about 3.5 KB), loaded in turn by autocannon (bench/slackLoad.ts) with every request
 * signed with a fresh trigger_id and user, as Slack sends them. Three alternating rounds; prints the
 * median rate of each, their ratio (target >= 0.75) and p99 latency; every answer must be the captured one. `--cpu-prof` passes node's profiler
 * to the mentor process (profiles land in ./profiles) and to the bare app (./profiles/bare), to compare. Bounded; loopback only; exits by itself.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SlackFake } from '../test/helpers/slackFake';
import { printTable } from './stats';

// BENCH_ROUNDS / BENCH_SECONDS shorten a run while looking for where the time goes; the README's numbers use the defaults.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const WARM_UP_SECONDS = 5;
const SECRET = 'bench-signing-secret';
const TSX = ['--import', 'tsx'];

/**
 * On Linux with taskset, the app under test runs on core 0 and the load generator on core 1, so the
 * scheduler cannot put both on one core for part of a round: unpinned, the same app's rounds varied by
 * half (1,865 to 2,910 req/s in one run). Elsewhere everything runs unpinned.
 */
const PIN = process.platform === 'linux' && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
function spawnOn(core: number, args: string[], options: SpawnOptions): ChildProcess {
  return PIN ? spawn('taskset', ['-c', String(core), process.execPath, ...args], options) : spawn(process.execPath, args, options);
}

interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Answers that differ from the captured one (a refusal or an error instead of the answer). */
  mismatches: number;
  total: number;
  /** The server's CPU time per answered request (µs), where the platform tells it. */
  cpuPerRequest?: number;
}

interface Server {
  url: string;
  child: ChildProcess;
}

/** The server process's CPU time so far (all its threads), in µs, where Linux tells it; else undefined. */
function cpuMicros(child: ChildProcess): number | undefined {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}

/** Starts a server process and resolves once it prints its port (on stdout for the bare app, in the mentor's log line). */
async function startServer(child: ChildProcess, stream: 'stdout' | 'stderr', pattern: RegExp): Promise<Server> {
  let out = '';
  for await (const chunk of child[stream]!) {
    out += String(chunk);
    const match = pattern.exec(out);
    if (match) return { url: `http://127.0.0.1:${match[1]}/slack/events`, child };
  }
  throw new Error(`bench server exited: ${out}`);
}

/** The mentor exactly as deployed: the compiled app (node dist/main.js), logging at info, memory store. */
function startMentor(apiUrl: string, nodeArgs: string[]): Promise<Server> {
  const env = { PATH: process.env.PATH ?? '', STORE_URL: 'memory', LOG_LEVEL: 'info', PORT: '0', SLACK_BOT_TOKEN: 'xoxb-bench-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl };
  const child = spawnOn(0, [...nodeArgs, path.join(__dirname, '..', 'dist', 'main.js')], { env, stdio: ['ignore', 'inherit', 'pipe'] });
  return startServer(child, 'stderr', /"port":(\d+),"path":"\/slack\/events"/);
}

function startBare(apiUrl: string, payloadFile: string, nodeArgs: string[]): Promise<Server> {
  const child = spawnOn(0, [...nodeArgs, ...TSX, path.join(__dirname, 'bareBolt.ts'), apiUrl, payloadFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return startServer(child, 'stdout', /port=(\d+)/);
}

async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
}

async function load(server: Server, expectedBodyFile: string, seconds = SECONDS): Promise<LoadResult> {
  const cpuBefore = cpuMicros(server.child);
  const url = server.url;
  const child = spawnOn(1, [...TSX, path.join(__dirname, 'slackLoad.ts'), url, String(seconds), String(CONNECTIONS), expectedBodyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout!) out += String(chunk);
  const result = JSON.parse(out) as LoadResult;
  const cpuAfter = cpuMicros(server.child);
  if (cpuBefore !== undefined && cpuAfter !== undefined && result.total > 0) result.cpuPerRequest = (cpuAfter - cpuBefore) / result.total;
  return result;
}

/** One signed `/mentor next`, to capture the mentor's answer for the bare app to send back. */
async function mentorAnswer(url: string): Promise<string> {
  const body = new URLSearchParams({ command: '/mentor', text: 'next', user_id: 'Ubench', channel_id: 'C1', team_id: 'T1', response_url: 'http://127.0.0.1:1/r', trigger_id: 't.1' }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature } });
  return res.text();
}

const cpu = (runs: LoadResult[]): string => {
  const values = runs.map((r) => r.cpuPerRequest).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  return values.length === 0 ? 'n/a' : `${values[Math.floor(values.length / 2)]!.toFixed(0)} µs`;
};

const median = (runs: LoadResult[]): LoadResult => [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)]!;

async function main(): Promise<void> {
  const profile = process.argv.includes('--cpu-prof');
  const fake = await SlackFake.start();
  const dir = mkdtempSync(path.join(tmpdir(), 'mentor-bench-'));
  const mentor = await startMentor(fake.apiUrl, profile ? ['--cpu-prof', '--cpu-prof-dir', 'profiles'] : []);
  try {
    const answer = await mentorAnswer(mentor.url);
    const payloadFile = path.join(dir, 'answer.json');
    writeFileSync(payloadFile, answer);
    const bare = await startBare(fake.apiUrl, payloadFile, profile ? ['--cpu-prof', '--cpu-prof-dir', path.join('profiles', 'bare')] : []);
    try {
      // Warm-up, the same for both and left out: the mentor has more code for V8 to optimise, and its
      // first seconds ran about 30% slower than the rest (310 µs of CPU per request, then 230-250).
      await load(bare, payloadFile, WARM_UP_SECONDS);
      await load(mentor, payloadFile, WARM_UP_SECONDS);
      const bareRuns: LoadResult[] = [];
      const mentorRuns: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        bareRuns.push(await load(bare, payloadFile));
        mentorRuns.push(await load(mentor, payloadFile));
      }
      const b = median(bareRuns);
      const m = median(mentorRuns);
      const failures = [...bareRuns, ...mentorRuns].reduce((n, r) => n + r.non2xx + r.errors + r.mismatches, 0);
      const ratio = m.perSecond / b.perSecond;
      printTable(`slack (autocannon in its own process, ${CONNECTIONS} connections, ${SECONDS} s rounds, median of ${ROUNDS} alternating, each request freshly signed)`, [
        ['bare Bolt acking the same answer', `${b.perSecond.toFixed(0)} req/s`, `p50 ${b.p50} ms, p99 ${b.p99} ms; rounds ${bareRuns.map((r) => r.perSecond.toFixed(0)).join(', ')}`],
        ['mentor app (answer in the ack)', `${m.perSecond.toFixed(0)} req/s`, `p50 ${m.p50} ms, p99 ${m.p99} ms; rounds ${mentorRuns.map((r) => r.perSecond.toFixed(0)).join(', ')}`],
        ['ratio mentor / bare', ratio.toFixed(2), `target >= 0.75 ${ratio >= 0.75 ? '(met)' : '(NOT met)'}`],
        ['server CPU per request, bare / mentor', `${cpu(bareRuns)} / ${cpu(mentorRuns)}`, 'median of the rounds, all threads'],
        ['answer payload', `${(answer.length / 1024).toFixed(1)} KiB`, 'the same bytes from both'],
        ['non-2xx, errors or other answers', String(failures), 'must be 0'],
      ]);
      if (failures > 0) process.exitCode = 1;
    } finally {
      await stopServer(bare);
    }
  } finally {
    await stopServer(mentor);
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
