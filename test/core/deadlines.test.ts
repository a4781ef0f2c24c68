/** Deadlines on one shared timer: each fires once, when due and not before, unless cancelled. */
import { afterMs, pendingDeadlines, TICK_MS } from '../../src/core/deadlines';

describe('shared deadlines', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('fire when due, not before, and at most one tick late', () => {
    const fired: string[] = [];
    afterMs(100, () => fired.push('a'));
    afterMs(250, () => fired.push('b'));
    jest.advanceTimersByTime(95);
    expect(fired).toEqual([]);
    jest.advanceTimersByTime(5 + TICK_MS);
    expect(fired).toEqual(['a']);
    jest.advanceTimersByTime(150 + TICK_MS);
    expect(fired).toEqual(['a', 'b']);
  });

  it('never fire once cancelled, nor twice', () => {
    const fired: number[] = [];
    const kept = afterMs(50, () => fired.push(1));
    afterMs(50, () => fired.push(2)).cancel();
    jest.advanceTimersByTime(1000);
    kept.cancel();
    expect(fired).toEqual([1]);
  });

  it('use one timer however many are pending, and none once all are settled', () => {
    const deadlines = Array.from({ length: 200 }, (_, i) => afterMs(1000 + i, () => undefined));
    expect(pendingDeadlines()).toBe(200);
    expect(jest.getTimerCount()).toBe(1);
    for (const d of deadlines) d.cancel();
    jest.advanceTimersByTime(TICK_MS);
    expect(pendingDeadlines()).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keep working when the clock is swapped, as tests swap it', () => {
    const onFake = afterMs(10, () => undefined); // the interval is set on the fake clock
    onFake.cancel();
    afterMs(10_000, () => undefined).cancel();
    jest.useRealTimers();
    // Fires on the real clock: a new interval replaces the one on the fake clock.
    return new Promise<void>((resolve) => afterMs(20, resolve)).then(() => expect(pendingDeadlines()).toBe(0));
  });
});
