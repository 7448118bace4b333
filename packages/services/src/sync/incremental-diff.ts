import { countSnapshotItems, snapshotItemKeyPages, type Db } from '@mj/db';
import { countListedItems, listItemIdPages, type ChangedItems, type JellyfinClient } from '@mj/media';
import { ItemKeyIndex } from './item-key-index';

// The removal check of the incremental sync (ADR 0005), in bounded memory (issue 12): the previous
// snapshot's keys in a compact index, the server's id listing folded into it page by page.

/** The previous snapshot's keys, read page by page; null when its row count moved while reading. */
export async function loadItemKeys(db: Db, snapshotId: string): Promise<ItemKeyIndex | null> {
  const index = new ItemKeyIndex(await countSnapshotItems(db, snapshotId));
  for await (const page of snapshotItemKeyPages(db, snapshotId)) if (!index.add(page)) return null;
  return index;
}

export interface ListingDiff {
  complete: boolean;
  /** An id the previous snapshot did not hold there (new, moved library or kind) with no newer date. */
  unknown: boolean;
  /** Changed items the listing named, with the (first) library it named them under. */
  changedLibrary: Map<string, string | null>;
  /** Items in the current listing, by kind (each id once). */
  kinds: { movies: number; series: number; episodes: number };
  size: number;
}

/**
 * Lists every id on the server and marks it in `previous` (unchanged items) or in `changedLibrary`
 * (items saved since the watermark). An id listed twice (two libraries) counts once, under the first.
 */
export async function diffIdListing(
  client: JellyfinClient,
  libraryIds: readonly string[] | null,
  previous: ItemKeyIndex,
  changed: ReadonlyMap<string, unknown>,
): Promise<ListingDiff> {
  const diff: ListingDiff = {
    complete: true,
    unknown: false,
    changedLibrary: new Map(),
    kinds: { movies: 0, series: 0, episodes: 0 },
    size: 0,
  };
  const listing = await listItemIdPages(client, libraryIds, (ids) => {
    for (const { id, kind, libraryId } of ids) {
      if (changed.has(id)) {
        if (diff.changedLibrary.has(id)) continue;
        diff.changedLibrary.set(id, libraryId);
      } else {
        const mark = previous.markListed(id, kind, libraryId);
        if (mark === 'repeat') continue;
        // Listing goes on: a listing that moved under us (count-mismatch) is the reason to report.
        if (mark === 'unknown') diff.unknown = true;
      }
      diff.size += 1;
      diff.kinds[kind === 'movie' ? 'movies' : kind === 'series' ? 'series' : 'episodes'] += 1;
    }
  });
  diff.complete = listing.complete;
  return diff;
}

/**
 * The removal check without the id listing (ADR 0005): per library, the server's count T must equal the
 * rows its changed listing returned (C) plus the previous snapshot's rows there that did not change (P).
 * Then no item was removed, and the diff is what the listing would have produced. Null when any count
 * disagrees (a removal, an item in two libraries, an alternate version, an item that appeared without
 * a newer date, a library no longer walked): the caller lists ids as before.
 */
export async function diffFromCounts(
  client: JellyfinClient,
  libraryIds: readonly string[] | null,
  previous: ItemKeyIndex,
  changed: Pick<ChangedItems, 'items' | 'rowsByLibrary'>,
  changedById: ReadonlyMap<string, ChangedItems['items'][number]>,
): Promise<ListingDiff | null> {
  const walked: readonly (string | null)[] = libraryIds ?? [null];
  const unchanged = previous.countsExcept(changedById);
  if ([...unchanged.byLibrary.keys()].some((library) => !walked.includes(library))) return null;
  const totals = await countListedItems(client, libraryIds);
  for (const library of walked) {
    const expected = (changed.rowsByLibrary.get(library) ?? 0) + (unchanged.byLibrary.get(library) ?? 0);
    if (totals.get(library) !== expected) return null;
  }
  previous.markAllListed();
  const kinds = { movies: unchanged.kinds.movie, series: unchanged.kinds.series, episodes: unchanged.kinds.episode };
  const changedLibrary = new Map<string, string | null>();
  for (const item of changedById.values()) {
    changedLibrary.set(item.id, item.libraryId);
    kinds[item.kind === 'movie' ? 'movies' : item.kind === 'series' ? 'series' : 'episodes'] += 1;
  }
  return {
    complete: true,
    unknown: false,
    changedLibrary,
    kinds,
    size: kinds.movies + kinds.series + kinds.episodes,
  };
}
