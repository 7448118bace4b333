import { serverClockAhead, WATERMARK_STEP_MS, type FullSyncReason } from '@mj/core';
import {
  copySnapshotItems,
  countSnapshotItems,
  countUnknownStreams,
  deleteSnapshotItems,
  insertSnapshotRows,
} from '@mj/db';
import { listChangedItems } from '@mj/media';
import { diffFromCounts, diffIdListing, loadItemKeys } from './incremental-diff';
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
  const previous = await loadItemKeys(db, opts.previousSnapshotId);
  if (!previous) return { fallback: 'count-mismatch' };
  const changedById = new Map(changed.items.map((item) => [item.id, item]));
  // Counts first: when they prove nothing was removed, the id listing (~150 MB at large) is not read.
  const current =
    (await diffFromCounts(client, libraryIds, previous, changed, changedById)) ??
    (await diffIdListing(client, libraryIds, previous, changedById));
  if (!current.complete) return { fallback: 'count-mismatch' };
  // An item that is new (or moved library) without a newer DateLastSaved: the server's dates cannot
  // be trusted (its clock went back, or a write escaped the watermark).
  if (current.unknown) return { fallback: 'unknown-items' };

  await progress.step('Saving changes');
  await writeUsersAndLibraries(db, { tenantId, snapshotId }, users, libraries);
  await copySnapshotItems(db, tenantId, opts.previousSnapshotId, snapshotId);
  const stale: string[] = [];
  let removed = 0;
  for (const [id, listed] of previous.entries()) {
    const gone = !listed && !current.changedLibrary.has(id);
    if (gone) removed += 1;
    if (gone || changedById.has(id)) stale.push(id);
  }
  await deleteSnapshotItems(db, snapshotId, stale);
  // A changed item belongs to the library the full listing would put it under (the first one).
  const rows = [...changedById.values()]
    .filter((item) => current.changedLibrary.has(item.id))
    .map((item) => itemRow(snapshotId, tenantId, { ...item, libraryId: current.changedLibrary.get(item.id)! }));
  await insertSnapshotRows(db, 'libraryItems', rows);
  if ((await countSnapshotItems(db, snapshotId)) !== current.size) return { fallback: 'count-mismatch' };

  const counts = { ...startCounts(users, libraries), ...current.kinds };
  counts.unknownStreams = await countUnknownStreams(db, snapshotId);
  const titleOf = (itemId: string): string | undefined => {
    const item = changedById.get(itemId);
    if (item) return !current.changedLibrary.has(itemId) ? undefined : item.kind === 'episode' ? item.seriesId : itemId;
    if (!previous.isListed(itemId)) return undefined;
    return previous.kindOf(itemId) === 'episode' ? previous.seriesOf(itemId) : itemId;
  };
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
  return {
    counts: { ...counts, changedItems: rows.length, removedItems: removed } as LibraryFetchResult['counts'],
    maxSavedAt: changed.maxSavedAt,
  };
}
