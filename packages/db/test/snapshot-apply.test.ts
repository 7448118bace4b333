import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireSyncLease,
  applyStagedLibrary,
  claimSyncRun,
  flipSnapshot,
  getSyncState,
  insertSnapshotRows,
  insertSyncRun,
  listSnapshotRows,
  newId,
} from '../src';
import { createTestDb, TEST_DIALECTS, type TestDb, createTestTenant } from '../src/testing';

// Issue 12 / ADR 0005: an incremental sync stages what changed and applies it to the current snapshot in
// one fenced transaction, instead of copying 173k rows into a new snapshot and deleting the old one.
describe.each(TEST_DIALECTS)('applying a staged incremental sync (%s)', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const item = (snapshotId: string, tenantId: string, id: string, name = id) => ({
    snapshotId,
    tenantId,
    id,
    kind: 'movie' as const,
    name,
  });
  const watch = (snapshotId: string, tenantId: string, titleId: string, playCount: number) => ({
    snapshotId,
    tenantId,
    userId: 'u1',
    titleId,
    itemId: titleId,
    played: true,
    positionTicks: 0,
    playCount,
    lastPlayedAt: 1_000,
  });

  /** A tenant whose current snapshot holds a, b, c (watched: a), and a running sync that staged b', d. */
  async function staged() {
    const now = 1_000_000;
    const tenantId = await createTestTenant(db, now);
    const runId = newId();
    await insertSyncRun(db, {
      id: runId,
      tenantId,
      status: 'queued',
      trigger: 'schedule',
      allowShrink: false,
      done: 0,
      createdAt: now,
    });
    const generation = (await claimSyncRun(db, tenantId, runId, now, 60_000))!;
    expect(await acquireSyncLease(db, tenantId, runId, now, 60_000)).toBe(true);
    const current = newId();
    await insertSnapshotRows(
      db,
      'libraryItems',
      ['a', 'b', 'c'].map((id) => item(current, tenantId, id)),
    );
    await insertSnapshotRows(db, 'watchRecords', [watch(current, tenantId, 'a', 1)]);
    await insertSnapshotRows(db, 'mediaUsers', [{ snapshotId: current, tenantId, id: 'u1', name: 'Old name' }]);
    expect(await flipSnapshot(db, { tenantId, runId, generation, now, part: 'library', snapshotId: current })).toEqual({
      previous: null,
    });
    const stagedId = newId();
    await insertSnapshotRows(db, 'libraryItems', [
      item(stagedId, tenantId, 'b', 'b renamed'),
      item(stagedId, tenantId, 'd'),
    ]);
    await insertSnapshotRows(db, 'watchRecords', [
      watch(stagedId, tenantId, 'a', 2),
      watch(stagedId, tenantId, 'd', 1),
    ]);
    await insertSnapshotRows(db, 'mediaUsers', [{ snapshotId: stagedId, tenantId, id: 'u1', name: 'New name' }]);
    return { tenantId, runId, generation, now, current, stagedId };
  }

  const names = async (snapshotId: string) =>
    (await listSnapshotRows(db, 'libraryItems', snapshotId)).map((r) => `${r.id}:${r.name}`).sort();

  it('removes the stale rows, moves the staged ones in, and replaces watch records and users', async () => {
    const s = await staged();
    const applied = await applyStagedLibrary(db, {
      tenantId: s.tenantId,
      runId: s.runId,
      generation: s.generation,
      now: s.now + 1,
      current: s.current,
      staged: s.stagedId,
      staleIds: ['b', 'c'],
    });
    expect(applied).toBe(true);
    expect((await getSyncState(db, s.tenantId))?.librarySnapshotId).toBe(s.current); // the pointer stays
    expect(await names(s.current)).toEqual(['a:a', 'b:b renamed', 'd:d']);
    const watches = await listSnapshotRows(db, 'watchRecords', s.current);
    expect(watches.map((w) => `${w.titleId}:${w.playCount}`).sort()).toEqual(['a:2', 'd:1']);
    expect((await listSnapshotRows(db, 'mediaUsers', s.current)).map((u) => u.name)).toEqual(['New name']);
    expect(await names(s.stagedId)).toEqual([]); // nothing left behind under the staged id
  });

  it('refuses a run that lost its claim: the current snapshot is untouched', async () => {
    const s = await staged();
    const applied = await applyStagedLibrary(db, {
      tenantId: s.tenantId,
      runId: s.runId,
      generation: s.generation + 1,
      now: s.now + 1,
      current: s.current,
      staged: s.stagedId,
      staleIds: ['b', 'c'],
    });
    expect(applied).toBe(false);
    expect(await names(s.current)).toEqual(['a:a', 'b:b', 'c:c']);
    expect(await names(s.stagedId)).toEqual(['b:b renamed', 'd:d']);
  });

  it('refuses when the current snapshot is no longer the one the sync started from', async () => {
    const s = await staged();
    const applied = await applyStagedLibrary(db, {
      tenantId: s.tenantId,
      runId: s.runId,
      generation: s.generation,
      now: s.now + 1,
      current: newId(),
      staged: s.stagedId,
      staleIds: ['b'],
    });
    expect(applied).toBe(false);
    expect(await names(s.current)).toEqual(['a:a', 'b:b', 'c:c']);
  });
});
