import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { fencedSyncState, type SnapshotFence } from './sync';

// An incremental sync changes a few thousand rows of a large library: instead of copying the current
// snapshot (173k rows at `large`) and deleting the old one, it stages what changed under its own
// snapshot id and moves that into the current snapshot in one transaction (ADR 0005). Readers see the
// library before or after, never half of it.

const STALE_CHUNK = 500;
/** Tables re-read whole by every sync: the staged rows replace the current ones. */
const REPLACED = ['watchRecords', 'mediaUsers', 'mediaLibraries'] as const;

/**
 * Applies a staged incremental sync to the tenant's current library snapshot: `staleIds` (removed items
 * and the old rows of changed ones) leave it, the staged items join it, and its watch records, users and
 * libraries become the staged ones. False (nothing written) when this execution lost its run or lease,
 * or the current snapshot is no longer the one the sync started from.
 */
export async function applyStagedLibrary(
  db: Db,
  opts: SnapshotFence & { current: string; staged: string; staleIds: readonly string[] },
): Promise<boolean> {
  const { syncState, libraryItems: li } = db.t;
  return db.tx(async (q) => {
    const state = await fencedSyncState(db, q, opts);
    if (!state || state.librarySnapshotId !== opts.current) return false;
    for (let i = 0; i < opts.staleIds.length; i += STALE_CHUNK) {
      const ids = opts.staleIds.slice(i, i + STALE_CHUNK);
      await q.delete(li).where(and(eq(li.snapshotId, opts.current), inArray(li.id, ids)));
    }
    await q
      .update(li)
      .set({ snapshotId: opts.current })
      .where(and(eq(li.snapshotId, opts.staged), eq(li.tenantId, opts.tenantId)));
    for (const name of REPLACED) {
      const t = db.t[name];
      await q.delete(t).where(eq(t.snapshotId, opts.current));
      await q
        .update(t)
        .set({ snapshotId: opts.current })
        .where(and(eq(t.snapshotId, opts.staged), eq(t.tenantId, opts.tenantId)));
    }
    await q
      .update(syncState)
      .set({ updatedAt: opts.now, allowShrinkOnce: false })
      .where(eq(syncState.tenantId, opts.tenantId));
    return true;
  });
}
