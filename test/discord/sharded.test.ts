/**
 * The sharded start: ShardingManager spawns one real shard process per recommended shard (asked through
 * DISCORD_API_URL), each identifies with its own shard id and answers the interactions of its shard.
 */
import type { ShardingManager } from 'discord.js';
import { startSharding, stopSharding } from '../../src/bots/discord/sharded';
import { silentLogger } from '../../src/core/logger';
import { FakeDiscord } from '../helpers/discordFake';
import { chatInput } from '../helpers/discordPayloads';
import { visibleText } from '../helpers/discordMessages';

let fake: FakeDiscord;
let manager: ShardingManager | undefined;
const KEYS = ['DISCORD_API_URL', 'STORE_URL', 'LOG_LEVEL', 'DISCORD_TOKEN'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  fake = await FakeDiscord.start();
  fake.shards = 2;
  // Shard processes build their own config from the environment they inherit.
  Object.assign(process.env, { DISCORD_API_URL: fake.apiUrl, STORE_URL: 'memory', LOG_LEVEL: 'error', DISCORD_TOKEN: '' });
});

afterAll(async () => {
  if (manager) await stopSharding(manager);
  await fake.close();
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

test('two shard processes identify as [0,2] and [1,2] and each answers its own interactions', async () => {
  manager = await startSharding({ token: 'shard-token', apiUrl: fake.apiUrl, totalShards: 'auto', spawnDelayMs: 0, logger: silentLogger });
  expect(manager.totalShards).toBe(2);
  expect(fake.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
  expect(fake.identifies.every((i) => i.token === 'shard-token')).toBe(true);
  for (const shardId of [0, 1]) {
    const payload = chatInput('help');
    fake.dispatch('INTERACTION_CREATE', payload, shardId);
    const callback = await fake.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`);
    expect(visibleText(callback.body.data)).toMatch(/ML Engineer Mentor/);
  }
}, 60_000);
