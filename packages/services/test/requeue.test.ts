import { insertSyncRun, newId } from '@mj/db';
import { createTestDb, TEST_DIALECTS, createTestTenant } from '@mj/db/testing';
import { bindJob, InProcessJobs } from '@mj/jobs';
import { describe, expect, it } from 'vitest';
import { requeueQueuedRuns, syncTenantJob } from '../src';

describe.each(TEST_DIALECTS)('restoring the queue from the database (%s)', (dialect) => {
  it('hands every queued run to the queue again, and only those', async () => {
    const db = await createTestDb(dialect);
    try {
      const tenantId = await createTestTenant(db, 1);
      const queued = [newId(), newId()];
      for (const id of queued)
        await insertSyncRun(db, {
          id,
          tenantId,
          status: 'queued',
          trigger: 'manual',
          allowShrink: false,
          done: 0,
          createdAt: 1,
        });
      await insertSyncRun(db, {
        id: newId(),
        tenantId,
        status: 'success',
        trigger: 'manual',
        allowShrink: false,
        done: 0,
        createdAt: 1,
      });
      const jobs = new InProcessJobs();
      const seen: string[] = [];
      await jobs.work([bindJob(syncTenantJob, async (p) => void seen.push(p.runId))]);
      expect(await requeueQueuedRuns({ db }, jobs)).toBe(2);
      await jobs.onIdle();
      expect(seen.sort()).toEqual([...queued].sort());
    } finally {
      await db.destroy();
    }
  });
});
