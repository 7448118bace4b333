import { and, asc, count, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../client';

// Reads and bookkeeping of the incremental sync (ADR 0005): the previous snapshot's keys, the watermark,
// unknown-stream counts. Applying a staged sync is `snapshot-apply.ts`.

export interface SnapshotItemKey {
  id: string;
  kind: 'movie' | 'series' | 'episode';
  libraryId: string | null;
  seriesId: string | null;
}

/**
 * Every item of a snapshot, keys only (what the removal check and the watch aggregation need), in pages
 * ordered by id (keyset paging on the primary key): a large library's 170k keys are never one result set
 * in memory, the caller folds each page into a compact index (issue 12: the incremental sync ran out of
 * heap holding them as objects).
 */
export async function* snapshotItemKeyPages(
  db: Db,
  snapshotId: string,
  pageSize = 5_000,
): AsyncGenerator<SnapshotItemKey[]> {
  const t = db.t.libraryItems;
  let after: string | null = null;
  for (;;) {
    const page: SnapshotItemKey[] = await db.q
      .select({ id: t.id, kind: t.kind, libraryId: t.libraryId, seriesId: t.seriesId })
      .from(t)
      .where(after === null ? eq(t.snapshotId, snapshotId) : and(eq(t.snapshotId, snapshotId), gt(t.id, after)))
      .orderBy(asc(t.id))
      .limit(pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.id;
  }
}

/** Records where the next incremental sync starts (after the flip that made this sync's data current). */
export async function saveSyncWatermark(
  db: Db,
  tenantId: string,
  state: { watermark: number | null; fingerprint: string; fullAt: number | null },
): Promise<void> {
  const { syncState } = db.t;
  await db.q
    .update(syncState)
    .set({
      syncWatermark: state.watermark,
      serverFingerprint: state.fingerprint,
      ...(state.fullAt !== null ? { lastFullSyncAt: state.fullAt } : {}),
    })
    .where(eq(syncState.tenantId, tenantId));
}

/**
 * Movies and episodes whose streams Jellyfin did not report (the sync's `unknownStreams` count), in the
 * whole snapshot or, with `ids`, among those items only.
 */
export async function countUnknownStreams(db: Db, snapshotId: string, ids?: readonly string[]): Promise<number> {
  const t = db.t.libraryItems;
  const unknown = and(eq(t.snapshotId, snapshotId), ne(t.kind, 'series'), isNull(t.streams));
  const countWhere = async (where: typeof unknown) =>
    Number((await db.q.select({ n: count() }).from(t).where(where))[0]?.n ?? 0);
  if (!ids) return countWhere(unknown);
  let n = 0;
  for (let i = 0; i < ids.length; i += 1000) n += await countWhere(and(unknown, inArray(t.id, ids.slice(i, i + 1000))));
  return n;
}

/** Every row of one snapshot table (tests compare incremental and full snapshots with it). */
export async function listSnapshotRows(
  db: Db,
  table: 'libraryItems' | 'watchRecords' | 'mediaUsers' | 'mediaLibraries',
  snapshotId: string,
): Promise<Record<string, unknown>[]> {
  const t = db.t[table];
  return (await db.q.select().from(t).where(eq(t.snapshotId, snapshotId))) as Record<string, unknown>[];
}
