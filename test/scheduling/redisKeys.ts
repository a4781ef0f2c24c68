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

/** A BullMQ queue's jobs still to run (waiting, active, delayed, prioritized) and finished ones. */
export async function jobCounts(queue: { getJobCounts(): Promise<Record<string, number>> }): Promise<{ pending: number; completed: number; failed: number }> {
  const c = await queue.getJobCounts();
  const n = (k: string) => c[k] ?? 0;
  return { pending: n('waiting') + n('active') + n('delayed') + n('prioritized') + n('waiting-children'), completed: n('completed'), failed: n('failed') };
}
