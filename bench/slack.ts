/**
 * Slack adapter benchmark: signed `/mentor next` slash commands per second through the real app (Bolt HTTP
 * mode, real mentor, memory store, fake Web API on loopback), against a bare Bolt app that only acks the same
 * command. Prints both rates, their ratio (target >= 0.8 of bare Bolt) and ack latency percentiles.
 * Bounded: 5 alternating rounds of 2,000 requests each at concurrency 10, after a warm-up; exits by itself.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/core/logger';
import { createMentor } from '../src/core/mentor';
import { createState } from '../src/storage/createState';
import { createSlackApp } from '../src/bots/slack/app';
import { SlackFake } from '../test/helpers/slackFake';
import { commandBody, postSigned, SIGNING_SECRET } from '../test/helpers/slackRequests';
import { BENCH_QUEUE_LIMITS, percentile, peakRss, printTable } from './stats';

const REQUESTS = 2_000;
const ROUNDS = 5;
const WARM_UP = 200;
const CONCURRENCY = 10;
const TOKEN = 'xoxb-bench-token';

interface RunResult {
  perSecond: number;
  /** Requests per second of process CPU time (client and server share this process): steadier on a busy machine. */
  perCpuSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** Sends `count` signed `/mentor next` commands with `CONCURRENCY` in flight; every answer must be a 200. */
async function load(url: string, fake: SlackFake, count: number, tag: string): Promise<RunResult> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const { body, contentType } = commandBody({
        text: 'next',
        userId: `bench-${i % 50}`,
        responseUrl: fake.responseUrl(`${tag}-${i}`),
        triggerId: `${tag}-trigger-${i}`,
      });
      const result = await postSigned(url, body, contentType);
      if (result.status !== 200) failures++;
      latencies.push(result.ms);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { perSecond: count / seconds, perCpuSecond: count / cpuSeconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

interface Target {
  url: string;
  stop(): Promise<void>;
}

async function startMentorApp(fake: SlackFake): Promise<Target> {
  const store = createState('memory');
  const mentor = createMentor({ store, queueLimits: BENCH_QUEUE_LIMITS });
  const config = loadConfig({ STORE_URL: 'memory', LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
  const slack = createSlackApp({ config, mentor, store, logger: silentLogger });
  const server = (await slack.start(0, '127.0.0.1')) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    stop: async () => {
      await slack.stop();
      await store.disconnect();
    },
  };
}

async function startBareBolt(fake: SlackFake): Promise<Target> {
  const app = new App({
    token: TOKEN,
    signingSecret: SIGNING_SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl },
    deferInitialization: true,
  });
  app.command('/mentor', async ({ ack }) => {
    await ack();
  });
  await app.init();
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, stop: async () => { await app.stop(); } };
}

const median = (runs: RunResult[], by: 'perSecond' | 'perCpuSecond' = 'perSecond'): RunResult =>
  [...runs].sort((a, b) => a[by] - b[by])[Math.floor(runs.length / 2)]!;

async function main(): Promise<void> {
  const fake = await SlackFake.start();
  const bare = await startBareBolt(fake);
  const app = await startMentorApp(fake);
  try {
    await load(bare.url, fake, WARM_UP, 'bare-warm');
    await load(app.url, fake, WARM_UP, 'mentor-warm');
    // Alternate the two so background load on the machine hits both alike; report the median round.
    const bareRuns: RunResult[] = [];
    const appRuns: RunResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRuns.push(await load(bare.url, fake, REQUESTS, `bare-${round}`));
      appRuns.push(await load(app.url, fake, REQUESTS, `mentor-${round}`));
    }
    const b = median(bareRuns);
    const m = median(appRuns);
    const failures = [...bareRuns, ...appRuns].reduce((n, r) => n + r.failures, 0);
    const ratio = m.perSecond / b.perSecond;
    const cpuRatio = median(appRuns, 'perCpuSecond').perCpuSecond / median(bareRuns, 'perCpuSecond').perCpuSecond;
    printTable(`slack (${REQUESTS} signed /mentor next per round, median of ${ROUNDS} rounds, concurrency ${CONCURRENCY}, HTTP mode, loopback)`, [
      ['bare Bolt (ack only)', `${b.perSecond.toFixed(0)} req/s`, `p50 ${b.p50.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms`],
      ['mentor app (answer in the ack)', `${m.perSecond.toFixed(0)} req/s`, `p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms`],
      ['ratio mentor / bare (wall clock)', ratio.toFixed(2), `target >= 0.8 ${ratio >= 0.8 ? '(met)' : '(NOT met)'}`],
      ['ratio mentor / bare (per CPU second)', cpuRatio.toFixed(2), 'the same, less sensitive to other load on the machine'],
      ['p99 ack latency (mentor app)', `${m.p99.toFixed(1)} ms`, 'Slack allows 3,000 ms'],
      ['non-200 answers', String(failures), 'must be 0'],
      ['peak RSS', `${peakRss()} MiB`, ''],
    ]);
    if (failures > 0) process.exitCode = 1;
  } finally {
    await app.stop();
    await bare.stop();
    await fake.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
