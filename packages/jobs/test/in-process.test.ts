import { describe, expect, it } from 'vitest';
import { bindJob, InProcessJobs, nextRunAt, scheduleMinute } from '../src';
import { nightlyJob, userJob } from './test-jobs';

describe('in-process job runner', () => {
  it('runs jobs with their validated payload', async () => {
    const jobs = new InProcessJobs();
    const seen: unknown[] = [];
    await jobs.work([bindJob(userJob, async (p) => void seen.push(p))]);
    await jobs.enqueue(userJob, { tenantId: 't1', runId: 'r1' });
    await jobs.onIdle();
    expect(seen).toEqual([{ tenantId: 't1', runId: 'r1' }]);
  });

  it('rejects an invalid payload at enqueue time', async () => {
    const jobs = new InProcessJobs();
    await expect(jobs.enqueue(userJob, { tenantId: '' } as never)).rejects.toThrow();
  });

  it('retries a failing job with backoff, up to the attempt limit', async () => {
    const jobs = new InProcessJobs({ maxAttempts: 3, backoffMs: 1 });
    const attempts: number[] = [];
    await jobs.work([
      bindJob(userJob, async (_p, meta) => {
        attempts.push(meta.attempt);
        throw new Error('boom');
      }),
    ]);
    await jobs.enqueue(userJob, { tenantId: 't', runId: 'r' });
    await jobs.onIdle();
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('does not queue a job id twice while it is pending', async () => {
    const jobs = new InProcessJobs();
    let runs = 0;
    await jobs.enqueue(userJob, { tenantId: 't', runId: 'r' }, { jobId: 'same' });
    await jobs.enqueue(userJob, { tenantId: 't', runId: 'r' }, { jobId: 'same' });
    await jobs.work([bindJob(userJob, async () => void (runs += 1))]);
    await jobs.onIdle();
    expect(runs).toBe(1);
  });

  it('runs a user-requested sync before queued nightly ones, FIFO within each', async () => {
    const jobs = new InProcessJobs();
    for (let i = 0; i < 3; i += 1) await jobs.enqueue(nightlyJob, { tenantId: `night-${i}` });
    await jobs.enqueue(userJob, { tenantId: 'user-1', runId: 'r1' });
    await jobs.enqueue(userJob, { tenantId: 'user-2', runId: 'r2' });
    const order: string[] = [];
    const record = async (p: unknown) => void order.push((p as { tenantId: string }).tenantId);
    await jobs.work([bindJob(nightlyJob, record), bindJob(userJob, record)]);
    await jobs.onIdle();
    expect(order).toEqual(['user-1', 'user-2', 'night-0', 'night-1', 'night-2']);
  });

  it('bounds concurrency', async () => {
    const jobs = new InProcessJobs({ concurrency: 2 });
    let inFlight = 0;
    let peak = 0;
    await jobs.work([
      bindJob(userJob, async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight -= 1;
      }),
    ]);
    for (let i = 0; i < 6; i += 1) await jobs.enqueue(userJob, { tenantId: 't', runId: `r${i}` });
    await jobs.onIdle();
    expect(peak).toBe(2);
  });

  it('keeps one timer per tenant schedule and removes it', async () => {
    const jobs = new InProcessJobs();
    await jobs.upsertSchedule({ tenantId: 't', hour: 3, minute: 0, timeZone: 'UTC', job: nightlyJob });
    await jobs.upsertSchedule({ tenantId: 't', hour: 4, minute: 0, timeZone: 'UTC', job: nightlyJob });
    expect(jobs.hasSchedule('t')).toBe(true);
    await jobs.removeSchedule('t');
    expect(jobs.hasSchedule('t')).toBe(false);
    await jobs.close();
  });
});

describe('schedules', () => {
  it('next run is the next local hh:mm in the tenant zone', () => {
    const now = Date.parse('2026-06-01T10:00:00Z');
    expect(new Date(nextRunAt(now, 3, 15, 'UTC')).toISOString()).toBe('2026-06-02T03:15:00.000Z');
    // Paris is UTC+2 in June: 03:15 local is 01:15 UTC.
    expect(new Date(nextRunAt(now, 3, 15, 'Europe/Paris')).toISOString()).toBe('2026-06-02T01:15:00.000Z');
    expect(new Date(nextRunAt(now, 12, 0, 'UTC')).toISOString()).toBe('2026-06-01T12:00:00.000Z');
  });

  it('a local time skipped by DST falls to the next day that has it', () => {
    // 2026-03-29 02:30 does not exist in Paris (clocks jump from 02:00 to 03:00).
    const now = Date.parse('2026-03-28T12:00:00Z');
    expect(new Date(nextRunAt(now, 2, 30, 'Europe/Paris')).toISOString()).toBe('2026-03-30T00:30:00.000Z');
  });

  it('spreads tenants over the jitter window deterministically', () => {
    const minutes = new Set(Array.from({ length: 200 }, (_, i) => scheduleMinute(`tenant-${i}`, 30)));
    expect([...minutes].every((m) => m >= 0 && m < 30)).toBe(true);
    expect(minutes.size).toBeGreaterThan(20);
    expect(scheduleMinute('abc', 30)).toBe(scheduleMinute('abc', 30));
    expect(scheduleMinute('abc', 0)).toBe(0);
  });
});
