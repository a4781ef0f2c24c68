/**
 * The Slack bench's baseline, in its own process: a bare Bolt app (HTTP mode, signature checks on) that
 * acks every `/mentor` command with the payload in the file given as argument, the mentor's own answer.
 * Usage: bareBolt.ts SLACK_API_URL PAYLOAD_FILE; prints `port=N` when listening; SIGTERM stops it.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';

async function main(): Promise<void> {
  const [apiUrl, payloadFile] = process.argv.slice(2);
  const payload = JSON.parse(readFileSync(payloadFile!, 'utf8')) as Record<string, unknown>;
  const app = new App({ token: 'xoxb-bench-token', signingSecret: 'bench-signing-secret', logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl }, deferInitialization: true });
  app.command('/mentor', async ({ ack }) => {
    await ack(payload);
  });
  await app.init();
  process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  process.stdout.write(`port=${(server.address() as AddressInfo).port}\n`);
}

void main();
