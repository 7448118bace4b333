import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { SyncCounts, SyncRunStatus } from '../schema/sync';

// Issue 16: a run whose worker died is resumed under the same run id, not failed. Two guards keep it to
// one execution at a time: a run is only claimed when queued or when its heartbeat went silent, and the
// claim is one conditional UPDATE (two workers racing for it: one row comes back to one of them).

/**
 * Claims the run for this execution: `queued`, or `running` with a heartbeat older than
 * `staleAfterMs` (its worker died). Bumps and returns the run's lease generation (the execution's
 * fencing token), or null when the run is finished or live elsewhere.
 */
export async function claimSyncRun(
  db: Db,
  tenantId: string,
  runId: string,
  now: number,
  staleAfterMs: number,
): Promise<number | null> {
  const { syncRuns } = db.t;
  const rows = await db.q
    .update(syncRuns)
    .set({
      status: 'running' as SyncRunStatus,
      startedAt: now,
      heartbeatAt: now,
      step: 'Starting',
      leaseGeneration: sql`${syncRuns.leaseGeneration} + 1`,
    })
    .where(
      and(
        eq(syncRuns.id, runId),
        eq(syncRuns.tenantId, tenantId),
        or(
          eq(syncRuns.status, 'queued'),
          and(eq(syncRuns.status, 'running'), lt(syncRuns.heartbeatAt, now - staleAfterMs)),
        ),
      ),
    )
    .returning({ generation: syncRuns.leaseGeneration });
  return rows[0]?.generation ?? null;
}

/** The guard of every fenced write: this run, still running, still under this execution's claim. */
export function fencedRun(db: Db, tenantId: string, runId: string, generation: number) {
  const { syncRuns } = db.t;
  return and(
    eq(syncRuns.id, runId),
    eq(syncRuns.tenantId, tenantId),
    eq(syncRuns.status, 'running'),
    eq(syncRuns.leaseGeneration, generation),
  );
}

/** True while this execution's claim (its generation) is still the run's: no other worker took it. */
export async function ownsSyncRun(db: Db, tenantId: string, runId: string, generation: number): Promise<boolean> {
  const { syncRuns } = db.t;
  const rows = await db.q
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(fencedRun(db, tenantId, runId, generation))
    .limit(1);
  return rows.length === 1;
}

/**
 * Puts runs whose worker stopped heartbeating back to `queued` (same id, same lease) so that a live
 * worker resumes them; returns them with the silent heartbeat, which makes the resume job id unique.
 * The queued timeout of `failStaleRuns` bounds how long a run can keep being resumed.
 */
export async function requeueSilentRuns(
  db: Db,
  opts: { now: number; staleAfterMs: number },
): Promise<{ tenantId: string; runId: string; heartbeatAt: number }[]> {
  const { syncRuns } = db.t;
  const rows = await db.q
    .update(syncRuns)
    .set({ status: 'queued' as SyncRunStatus, step: 'Resuming after a worker stopped' })
    .where(and(eq(syncRuns.status, 'running'), lt(syncRuns.heartbeatAt, opts.now - opts.staleAfterMs)))
    .returning({ tenantId: syncRuns.tenantId, runId: syncRuns.id, heartbeatAt: syncRuns.heartbeatAt });
  return rows.map((r) => ({ tenantId: r.tenantId, runId: r.runId, heartbeatAt: r.heartbeatAt ?? 0 }));
}

/**
 * The run's final write, fenced like the flip: the status change matches only while this execution's
 * generation is the run's, in the same statement, and a success also stamps the tenant's last
 * success in the same transaction. False when another execution took the run (nothing written).
 */
export async function finishSyncRun(
  db: Db,
  fence: { tenantId: string; runId: string; generation: number },
  changes: { status: SyncRunStatus; finishedAt: number; error: string | null; counts?: SyncCounts },
): Promise<boolean> {
  const { syncRuns, syncState } = db.t;
  return db.tx(async (q) => {
    const rows = await q
      .update(syncRuns)
      .set({ ...changes, step: null })
      .where(fencedRun(db, fence.tenantId, fence.runId, fence.generation))
      .returning({ id: syncRuns.id });
    if (rows.length === 0) return false;
    if (changes.status === 'success' || changes.status === 'partial')
      await q
        .update(syncState)
        .set({ lastSuccessAt: changes.finishedAt })
        .where(eq(syncState.tenantId, fence.tenantId));
    return true;
  });
}
