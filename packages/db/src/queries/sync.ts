import { and, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import type { Schema } from '../schema/define';
import type { SyncCounts, SyncRunStatus } from '../schema/sync';
import { fencedRun } from './sync-recovery';

export type SyncRunRow = Schema['syncRuns']['$inferSelect'];
export type SyncStateRow = Schema['syncState']['$inferSelect'];

export async function insertSyncRun(db: Db, row: Schema['syncRuns']['$inferInsert']): Promise<void> {
  await db.q.insert(db.t.syncRuns).values(row);
}

export async function findSyncRun(db: Db, tenantId: string, runId: string): Promise<SyncRunRow | undefined> {
  const { syncRuns } = db.t;
  const rows = await db.q
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.tenantId, tenantId)))
    .limit(1);
  return rows[0];
}

export async function findActiveRun(db: Db, tenantId: string): Promise<SyncRunRow | undefined> {
  const { syncRuns } = db.t;
  const rows = await db.q
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.tenantId, tenantId), inArray(syncRuns.status, ['queued', 'running'])))
    .orderBy(desc(syncRuns.createdAt))
    .limit(1);
  return rows[0];
}

export async function listSyncRuns(
  db: Db,
  tenantId: string,
  limit: number,
  finishedOnly = false,
): Promise<SyncRunRow[]> {
  const { syncRuns } = db.t;
  const where = finishedOnly
    ? and(eq(syncRuns.tenantId, tenantId), inArray(syncRuns.status, ['success', 'partial', 'failed']))
    : eq(syncRuns.tenantId, tenantId);
  return db.q.select().from(syncRuns).where(where).orderBy(desc(syncRuns.createdAt), desc(syncRuns.id)).limit(limit);
}

export async function updateSyncRun(
  db: Db,
  tenantId: string,
  runId: string,
  changes: Partial<
    Pick<
      SyncRunRow,
      'status' | 'step' | 'done' | 'total' | 'error' | 'startedAt' | 'finishedAt' | 'heartbeatAt' | 'mode'
    >
  > & {
    counts?: SyncCounts | null;
  },
): Promise<void> {
  const { syncRuns } = db.t;
  await db.q
    .update(syncRuns)
    .set(changes)
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.tenantId, tenantId)));
}

/**
 * Fails runs whose worker stopped heartbeating (crashed, killed) and runs queued for too long (their job
 * was lost), and frees their leases. Runs in whichever process looks first; a dead worker checks nothing.
 */
export async function failStaleRuns(
  db: Db,
  opts: { now: number; staleAfterMs: number; queuedTimeoutMs: number; tenantId?: string },
): Promise<string[]> {
  const { syncRuns, syncState } = db.t;
  const stale = or(
    and(eq(syncRuns.status, 'running'), lt(syncRuns.heartbeatAt, opts.now - opts.staleAfterMs)),
    and(eq(syncRuns.status, 'queued'), lt(syncRuns.createdAt, opts.now - opts.queuedTimeoutMs)),
  );
  const rows = await db.q
    .update(syncRuns)
    .set({
      status: 'failed' as SyncRunStatus,
      finishedAt: opts.now,
      error: sql`case when ${syncRuns.status} = 'running' then 'The sync stopped responding (its worker crashed or was stopped). Your previous data is intact; try again.' else 'The sync never started (the job queue lost it). Your previous data is intact; try again.' end`,
    })
    .where(opts.tenantId ? and(eq(syncRuns.tenantId, opts.tenantId), stale) : stale)
    .returning({ id: syncRuns.id });
  if (rows.length > 0) {
    await db.q
      .update(syncState)
      .set({ leaseRunId: null, leaseUntil: null })
      .where(
        inArray(
          syncState.leaseRunId,
          rows.map((r) => r.id),
        ),
      );
  }
  return rows.map((r) => r.id);
}

// ---- tenant sync state & lease ---------------------------------------------------------------------

export async function ensureSyncState(db: Db, tenantId: string, now: number): Promise<void> {
  await db.q.insert(db.t.syncState).values({ tenantId, allowShrinkOnce: false, updatedAt: now }).onConflictDoNothing();
}

export async function getSyncState(db: Db, tenantId: string): Promise<SyncStateRow | undefined> {
  const { syncState } = db.t;
  const rows = await db.q.select().from(syncState).where(eq(syncState.tenantId, tenantId)).limit(1);
  return rows[0];
}

/** Takes (or renews) the tenant's sync lease for `runId`; false when another live run holds it. */
export async function acquireSyncLease(
  db: Db,
  tenantId: string,
  runId: string,
  now: number,
  ttlMs: number,
): Promise<boolean> {
  const { syncState } = db.t;
  await ensureSyncState(db, tenantId, now);
  const rows = await db.q
    .update(syncState)
    .set({ leaseRunId: runId, leaseUntil: now + ttlMs, updatedAt: now })
    .where(
      and(
        eq(syncState.tenantId, tenantId),
        or(isNull(syncState.leaseRunId), eq(syncState.leaseRunId, runId), lt(syncState.leaseUntil, now)),
      ),
    )
    .returning({ tenantId: syncState.tenantId });
  return rows.length === 1;
}

