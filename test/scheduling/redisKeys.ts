/** Deletes every key under a test's own prefixes on the local Redis (SCAN + DEL), so nothing is left behind. */
import { createClient } from '@redis/client';
import { REDIS_URL } from '../helpers/tempStore';

export async function deleteKeys(...patterns: string[]): Promise<number> {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  let deleted = 0;
  try {
    for (const pattern of patterns) {
      for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 1000 })) {
        if (keys.length > 0) deleted += await client.del(keys);
      }
    }
  } finally {
    client.destroy();
  }
  return deleted;
}

export const uniqueName = (label: string): string => `test-${label}-${process.pid}-${Date.now().toString(36)}`;
