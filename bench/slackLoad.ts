/**
 * The Slack bench's load generator, in its own process so it does not share the server's CPU: autocannon
 * sends `/mentor next` slash commands, each signed as Slack signs them with a fresh trigger_id and user.
 * Usage: slackLoad.ts URL SECONDS CONNECTIONS [EXPECTED_BODY_FILE]; prints autocannon's result as JSON.
 * With an expected body, every answer is compared with it: a different one (a refusal, an error) counts
 * as a mismatch, so a rate can never be bought with cheaper answers.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, seconds = '5', connections = '10', expectedBodyFile] = process.argv.slice(2);
const expectBody = expectedBodyFile ? readFileSync(expectedBodyFile, 'utf8') : undefined;
/** Users are new in every round too (each round is a new process), as they are to the per-person limits. */
const round = `${process.pid}r${Date.now() % 100_000}`;
const SECRET = 'bench-signing-secret';
let n = 0;
let mismatches = 0;

function signedCommand(): { body: string; headers: Record<string, string> } {
  n += 1;
  const body = new URLSearchParams({
    token: 'legacy', team_id: 'T1', team_domain: 'bench', channel_id: 'C1', channel_name: 'general',
    user_id: `U${round}n${n}`, user_name: 'learner', command: '/mentor', text: 'next', api_app_id: 'A1',
    is_enterprise_install: 'false', response_url: `http://127.0.0.1:1/response/${n}`, trigger_id: `${round}.${n}.bench`,
  }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature },
  };
}

const instance = autocannon(
  {
    url: url!,
    method: 'POST',
    connections: Number(connections),
    duration: Number(seconds),
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, ...signedCommand() }),
        onResponse: (status, body) => {
          if (expectBody !== undefined && status === 200 && body !== expectBody) mismatches += 1;
        },
      },
    ],
  },
  (error, result) => {
    if (error) throw error;
    process.stdout.write(JSON.stringify({ perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, mismatches, total: result.requests.total }));
  },
);
void instance;