export async function releaseSyncLease(db: Db, tenantId: string, runId: string): Promise<void> {
  const { syncState } = db.t;
  await db.q
    .update(syncState)
    .set({ leaseRunId: null, leaseUntil: null })
    .where(and(eq(syncState.tenantId, tenantId), eq(syncState.leaseRunId, runId)));
}

export async function setAllowShrinkOnce(db: Db, tenantId: string, allow: boolean, now: number): Promise<void> {
  const { syncState } = db.t;
  await ensureSyncState(db, tenantId, now);
  await db.q.update(syncState).set({ allowShrinkOnce: allow, updatedAt: now }).where(eq(syncState.tenantId, tenantId));
}

/**
 * The atomic switch: readers move from the old snapshot to the new one in one short transaction, and
 * only if this run still holds the lease and this execution still holds the run (its lease
 * generation, the fencing token). The fence is a conditional UPDATE of the run row inside the same
 * transaction: it locks the row, so a concurrent claim waits and then sees a fresh heartbeat; a claim
 * that came first has bumped the generation and the flip matches nothing. Returns the previous
 * snapshot id (to delete) or false.
 */
export interface SnapshotFence {
  tenantId: string;
  runId: string;
  generation: number;
  now: number;
}

/**
 * Inside a transaction: the tenant's sync state when this execution still owns the run (its claim
 * generation) and the tenant's lease, else false. Every write that makes a sync's data current checks it.
 */
export async function fencedSyncState(db: Db, q: Queryable, fence: SnapshotFence) {
  const { syncState, syncRuns } = db.t;
  const fenced = await q
    .update(syncRuns)
    .set({ heartbeatAt: fence.now })
    .where(fencedRun(db, fence.tenantId, fence.runId, fence.generation))
    .returning({ id: syncRuns.id });
  if (fenced.length === 0) return false;
  const rows = await q.select().from(syncState).where(eq(syncState.tenantId, fence.tenantId)).limit(1);
  const state = rows[0];
  return state && state.leaseRunId === fence.runId ? state : false;
}

export async function flipSnapshot(
  db: Db,
  opts: SnapshotFence & { part: 'library' | 'requests'; snapshotId: string },
): Promise<{ previous: string | null } | false> {
  const { syncState } = db.t;
  return db.tx(async (q) => {
    const state = await fencedSyncState(db, q, opts);
    if (!state) return false;
    const previous = opts.part === 'library' ? state.librarySnapshotId : state.requestsSnapshotId;
    await q
      .update(syncState)
      .set(
        opts.part === 'library'
          ? { librarySnapshotId: opts.snapshotId, updatedAt: opts.now, allowShrinkOnce: false }
          : { requestsSnapshotId: opts.snapshotId, updatedAt: opts.now },
      )
      .where(eq(syncState.tenantId, opts.tenantId));
    return { previous };
  });
}

export async function markSyncSuccess(db: Db, tenantId: string, now: number): Promise<void> {
  const { syncState } = db.t;
  await db.q.update(syncState).set({ lastSuccessAt: now }).where(eq(syncState.tenantId, tenantId));
}

export async function clearSnapshotPointer(
  db: Db,
  tenantId: string,
  part: 'library' | 'requests',
): Promise<string | null> {
  const state = await getSyncState(db, tenantId);
  if (!state) return null;
  const { syncState } = db.t;
  await db.q
    .update(syncState)
    .set(part === 'library' ? { librarySnapshotId: null } : { requestsSnapshotId: null })
    .where(eq(syncState.tenantId, tenantId));
  return part === 'library' ? state.librarySnapshotId : state.requestsSnapshotId;
}

export async function countSnapshotItems(db: Db, snapshotId: string): Promise<number> {
  const { libraryItems } = db.t;
  const rows = await db.q.select({ n: count() }).from(libraryItems).where(eq(libraryItems.snapshotId, snapshotId));
  return Number(rows[0]?.n ?? 0);
}

/** Runs waiting for a worker, oldest first (to hand them to the queue again after Redis lost it). */
export async function listQueuedRuns(db: Db, limit = 10_000): Promise<{ tenantId: string; runId: string }[]> {
  const { syncRuns } = db.t;
  const rows = await db.q
    .select({ tenantId: syncRuns.tenantId, runId: syncRuns.id })
    .from(syncRuns)
    .where(eq(syncRuns.status, 'queued'))
    .orderBy(syncRuns.createdAt)
    .limit(limit);
  return rows;
}

/**
 * A tenant's latest finished runs (success, partial or failed), newest first: the sweep reads the streak
 * of failures from them (RULES §10, "failed twice in a row"), so runs older than a day still count.
 */
export async function latestFinishedRuns(db: Db, tenantId: string, limit = 20): Promise<SyncRunRow[]> {
  const { syncRuns } = db.t;
  return db.q
    .select()
    .from(syncRuns)
    .where(
      and(
        eq(syncRuns.tenantId, tenantId),
        inArray(syncRuns.status, ['success', 'partial', 'failed']),
        isNotNull(syncRuns.finishedAt),
      ),
    )
    .orderBy(desc(syncRuns.finishedAt), desc(syncRuns.id))
    .limit(limit);
}
