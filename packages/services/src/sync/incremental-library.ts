import { serverClockAhead, WATERMARK_STEP_MS, type FullSyncReason } from '@mj/core';
import { countUnknownStreams, insertSnapshotRows } from '@mj/db';
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

/** What `applyStagedLibrary` needs to make a staged incremental sync current. */
export interface StagedChanges {
  /** The snapshot the changes apply to (current when the sync started). */
  current: string;
  /** Removed items and the previous rows of changed ones. */
  staleIds: string[];
}

export type IncrementalResult =
  (LibraryFetchResult & { staged: StagedChanges; fallback?: undefined }) | { fallback: FullSyncReason };

/**
 * Stages what Jellyfin says changed since the watermark under `snapshotId` (ADR 0005): the changed items,
 * and the users, libraries and watch records (re-read whole); the caller then applies them to the
 * previous snapshot in one transaction (`applyStagedLibrary`). Returns a fallback reason, having written
 * possibly some rows, whenever the result could differ from a full read: the caller then deletes the
 * staged rows and reads everything into a new snapshot.
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
  const staleIds: string[] = [];
  let removed = 0;
  for (const [id, listed] of previous.entries()) {
    const gone = !listed && !current.changedLibrary.has(id);
    if (gone) removed += 1;
    if (gone || changedById.has(id)) staleIds.push(id);
  }
  // A changed item belongs to the library the full listing would put it under (the first one).
  const rows = [...changedById.values()]
    .filter((item) => current.changedLibrary.has(item.id))
    .map((item) => itemRow(snapshotId, tenantId, { ...item, libraryId: current.changedLibrary.get(item.id)! }));
  await insertSnapshotRows(db, 'libraryItems', rows);
  // Every stale id is one of the previous snapshot's rows, so this is the row count once applied.
  if (previous.size - staleIds.length + rows.length !== current.size) return { fallback: 'count-mismatch' };

  const counts = { ...startCounts(users, libraries), ...current.kinds };
  // As counted once applied: the previous snapshot's, less its stale rows', plus the staged rows'.
  counts.unknownStreams =
    (await countUnknownStreams(db, opts.previousSnapshotId)) -
    (await countUnknownStreams(db, opts.previousSnapshotId, staleIds)) +
    (await countUnknownStreams(db, snapshotId));
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
    staged: { current: opts.previousSnapshotId, staleIds },
  };
}
