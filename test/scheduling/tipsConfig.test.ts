import { loadConfig } from '../../src/config';
import { tipSchedulerOptions, usesBullmq } from '../../src/scheduling/createTipScheduler';

describe('tips configuration', () => {
  it('defaults: on, a tick a minute, 4 posts at once, 20 a second, BullMQ only with Redis', () => {
    const config = loadConfig({ TIPS_TICK_MS: '', TIPS_ENABLED: '' });
    expect(config.TIPS_ENABLED).toBe(true);
    expect(tipSchedulerOptions(config)).toMatchObject({ tickMs: 60_000, concurrency: 4, rateMax: 20, rateDurationMs: 1000, leaseMs: 300_000, queuePrefix: 'mentor-bull', lockMs: 30_000 });
    expect(config.TIPS_DELIVERY_LOCK_MS).toBe(60_000);
    expect(usesBullmq(config.STORE_URL)).toBe(false);
    expect(usesBullmq('redis://127.0.0.1:6379')).toBe(true);
    expect(usesBullmq('rediss://cache:6380')).toBe(true);
    expect(usesBullmq('memory')).toBe(false);
  });

  it('validates', () => {
    expect(loadConfig({ TIPS_ENABLED: 'false' }).TIPS_ENABLED).toBe(false);
    expect(() => loadConfig({ TIPS_TICK_MS: '500' })).toThrow(/TIPS_TICK_MS/);
    expect(() => loadConfig({ TIPS_ENABLED: 'maybe' })).toThrow(/TIPS_ENABLED/);
    expect(() => loadConfig({ TIPS_CONCURRENCY: '0' })).toThrow(/TIPS_CONCURRENCY/);
  });
});
