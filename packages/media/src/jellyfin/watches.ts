import type { WatchRecord } from '@mj/core';
import type { ApiTransport, Query } from '../http/api-transport';
import { itemPages, SORT } from './item-pager';
import { mergeWatchRecords, toWatchRecord } from './mappers';

// A user's watch state: the two /Items passes Jellyfin needs (it ANDs filters given together).

export type WatchFilter = 'IsPlayed' | 'IsResumable';

/** One watch pass of one user, page by page, each record with the source item it came from. */
export async function* watchPages(
  transport: ApiTransport,
  userId: string,
  filter: WatchFilter,
  pageSize: number,
): AsyncGenerator<{ sourceId: string; record: WatchRecord }[]> {
  const query: Query = {
    userId,
    Recursive: true,
    IncludeItemTypes: 'Movie,Episode',
    Filters: filter,
    EnableImages: false,
    EnableUserData: true,
    ...SORT,
  };
  for await (const page of itemPages(transport, `GET /Items (${filter})`, query, pageSize)) {
    yield page.items.flatMap((dto) => {
      const record = toWatchRecord(dto, userId);
      return record ? [{ sourceId: dto.Id, record }] : [];
    });
  }
}

/** Both watch passes of one user, merged to one record per (primary) item. */
export async function listUserWatches(
  transport: ApiTransport,
  userId: string,
  pageSize: number,
): Promise<WatchRecord[]> {
  const byItem = new Map<string, WatchRecord>();
  const seenSources = new Set<string>();
  for (const filter of ['IsPlayed', 'IsResumable'] as const) {
    for await (const page of watchPages(transport, userId, filter, pageSize)) {
      for (const { sourceId, record } of page) {
        const previous = byItem.get(record.itemId);
        // The same source twice (in both passes, or paging drift) is one watch; two versions of one
        // item are two.
        const sameSource = seenSources.has(sourceId);
        seenSources.add(sourceId);
        byItem.set(record.itemId, previous ? mergeWatchRecords(previous, record, sameSource) : record);
      }
    }
  }
  return [...byItem.values()];
}
