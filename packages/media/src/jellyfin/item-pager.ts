import type { z } from 'zod';
import { parseApiDate } from '@mj/core';
import type { ApiTransport, Query } from '../http/api-transport';
import { isItemsPage } from './item-check';
import { isAlternateVersion, isVirtual } from './mappers';
import { itemsPageSchema, type BaseItemDto } from './schemas';

// Offset paging over /Items, shared by the full listing, the watch passes and the incremental listings.

// SortName alone is not a total order (remakes share names); the Id tiebreak keeps offset paging
// stable while the library is unchanged.
export const SORT = { SortBy: 'SortName,Id', SortOrder: 'Ascending' } as const;
export const METADATA_FIELDS = 'MediaSources,Path,DateCreated,ProviderIds,DateLastSaved';

/** Pages in flight while the consumer processes one: hides latency; one keeps memory to two pages. */
const PREFETCH_PAGES = 1;

export interface RawPage {
  items: BaseItemDto[];
  totalRecordCount: number | null;
}

export interface ItemPage<T> {
  /** The library these items were listed under (null when listing without libraries). */
  libraryId: string | null;
  items: T[];
  /** TotalRecordCount of the library's first page (for progress); null on later pages. */
  totalRecordCount: number | null;
  /** Items dropped from this page: duplicates from paging drift, virtual items, alternate versions. */
  skipped: number;
  /** Newest DateLastSaved on the page (epoch ms, the server's clock); null when none was reported. */
  maxSavedAt?: number | null;
}

/** Start indexes of the pages after the first one, up to the announced total. */
function pageStarts(pageSize: number, total: number): number[] {
  const starts: number[] = [];
  for (let start = pageSize; start < total; start += pageSize) starts.push(start);
  return starts;
}

/** Newest parseable DateLastSaved of a page, in epoch ms. */
export function maxSavedOf(items: readonly BaseItemDto[]): number | null {
  let max: number | null = null;
  for (const dto of items) {
    const at = parseApiDate(dto.DateLastSaved);
    if (at !== null && (max === null || at > max)) max = at;
  }
  return max;
}

/**
 * Pages of one /Items query. The first page asks for the total (counting is expensive on big
 * libraries, so only once); the pages it announces are then fetched a few at a time (the client's
 * semaphore still bounds requests per server) and yielded in order, so the server's latency overlaps
 * with our parsing and writing. Past the announced total, paging continues one by one until a short
 * page (items added while paging).
 */
export async function* itemPages(
  transport: ApiTransport,
  route: string,
  query: Query,
  pageSize: number,
): AsyncGenerator<RawPage> {
  const fetchPage = (start: number) =>
    transport.json(route, '/Items', itemsPageSchema, {
      query: { ...query, StartIndex: start, Limit: pageSize, EnableTotalRecordCount: start === 0 },
      check: isItemsPage,
    });
  const first = await fetchPage(0);
  const total = first.TotalRecordCount ?? null;
  const more = first.Items.length >= pageSize;
  const announced = more && total !== null ? pageStarts(pageSize, total) : [];
  const inFlight: Promise<z.infer<typeof itemsPageSchema>>[] = [];
  let next = 0;
  const fill = () => {
    while (inFlight.length < PREFETCH_PAGES && next < announced.length) {
      const promise = fetchPage(announced[next++]!);
      promise.catch(() => undefined); // surfaced when awaited, in order
      inFlight.push(promise);
    }
  };
  fill();
  yield { items: first.Items, totalRecordCount: total };
  if (!more) return;
  let start = pageSize;
  while (inFlight.length > 0) {
    const page = await inFlight.shift()!;
    const short = page.Items.length < pageSize;
    // Ask for the next page BEFORE handing this one over: it downloads while the consumer maps and writes
    // this one (refilling after the yield left nothing in flight while the consumer worked).
    if (!short) fill();
    yield { items: page.Items, totalRecordCount: null };
    start += pageSize;
    if (short) return;
  }
  for (; ; start += pageSize) {
    const page = await fetchPage(start);
    yield { items: page.Items, totalRecordCount: null };
    if (page.Items.length < pageSize) return;
  }
}

export type ItemKind = 'Movie' | 'Series' | 'Episode';

/**
 * Items of one kind in the given libraries, mapped page by page. Listing per library (`ParentId`) is
 * what tells each item its library; an item reachable from two libraries is reported once, under the
 * first. Virtual items and alternate versions are dropped.
 */
export async function* mappedItemPages<T>(
  transport: ApiTransport,
  kind: ItemKind,
  libraryIds: readonly string[] | null,
  pageSize: number,
  map: (item: BaseItemDto, libraryId: string | null) => T | null,
): AsyncGenerator<ItemPage<T>> {
  const seen = new Set<string>();
  for (const libraryId of libraryIds ?? [null]) {
    const query: Query = {
      Recursive: true,
      IncludeItemTypes: kind,
      Fields: METADATA_FIELDS,
      EnableImages: false,
      ExcludeLocationTypes: 'Virtual',
      ...SORT,
      ParentId: libraryId ?? undefined,
    };
    for await (const page of itemPages(transport, `GET /Items (${kind})`, query, pageSize)) {
      const items: T[] = [];
      for (const dto of page.items) {
        if (seen.has(dto.Id) || isVirtual(dto) || isAlternateVersion(dto)) continue;
        seen.add(dto.Id);
        const mapped = map(dto, libraryId);
        if (mapped !== null) items.push(mapped);
      }
      yield {
        libraryId,
        items,
        totalRecordCount: page.totalRecordCount,
        skipped: page.items.length - items.length,
        maxSavedAt: maxSavedOf(page.items),
      };
    }
  }
}
