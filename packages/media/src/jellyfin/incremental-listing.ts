import type { LibraryEpisode, LibraryMovie, LibrarySeries } from '@mj/core';
import type { Query } from '../http/api-transport';
import type { JellyfinClient } from './client';
import { maxSavedOf, METADATA_FIELDS, SORT } from './item-pager';
import { isAlternateVersion, isVirtual, toEpisode, toMovie, toSeries } from './mappers';

// The two listings an incremental sync needs (ADR 0005): the items the server wrote since a watermark
// (full metadata), and every id (nothing else) to detect removals. Both apply the same rules as the full
// listing (no virtual items, no alternate versions, an item in two libraries belongs to the first), so
// their union with the previous snapshot is what a full sync would have read.

const TYPES = 'Movie,Series,Episode';
const CHANGED_PAGE_SIZE = 2_000;

type Kind = 'movie' | 'series' | 'episode';
const KIND_OF: Record<string, Kind> = { Movie: 'movie', Series: 'series', Episode: 'episode' };

export interface ChangedItems {
  items: (LibraryMovie | LibrarySeries | LibraryEpisode)[];
  /** Rows the server returned per library, before any was dropped (the removal proof counts them). */
  rowsByLibrary: Map<string | null, number>;
  /** Newest DateLastSaved seen (the server's clock), null when nothing changed. */
  maxSavedAt: number | null;
}

/** Items whose DateLastSaved is at or after `sinceMs` (Jellyfin's `MinDateLastSaved`, inclusive). */
export async function listChangedItems(
  client: JellyfinClient,
  libraryIds: readonly string[] | null,
  sinceMs: number,
): Promise<ChangedItems> {
  const seen = new Set<string>();
  const items: ChangedItems['items'] = [];
  const rowsByLibrary = new Map<string | null, number>();
  let maxSavedAt: number | null = null;
  for (const libraryId of libraryIds ?? [null]) {
    rowsByLibrary.set(libraryId, 0);
    const query: Query = {
      Recursive: true,
      IncludeItemTypes: TYPES,
      Fields: METADATA_FIELDS,
      EnableImages: false,
      ExcludeLocationTypes: 'Virtual',
      MinDateLastSaved: new Date(sinceMs).toISOString(),
      ...SORT,
      ParentId: libraryId ?? undefined,
    };
    for await (const page of client.itemPages('GET /Items (changed)', query, CHANGED_PAGE_SIZE)) {
      rowsByLibrary.set(libraryId, rowsByLibrary.get(libraryId)! + page.items.length);
      const max = maxSavedOf(page.items);
      if (max !== null && (maxSavedAt === null || max > maxSavedAt)) maxSavedAt = max;
      for (const dto of page.items) {
        const kind = KIND_OF[dto.Type];
        if (!kind || seen.has(dto.Id) || isVirtual(dto) || isAlternateVersion(dto)) continue;
        seen.add(dto.Id);
        const mapped =
          kind === 'movie'
            ? toMovie(dto, libraryId)
            : kind === 'series'
              ? toSeries(dto, libraryId)
              : toEpisode(dto, libraryId);
        if (mapped) items.push(mapped);
      }
    }
  }
  return { items, rowsByLibrary, maxSavedAt };
}

/** Every item of one library (or of the server), with nothing but what identifies it. */
function idListingQuery(libraryId: string | null): Query {
  return {
    Recursive: true,
    IncludeItemTypes: TYPES,
    // No Fields: Jellyfin always sends Id, Type, LocationType and SeriesId, which is all this needs.
    EnableImages: false,
    EnableUserData: false,
    ExcludeLocationTypes: 'Virtual',
    ...SORT,
    ParentId: libraryId ?? undefined,
  };
}

/**
 * How many rows the id listing of each library would return (its TotalRecordCount, one request per
 * library): with the previous snapshot and the changed listing this can prove that nothing was removed,
 * so the listing itself is skipped (ADR 0005). Null where the server reports no total.
 */
export async function countListedItems(
  client: JellyfinClient,
  libraryIds: readonly string[] | null,
): Promise<Map<string | null, number | null>> {
  const counts = new Map<string | null, number | null>();
  for (const libraryId of libraryIds ?? [null])
    counts.set(libraryId, await client.countItems('GET /Items (count)', idListingQuery(libraryId)));
  return counts;
}

export interface ListedId {
  id: string;
  kind: Kind;
  /** The library it was listed under (null when listing without libraries). */
  libraryId: string | null;
}

/**
 * Every item id of the libraries, with no metadata, images or user data, handed over page by page and
 * never materialised (issue 12: a map of a large library's ids, beside the previous snapshot's, ran the
 * worker out of heap). An id listed twice (two libraries) is handed over each time: the consumer keeps
 * the first. Resolves false when a listing returned fewer or more rows than its TotalRecordCount (the
 * library moved under us).
 */
export async function listItemIdPages(
  client: JellyfinClient,
  libraryIds: readonly string[] | null,
  onPage: (ids: ListedId[]) => void,
): Promise<{ complete: boolean }> {
  let complete = true;
  for (const libraryId of libraryIds ?? [null]) {
    const query = idListingQuery(libraryId);
    let total: number | null = null;
    let received = 0;
    for await (const page of client.itemPages('GET /Items (ids)', query, client.idPageSize)) {
      if (page.totalRecordCount !== null) total = page.totalRecordCount;
      received += page.items.length;
      const ids: ListedId[] = [];
      for (const dto of page.items) {
        const kind = KIND_OF[dto.Type];
        if (!kind || isVirtual(dto) || isAlternateVersion(dto)) continue;
        if (kind === 'episode' && !dto.SeriesId) continue; // toEpisode drops these too
        ids.push({ id: dto.Id, kind, libraryId });
      }
      onPage(ids);
    }
    if (total !== null && received !== total) complete = false;
  }
  return { complete };
}
