import { and, asc, count, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';

// The incremental sync (ADR 0005) builds its new snapshot from the previous one inside the database,
// then applies what changed: the snapshot/pointer-flip model stays, only the bytes read from Jellyfin shrink.

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

/**
 * Copies a snapshot's library items under a new snapshot id (INSERT … SELECT, one statement per kind so
 * no single SQLite statement holds the database for the whole library).
 */
export async function copySnapshotItems(db: Db, tenantId: string, from: string, to: string): Promise<void> {
  const t = db.t.libraryItems;
  for (const kind of ['movie', 'series', 'episode'] as const) {
    await db.q.insert(t).select(
      db.q
        .select({
          snapshotId: sql<string>`${to}`.as('snapshot_id'),
          tenantId: t.tenantId,
          id: t.id,
          kind: t.kind,
          name: t.name,
          year: t.year,
          libraryId: t.libraryId,
          tmdbId: t.tmdbId,
          tvdbId: t.tvdbId,
          imdbId: t.imdbId,
          addedAt: t.addedAt,
          sizeBytes: t.sizeBytes,
          seriesId: t.seriesId,
          seasonNumber: t.seasonNumber,
          episodeNumber: t.episodeNumber,
          streams: t.streams,
          versions: t.versions,
        })
        .from(t)
        .where(and(eq(t.snapshotId, from), eq(t.tenantId, tenantId), eq(t.kind, kind))),
    );
  }
}

/** Removes items (gone, or about to be rewritten) from a snapshot that is not current yet. */
export async function deleteSnapshotItems(db: Db, snapshotId: string, ids: readonly string[]): Promise<void> {
  const t = db.t.libraryItems;
  for (let i = 0; i < ids.length; i += 1000) {
    await db.q.delete(t).where(and(eq(t.snapshotId, snapshotId), inArray(t.id, ids.slice(i, i + 1000))));
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

/** Movies and episodes whose streams Jellyfin did not report (the sync's `unknownStreams` count). */
export async function countUnknownStreams(db: Db, snapshotId: string): Promise<number> {
  const t = db.t.libraryItems;
  const rows = await db.q
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.snapshotId, snapshotId), ne(t.kind, 'series'), isNull(t.streams)));
  return Number(rows[0]?.n ?? 0);
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
