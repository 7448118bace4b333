import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { bindJob, BullMqJobs } from '../src';
import { nightlyJob, userJob } from './test-jobs';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('BullMQ job runner (real Redis)', () => {
  const open: BullMqJobs[] = [];
  const make = (opts = {}) => {
    // A unique prefix per test keeps parallel test files apart in one Redis.
    const jobs = new BullMqJobs(redisUrl, {
      prefix: `mjtest-${randomBytes(4).toString('hex')}`,
      backoffMs: 10,
      ...opts,
    });
    open.push(jobs);
    return jobs;
  };
  afterEach(async () => {
    for (const j of open.splice(0)) {
      await j.queue.obliterate({ force: true }).catch(() => undefined);
      await j.close();
    }
  });

  it('delivers a validated payload to a worker', async () => {
    const jobs = make();
    const received = new Promise<unknown>((resolve) => {
      void jobs.work([bindJob(userJob, async (p) => resolve(p))]);
    });
    await jobs.enqueue(userJob, { tenantId: 't1', runId: 'r1' });
    expect(await received).toEqual({ tenantId: 't1', runId: 'r1' });
  });

  it('retries a failing job and then succeeds', async () => {
    const jobs = make();
    const attempts: number[] = [];
    const done = new Promise<void>((resolve) => {
      void jobs.work([
        bindJob(userJob, async (_p, meta) => {
          attempts.push(meta.attempt);
          if (meta.attempt < 2) throw new Error('transient');
          resolve();
        }),
      ]);
    });
    await jobs.enqueue(userJob, { tenantId: 't', runId: 'r' });
    await done;
    expect(attempts).toEqual([1, 2]);
  });

  it('adds a job id once while it exists', async () => {
    const jobs = make();
    await jobs.enqueue(userJob, { tenantId: 't', runId: 'r' }, { jobId: 'sync:t:r' });
    await jobs.enqueue(userJob, { tenantId: 't', runId: 'r' }, { jobId: 'sync:t:r' });
    const counts = await jobs.queue.getJobCounts('wait', 'prioritized');
    expect((counts.wait ?? 0) + (counts.prioritized ?? 0)).toBe(1);
  });

  it('runs a user-requested sync before queued nightly ones', async () => {
    const jobs = make({ concurrency: 1 });
    for (let i = 0; i < 4; i += 1) await jobs.enqueue(nightlyJob, { tenantId: `night-${i}` });
    await jobs.enqueue(userJob, { tenantId: 'user', runId: 'r' });
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      const record = async (p: { tenantId: string }) => {
        order.push(p.tenantId);
        if (order.length === 5) resolve();
      };
      void jobs.work([bindJob(nightlyJob, record), bindJob(userJob, record)]);
    });
    expect(order[0]).toBe('user');
    expect(order.slice(1)).toEqual(['night-0', 'night-1', 'night-2', 'night-3']);
  });

  it('keeps one scheduler per tenant, updated in place, and removes it', async () => {
    const jobs = make();
    await jobs.upsertSchedule({ tenantId: 'tenant-a', hour: 3, minute: 7, timeZone: 'Europe/Paris', job: nightlyJob });
    await jobs.upsertSchedule({ tenantId: 'tenant-a', hour: 4, minute: 7, timeZone: 'Europe/Paris', job: nightlyJob });
    const schedulers = await jobs.queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ pattern: '7 4 * * *', tz: 'Europe/Paris' });
    await jobs.removeSchedule('tenant-a');
    expect(await jobs.queue.getJobSchedulers()).toHaveLength(0);
  });
});
