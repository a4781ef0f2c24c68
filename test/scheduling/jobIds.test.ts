import { Queue } from 'bullmq';
import { claimKey, deliveryJobId, parseDeliveryJobId, platformOf } from '../../src/scheduling/tipJobs';
import { REDIS_URL } from '../helpers/tempStore';
import { deleteKeys, uniqueName } from './redisKeys';

describe('delivery job ids', () => {
  const ids = ['slack:channel:C0123', 'discord:person:123456789012345678', 'console:person:local', 'slack:channel:ü/+=?:x'];

  const since = '2026-12-01T06:59:30.123Z';

  it('carry no colon, are the same for the same post, and decode back', () => {
    for (const subscriptionId of ids) {
      const id = deliveryJobId({ subscriptionId, localDate: '2026-12-01', since });
      expect(id).not.toMatch(/[:/+=]/);
      expect(id).toBe(deliveryJobId({ subscriptionId, localDate: '2026-12-01', since }));
      expect(parseDeliveryJobId(id)).toEqual({ subscriptionId, localDate: '2026-12-01', sinceMs: Date.parse(since) });
    }
    expect(deliveryJobId({ subscriptionId: ids[0]!, localDate: '2026-12-01', since })).not.toBe(deliveryJobId({ subscriptionId: ids[0]!, localDate: '2026-12-02', since }));
  });

  it('differ for the same day of a subscription turned off and on again (a new since)', () => {
    const first = deliveryJobId({ subscriptionId: ids[0]!, localDate: '2026-12-01', since });
    const again = deliveryJobId({ subscriptionId: ids[0]!, localDate: '2026-12-01', since: '2026-12-01T08:10:00.000Z' });
    expect(again).not.toBe(first);
    expect(parseDeliveryJobId(again)?.sinceMs).toBe(Date.parse('2026-12-01T08:10:00.000Z'));
    expect(() => deliveryJobId({ subscriptionId: ids[0]!, localDate: '2026-12-01', since: 'not a date' })).toThrow(/invalid since/);
    expect(claimKey({ subscriptionId: ids[0]!, localDate: '2026-12-01' })).toBe('tips:post:slack:channel:C0123:2026-12-01');
  });

  it('names the platform of a subscription id', () => {
    expect(ids.map(platformOf)).toEqual(['slack', 'discord', 'console', 'slack']);
    expect(platformOf('teams:channel:1')).toBeUndefined();
  });

  describe('on a real BullMQ 6 queue', () => {
    const prefix = uniqueName('jobids');
    let queue: Queue;
    beforeAll(() => (queue = new Queue('tips-deliver-slack', { connection: { url: REDIS_URL }, prefix })));
    afterAll(async () => {
      await queue.close();
      await deleteKeys(`${prefix}:*`);
    });

    it('refuses a raw id with colons, takes the encoded one, and ignores a second add of it', async () => {
      await expect(queue.add('deliver', {}, { jobId: 'slack:channel:C1:2026-12-01' })).rejects.toThrow(/cannot contain :/);
      const jobId = deliveryJobId({ subscriptionId: 'slack:channel:C1', localDate: '2026-12-01', since });
      const first = await queue.add('deliver', { n: 1 }, { jobId });
      const again = await queue.addBulk([{ name: 'deliver', data: { n: 2 }, opts: { jobId } }]);
      expect(first.id).toBe(jobId);
      expect(again[0]!.id).toBe(jobId);
      expect(await queue.getWaitingCount()).toBe(1);
      expect((await queue.getJob(jobId))!.data).toEqual({ n: 1 });
    });
  });
});
