import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireSyncLease,
  claimSyncRun,
  findSyncRun,
  finishSyncRun,
  flipSnapshot,
  getSyncState,
  insertSyncRun,
  newId,
  ownsSyncRun,
  requeueSilentRuns,
} from '../src';
import { createTestDb, TEST_DIALECTS, type TestDb, createTestTenant } from '../src/testing';

const STALE = 20_000;

describe.each(TEST_DIALECTS)('sync lease fencing (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function queuedRun(now: number) {
    const tenantId = await createTestTenant(db, now);
    const runId = newId();
    await insertSyncRun(db, {
      id: runId,
      tenantId,
      status: 'queued',
      trigger: 'manual',
      allowShrink: false,
      done: 0,
      createdAt: now,
    });
    return { tenantId, runId };
  }

  /** Worker A claims, goes silent for longer than the stale window, worker B resumes the run. */
  async function takeover() {
    const t0 = 1_000_000;
    const { tenantId, runId } = await queuedRun(t0);
    const a = await claimSyncRun(db, tenantId, runId, t0, STALE);
    expect(a).toBe(1);
    expect(await acquireSyncLease(db, tenantId, runId, t0, 60_000)).toBe(true);
    const t1 = t0 + STALE + 1;
    const requeued = await requeueSilentRuns(db, { now: t1, staleAfterMs: STALE });
    expect(requeued.map((r) => r.runId)).toContain(runId);
    const b = await claimSyncRun(db, tenantId, runId, t1, STALE);
    expect(b).toBe(2);
    // Same run id, so the tenant lease alone cannot tell A from B: only the generation can.
    expect(await acquireSyncLease(db, tenantId, runId, t1, 60_000)).toBe(true);
    return { tenantId, runId, a: a ?? 0, b: b ?? 0, t1 };
  }

  it('a claim is refused while the holder heartbeats, and bumps the generation once it is silent', async () => {
    const { tenantId, runId } = await queuedRun(0);
    expect(await claimSyncRun(db, tenantId, runId, 1000, STALE)).toBe(1);
    expect(await claimSyncRun(db, tenantId, runId, 1000 + STALE, STALE)).toBeNull();
    expect(await claimSyncRun(db, tenantId, runId, 1001 + STALE, STALE)).toBe(2);
    expect(await ownsSyncRun(db, tenantId, runId, 1)).toBe(false);
    expect(await ownsSyncRun(db, tenantId, runId, 2)).toBe(true);
  });

  it("refuses the stale holder's flip and final write after a takeover; the new holder's result wins", async () => {
    const { tenantId, runId, a, b, t1 } = await takeover();
    const fenceA = { tenantId, runId, generation: a };
    const fenceB = { tenantId, runId, generation: b };

    // A comes back after its cut-off and tries to publish what it fetched.
    const flipA = await flipSnapshot(db, { ...fenceA, part: 'library', snapshotId: 'snap-a', now: t1 + 1 });
    expect(flipA).toBe(false);
    expect((await getSyncState(db, tenantId))?.librarySnapshotId ?? null).toBeNull();
    expect(await finishSyncRun(db, fenceA, { status: 'failed', finishedAt: t1 + 1, error: 'A' })).toBe(false);
    expect((await findSyncRun(db, tenantId, runId))?.status).toBe('running');

    const flipB = await flipSnapshot(db, { ...fenceB, part: 'library', snapshotId: 'snap-b', now: t1 + 2 });
    expect(flipB).toEqual({ previous: null });
    expect(await finishSyncRun(db, fenceB, { status: 'success', finishedAt: t1 + 3, error: null })).toBe(true);

    // A's late final write cannot overwrite B's result either.
    expect(await finishSyncRun(db, fenceA, { status: 'failed', finishedAt: t1 + 4, error: 'A' })).toBe(false);
    const run = await findSyncRun(db, tenantId, runId);
    expect(run).toMatchObject({ status: 'success', error: null, finishedAt: t1 + 3, leaseGeneration: 2 });
    const state = await getSyncState(db, tenantId);
    expect(state).toMatchObject({ librarySnapshotId: 'snap-b', lastSuccessAt: t1 + 3 });
  });

  it('refuses a flip while the run is back in the queue, before anyone resumed it', async () => {
    const t0 = 5_000_000;
    const { tenantId, runId } = await queuedRun(t0);
    const a = (await claimSyncRun(db, tenantId, runId, t0, STALE)) ?? 0;
    await acquireSyncLease(db, tenantId, runId, t0, 60_000);
    await requeueSilentRuns(db, { now: t0 + STALE + 1, staleAfterMs: STALE });
    const flip = await flipSnapshot(db, {
      tenantId,
      runId,
      generation: a,
      part: 'requests',
      snapshotId: 'snap-late',
      now: t0 + STALE + 2,
    });
    expect(flip).toBe(false);
    expect((await getSyncState(db, tenantId))?.requestsSnapshotId ?? null).toBeNull();
  });

  it('a flip by the live holder refreshes its heartbeat, so a racing claim is refused', async () => {
    const t0 = 9_000_000;
    const { tenantId, runId } = await queuedRun(t0);
    const a = (await claimSyncRun(db, tenantId, runId, t0, STALE)) ?? 0;
    await acquireSyncLease(db, tenantId, runId, t0, 60_000);
    const late = t0 + STALE + 5;
    const flip = await flipSnapshot(db, {
      tenantId,
      runId,
      generation: a,
      part: 'library',
      snapshotId: 's',
      now: late,
    });
    expect(flip).toEqual({ previous: null });
    expect(await claimSyncRun(db, tenantId, runId, late + 1, STALE)).toBeNull();
    expect(await ownsSyncRun(db, tenantId, runId, a)).toBe(true);
  });
});
