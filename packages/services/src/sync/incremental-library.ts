import { serverClockAhead, WATERMARK_STEP_MS, type FullSyncReason } from '@mj/core';
import {
  copySnapshotItems,
  countSnapshotItems,
  countUnknownStreams,
  deleteSnapshotItems,
  insertSnapshotRows,
  listSnapshotItemKeys,
} from '@mj/db';
import { listChangedItems, listItemIds } from '@mj/media';
import {
  readUsersAndLibraries,
  startCounts,
  writeUsersAndLibraries,
  type LibraryFetchResult,
  type LibraryReadOptions,
} from './fetch-library';
import { itemRow } from './library-rows';
import { writeWatchRecords } from './watch-records';

/** Watch passes read in one page each (a user's played items rarely exceed this). */
const WATCH_PAGE_SIZE = 50_000;

export type IncrementalResult = (LibraryFetchResult & { fallback?: undefined }) | { fallback: FullSyncReason };

/**
 * Builds the new snapshot from the previous one plus what Jellyfin says changed since the watermark
 * (ADR 0005). Returns a fallback reason, having written possibly some rows, whenever the result could
 * differ from a full read: the caller then deletes the snapshot's rows and reads everything.
 */
export async function fetchLibraryIncrementally(
  opts: LibraryReadOptions & { previousSnapshotId: string; watermark: number },
): Promise<IncrementalResult> {
  const { db, client, tenantId, snapshotId, progress, now } = opts;
  const { users, libraries, libraryIds } = await readUsersAndLibraries(client, progress);

  await progress.step('Fetching changed items');
  const changed = await listChangedItems(client, libraryIds, opts.watermark + WATERMARK_STEP_MS);
  if (serverClockAhead(changed.maxSavedAt, now)) return { fallback: 'clock-skew' };
  await progress.step('Checking for removed items');
  const current = await listItemIds(client, libraryIds);
  if (!current.complete) return { fallback: 'count-mismatch' };

  const previous = new Map((await listSnapshotItemKeys(db, opts.previousSnapshotId)).map((k) => [k.id, k]));
  const changedById = new Map(changed.items.map((item) => [item.id, item]));
  for (const [id, at] of current.items) {
    if (changedById.has(id)) continue;
    const before = previous.get(id);
    // An item that is new (or moved library) without a newer DateLastSaved: the server's dates cannot
    // be trusted (its clock went back, or a write escaped the watermark).
    if (!before || before.libraryId !== at.libraryId || before.kind !== at.kind) return { fallback: 'unknown-items' };
  }

  await progress.step('Saving changes');
  await writeUsersAndLibraries(db, { tenantId, snapshotId }, users, libraries);
  await copySnapshotItems(db, tenantId, opts.previousSnapshotId, snapshotId);
  const stale = [...previous.keys()].filter((id) => !current.items.has(id) || changedById.has(id));
  await deleteSnapshotItems(db, snapshotId, stale);
  // A changed item belongs to the library the full listing would put it under (the first one).
  const rows = [...changedById.values()]
    .filter((item) => current.items.has(item.id))
    .map((item) => itemRow(snapshotId, tenantId, { ...item, libraryId: current.items.get(item.id)!.libraryId }));
  await insertSnapshotRows(db, 'libraryItems', rows);
  if ((await countSnapshotItems(db, snapshotId)) !== current.items.size) return { fallback: 'count-mismatch' };

  const counts = startCounts(users, libraries);
  const titleIds = new Set<string>();
  const episodeSeries = new Map<string, string>();
  for (const [id, at] of current.items) {
    const item = changedById.get(id);
    if (at.kind === 'episode') {
      counts.episodes += 1;
      const seriesId = item?.kind === 'episode' ? item.seriesId : previous.get(id)?.seriesId;
      if (seriesId) episodeSeries.set(id, seriesId);
    } else {
      counts[at.kind === 'movie' ? 'movies' : 'series'] += 1;
      titleIds.add(id);
    }
  }
  counts.unknownStreams = await countUnknownStreams(db, snapshotId);
  const titleOf = (itemId: string) => (titleIds.has(itemId) ? itemId : episodeSeries.get(itemId));
  counts.watchRecords = await writeWatchRecords({
    db,
    client,
    tenantId,
    snapshotId,
    users,
    titleOf,
    progress,
    now,
    pageSize: WATCH_PAGE_SIZE,
  });
  const removed = [...previous.keys()].filter((id) => !current.items.has(id)).length;
  return {
    counts: { ...counts, changedItems: rows.length, removedItems: removed } as LibraryFetchResult['counts'],
    maxSavedAt: changed.maxSavedAt,
  };
}
