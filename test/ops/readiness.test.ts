/**
 * /readyz against a real Redis that goes away and comes back: not ready while the store cannot answer
 * (within the probe's short timeout), ready again once it can, and never ready after shutdown began.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createState } from '../../src/storage/createState';
import { closeServer, Health, portOf, startHealthServer } from '../../src/ops/health';

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let seen = '';
  for await (const chunk of server.stdout!) {
    seen += String(chunk);
    if (seen.includes('Ready to accept connections')) break;
  }
  return server;
}

async function readyz(port: number): Promise<{ status: number; body: { ready: boolean; checks: Record<string, boolean> } }> {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, boolean> } };
}

test('/readyz is false while the store is unreachable and true again after it is back', async () => {
  const redisPort = await freePort();
  let redis = await startRedis(redisPort);
  const store = createState(`redis://127.0.0.1:${redisPort}`);
  const health = new Health(store, 300);
  const server = await startHealthServer(health, 0, '127.0.0.1');
  try {
    expect(await readyz(portOf(server))).toEqual({ status: 200, body: { ready: true, checks: { accepting: true, store: true } } });

    redis.kill();
    await once(redis, 'exit');
    expect(await readyz(portOf(server))).toEqual({ status: 503, body: { ready: false, checks: { accepting: true, store: false } } });
    expect((await fetch(`http://127.0.0.1:${portOf(server)}/healthz`)).status).toBe(200);

    redis = await startRedis(redisPort);
    // The client reconnects with its own backoff: poll the endpoint as a load balancer would.
    let after = await readyz(portOf(server));
    for (let i = 0; i < 50 && after.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await readyz(portOf(server));
    }
    expect(after).toEqual({ status: 200, body: { ready: true, checks: { accepting: true, store: true } } });

    health.markShuttingDown();
    expect(await readyz(portOf(server))).toEqual({ status: 503, body: { ready: false, checks: { accepting: false, store: true } } });
  } finally {
    await closeServer(server);
    await store.disconnect().catch(() => undefined);
    redis.kill();
    await once(redis, 'exit');
  }
});

test('a platform that is not connected makes the process not ready', async () => {
  const store = createState('memory');
  const health = new Health(store);
  let connected = false;
  health.addPlatform('discord', () => connected);
  expect(await health.readiness()).toEqual({ ready: false, checks: { accepting: true, store: true, discord: false } });
  connected = true;
  expect(await health.readiness()).toEqual({ ready: true, checks: { accepting: true, store: true, discord: true } });
});
