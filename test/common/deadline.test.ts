/** The two small concurrency helpers behind the 3 s rule and ordered DMs. */
import { raceDeadline } from '../../src/bots/common/deadline';
import { KeyedQueue } from '../../src/core/queue/keyedQueue';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('raceDeadline', () => {
  test('fast work settles with its value, slow work reports "not yet" and can still be awaited', async () => {
    await expect(raceDeadline(after(5, 'fast'), 200)).resolves.toEqual({ settled: true, value: 'fast' });
    const slow = after(60, 'slow');
    await expect(raceDeadline(slow, 10)).resolves.toEqual({ settled: false });
    await expect(slow).resolves.toBe('slow');
  });

  test('a failure before the deadline is reported, not thrown', async () => {
    const failure = new Error('no');
    await expect(raceDeadline(Promise.reject(failure), 100)).resolves.toEqual({ settled: true, error: failure });
  });
});

describe('KeyedQueue', () => {
  test('tasks of one key run in order, other keys are not held up, a failure does not block the next', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      await after(ms, undefined);
      log.push(name);
      if (fail) throw new Error(name);
    };
    const a1 = queue.run('a', task('a1', 30, true));
    const a2 = queue.run('a', task('a2', 1));
    const b1 = queue.run('b', task('b1', 5));
    await expect(a1).rejects.toThrow('a1');
    await Promise.all([a2, b1]);
    expect(log).toEqual(['b1', 'a1', 'a2']);
    await after(1, undefined);
    expect(queue.size).toBe(0); // idle keys are forgotten
  });
});
