import { randomBytes } from 'node:crypto';
import { claimSyncRun, findSyncRun, getSyncState, listSyncRuns, updateSyncRun } from '@mj/db';
import { createTestDb, TEST_DIALECTS, type TestDb } from '@mj/db/testing';
import { INFRA_GAVE_UP_MESSAGE } from '@mj/core';
import { bindJob, InProcessJobs } from '@mj/jobs';
import { startSimulator, type Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resumeSilentRuns, runSync, SecretBox, syncTenantJob, systemClock, type SyncDeps } from '@mj/services';
import { insertQueuedRun, seedConnectedTenant, unconsumedCleanupQueue } from '@mj/services/testing';

// Issue 16: our own outage (database connection lost) is retried inside the run, keeping its id and its
// lease; a media-server problem fails at once; a run whose worker died is resumed, once.

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const secrets = new SecretBox([{ id: 'k1', key: randomBytes(32) }]);

/**
 * Kills every connection of this test database server-side, the query's own included, as a PostgreSQL
 * restart does: the query fails with 57P01 and the pool's idle clients are dead.
 */
async function dropConnections(db: TestDb) {
  if (db.driver.kind !== 'pg') return;
  await db.driver.pool.query(
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()',
  );
}

describe.each(TEST_DIALECTS)('sync retries for infrastructure failures (%s)', (dialect) => {
  let db: TestDb;
  let sim: Simulator;
  let base: SyncDeps;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    sim = await startSimulator({ scale: 'demo', seed: 16 });
    base = {
      db,
      clock: systemClock,
      log: silent,
      secrets,
      media: { allowPrivateNetwork: true, concurrency: 4, timeoutMs: 5_000 },
      infraRetryBaseMs: 1,
      queue: unconsumedCleanupQueue(),
    };
  });
  afterAll(async () => {
    await sim?.close();
    await db?.destroy();
  });

  /** Runs one queued sync whose "Analysing" step calls `fault` (with the attempt number) first. */
  async function syncWithFault(
    servers: Parameters<typeof seedConnectedTenant>[2],
    fault: (attempt: number) => Promise<void>,
  ) {
    const tenantId = await seedConnectedTenant(db, secrets, servers);
    const runId = await insertQueuedRun(db, tenantId);
    let calls = 0;
    // The sync's test seam: the fault lands at the "Analysing" step.
    const seam = {
      beforeAnalysis: async () => {
        calls += 1;
        await fault(calls);
      },
    };
    const outcome = await runSync({ ...base, tenantId, seam }, { runId });
    return { tenantId, runId, outcome, calls };
  }

  it('a database connection lost mid-sync is retried: one run id, ends success, lease released', async () => {
    // The fault lands on the first attempt only.
    const { tenantId, runId, outcome, calls } = await syncWithFault(
      { jellyfin: sim.jellyfin, jellyseerr: sim.jellyseerr },
      async (attempt) => {
        if (attempt > 1) return;
        if (dialect === 'pg') {
          // A real fault: the pool's connections are killed server-side; the next query fails.
          await dropConnections(db);
        } else {
          // SQLite has no connection to lose; its transient failure is a busy database.
          throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        }
      },
    );
    expect(outcome).toBe('success');
    expect(calls).toBe(2);
    const runs = await listSyncRuns(db, tenantId, 10);
    expect(runs.map((r) => r.id)).toEqual([runId]);
    expect(runs[0]).toMatchObject({ status: 'success', error: null });
    expect(runs[0]!.counts?.infraRetries).toBe(1);
    expect((await getSyncState(db, tenantId))?.leaseRunId).toBeNull();
  });

  it('an outage longer than the bound ends the run failed, with a message saying it was ours', async () => {
    const { tenantId, runId, outcome, calls } = await syncWithFault({ jellyfin: sim.jellyfin }, async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    expect(outcome).toBe('failed');
    expect(calls).toBe(6);
    expect(await findSyncRun(db, tenantId, runId)).toMatchObject({ status: 'failed', error: INFRA_GAVE_UP_MESSAGE });
    // The previous data (none here) stays: the library pointer never moved past the failed attempts.
    expect((await getSyncState(db, tenantId))?.leaseRunId).toBeNull();
  });

  it('a media-server problem is not retried: the user reads what to fix', async () => {
    const tenantId = await seedConnectedTenant(db, secrets, { jellyfin: sim.jellyfin });
    sim.revokeApiKey('jellyfin');
    try {
      const runId = await insertQueuedRun(db, tenantId);
      expect(await runSync({ ...base, tenantId }, { runId })).toBe('failed');
      const run = await findSyncRun(db, tenantId, runId);
      expect(run?.error).toMatch(/rejected the API key/);
      expect(run?.counts?.infraRetries).toBeUndefined();
    } finally {
      sim.restoreApiKey('jellyfin');
    }
  });

  it('a run live in another worker is not executed twice; once its worker is silent it is resumed', async () => {
    const tenantId = await seedConnectedTenant(db, secrets, { jellyfin: sim.jellyfin });
    const runId = await insertQueuedRun(db, tenantId);
    const now = Date.now();
    // Another worker claimed it and is heartbeating.
    expect(await claimSyncRun(db, tenantId, runId, now, 20_000)).toBe(1);
    expect(await runSync({ ...base, tenantId }, { runId })).toBe('skipped');
    // Its worker died: the heartbeat goes silent; the resume check hands the run to the queue, once.
    await updateSyncRun(db, tenantId, runId, { heartbeatAt: now - 60_000 });
    const jobs = new InProcessJobs();
    const seen: string[] = [];
    await jobs.work([
      bindJob(syncTenantJob, async (p) => {
        seen.push(p.runId);
        await runSync({ ...base, tenantId: p.tenantId }, { runId: p.runId });
      }),
    ]);
    expect(await resumeSilentRuns({ db, clock: systemClock }, jobs)).toBe(1);
    expect(await resumeSilentRuns({ db, clock: systemClock }, jobs)).toBe(0);
    await jobs.onIdle();
    expect(seen).toEqual([runId]);
    expect(await listSyncRuns(db, tenantId, 10)).toMatchObject([{ id: runId, status: 'success' }]);
  });
});
