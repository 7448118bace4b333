import { randomBytes } from 'node:crypto';
import { findSyncRun, getSyncState, listSnapshotRows } from '@mj/db';
import { createTestDb, TEST_DIALECTS, type TestDb } from '@mj/db/testing';
import { startSimulator, type Simulator } from '@mj/simulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDashboard, runSync, SecretBox, type SyncDeps } from '@mj/services';
import { insertQueuedRun, seedConnectedTenant, unconsumedCleanupQueue } from '@mj/services/testing';

// Issue 12 / ADR 0005: a nightly (scheduled) sync reads only what changed, and its snapshot is exactly
// what a full sync reads; whenever it cannot prove that, it reads everything.

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const secrets = new SecretBox([{ id: 'k1', key: randomBytes(32) }]);
const DAY = 86_400_000;

describe.each(TEST_DIALECTS)('incremental sync (%s)', (dialect) => {
  let db: TestDb;
  let sim: Simulator;
  let deps: SyncDeps;
  let tenantId: string;
  beforeEach(async () => {
    db = await createTestDb(dialect);
    sim = await startSimulator({ scale: 'demo', seed: 12 });
    deps = {
      db,
      clock: { now: () => sim.now },
      log: silent,
      secrets,
      media: { allowPrivateNetwork: true, concurrency: 4, timeoutMs: 5_000, jellyfinPageSizes: { ids: 10 } },
      queue: unconsumedCleanupQueue(),
    };
    tenantId = await seedConnectedTenant(db, secrets, { jellyfin: sim.jellyfin });
  });
  afterEach(async () => {
    await sim?.close();
    await db?.destroy();
  });

  const sync = async (trigger: 'manual' | 'schedule') => {
    const runId = await insertQueuedRun(db, tenantId, trigger);
    expect(await runSync({ ...deps, tenantId }, { runId })).toBe('success');
    return (await findSyncRun(db, tenantId, runId))!;
  };

  /** The current snapshot, without snapshot ids, sorted: what a reader sees. */
  const rows = async () => {
    const snapshotId = (await getSyncState(db, tenantId))!.librarySnapshotId!;
    const read = async (name: 'libraryItems' | 'watchRecords' | 'mediaUsers' | 'mediaLibraries') => {
      return (await listSnapshotRows(db, name, snapshotId))
        .map(({ snapshotId: _s, ...row }) => row)
        .map((row) => JSON.stringify(row, Object.keys(row).sort()))
        .sort();
    };
    return {
      items: await read('libraryItems'),
      watches: await read('watchRecords'),
      users: await read('mediaUsers'),
      libraries: await read('mediaLibraries'),
    };
  };
  const dashboard = () => getDashboard({ db, clock: deps.clock, log: silent, tenantId, userId: 'test' });

  it('after additions, removals, re-downloads, stream changes, plays and unplays: the same rows as a full sync', async () => {
    await sync('manual');
    const before = await rows();
    const pointer = (await getSyncState(db, tenantId))!.librarySnapshotId;
    const summary = sim.applyChanges({ add: 3, remove: 2, redownload: 2, streams: 3, plays: 4, unplays: 3 });
    expect(summary.changed).toBeGreaterThan(10);

    const incremental = await sync('schedule');
    expect(incremental.mode).toBe('incremental');
    expect(incremental.counts?.changedItems).toBeGreaterThanOrEqual(8);
    expect(incremental.counts?.removedItems).toBeGreaterThanOrEqual(4);
    // Removals make the per-library counts disagree, so the id listing was read to find them.
    expect(incremental.counts?.requestsByRoute?.['GET /Items (ids)']).toBeGreaterThan(0);
    // Applied in place: the snapshot pointer did not move (no copy of the library, ADR 0005).
    expect((await getSyncState(db, tenantId))!.librarySnapshotId).toBe(pointer);
    const afterIncremental = await rows();
    const incrementalDashboard = await dashboard();
    expect(afterIncremental).not.toEqual(before);

    const full = await sync('manual');
    expect(full.mode).toBe('full');
    expect(await rows()).toEqual(afterIncremental);
    expect(await dashboard()).toEqual(incrementalDashboard);
  });

  it('an unchanged library is read in at most 60 requests, and nothing moves', async () => {
    await sync('manual');
    const before = await rows();
    const run = await sync('schedule');
    expect(run.mode).toBe('incremental');
    expect(run.counts?.httpRequests).toBeLessThanOrEqual(60);
    expect(run.counts?.changedItems).toBe(0);
    // The counts prove nothing was removed: no id listing (ADR 0005).
    expect(run.counts?.requestsByRoute?.['GET /Items (count)']).toBeGreaterThan(0);
    expect(run.counts?.requestsByRoute?.['GET /Items (ids)']).toBeUndefined();
    expect(await rows()).toEqual(before);
  });

  it('additions, stream changes and plays without removals: counts replace the id listing, same rows as a full sync', async () => {
    await sync('manual');
    sim.applyChanges({ add: 3, streams: 3, plays: 4, unplays: 2 });
    const incremental = await sync('schedule');
    expect(incremental.mode).toBe('incremental');
    expect(incremental.counts?.changedItems).toBeGreaterThanOrEqual(6);
    expect(incremental.counts?.removedItems).toBe(0);
    expect(incremental.counts?.requestsByRoute?.['GET /Items (ids)']).toBeUndefined();
    const afterIncremental = await rows();
    const incrementalDashboard = await dashboard();

    const full = await sync('manual');
    expect(full.mode).toBe('full');
    expect(await rows()).toEqual(afterIncremental);
    expect(await dashboard()).toEqual(incrementalDashboard);
  });

  it('a server restarted with an upgrade falls back to a full sync', async () => {
    await sync('manual');
    sim.restartJellyfin({ version: '10.11.99' });
    const run = await sync('schedule');
    expect(run.mode).toBe('full');
    expect(run.counts?.fullReason).toEqual({ 'server-changed': 1 });
    // Same server again: the next nightly sync is incremental.
    expect((await sync('schedule')).mode).toBe('incremental');
  });

  it('a server clock running ahead falls back to a full sync', async () => {
    await sync('manual');
    sim.applyChanges({ clockOffsetMs: 30 * DAY, streams: 1 });
    const run = await sync('schedule');
    expect(run.mode).toBe('full');
    expect(run.counts?.fullReason).toEqual({ 'clock-skew': 1 });
  });

  it('a server clock gone back (new items dated before the watermark) falls back to a full sync', async () => {
    await sync('manual');
    sim.applyChanges({ clockOffsetMs: -2 * DAY, add: 2 });
    const run = await sync('schedule');
    expect(run.mode).toBe('full');
    expect(run.counts?.fullReason).toEqual({ 'unknown-items': 1 });
    expect(run.counts?.movies).toBe(sim.counts.movies + 2);
  });

  it('a listing that disagrees with its TotalRecordCount falls back to a full sync', async () => {
    await sync('manual');
    sim.setFaults('jellyfin', { drift: { addPerPage: 1, removePerPage: 1 } });
    const run = await sync('schedule');
    expect(run.mode).toBe('full');
    expect(run.counts?.fullReason).toEqual({ 'count-mismatch': 1 });
  });

  it('a requested sync ("Refresh now") and the first sync are full', async () => {
    expect((await sync('schedule')).counts?.fullReason).toEqual({ 'first-sync': 1 });
    expect((await sync('manual')).counts?.fullReason).toEqual({ requested: 1 });
  });
});
