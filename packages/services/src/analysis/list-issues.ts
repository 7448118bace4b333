import { normaliseForSearch } from '@mj/core';
import type { IssueItem, IssuesPage, IssuesQuery, IssueSort } from '@mj/contracts';
import {
  pageRequests,
  pageTitles,
  requestVisibleCondition,
  searchCondition,
  titleIssueCondition,
  type RequestIssueRow,
  type RequestSortColumn,
  type TitleIssueRow,
  type TitleSortColumn,
} from '@mj/db';
import { and } from 'drizzle-orm';
import type { TenantContext } from '../context';
import { requestItem, titleItem } from './items';
import { readContext, type ReadContext } from './read-context';
import { cachedRead } from './read-cache';

// `GET /api/issues`. Title rows and request rows live in two tables and never merge; without a `kind`
// both are paged with the same ordering (value, nulls last, then the shared name rank) and merged.

const TITLE_COLUMN: Record<IssueSort, TitleSortColumn | null> = {
  size: 'sizeBytes',
  name: 'nameRank',
  added: 'addedAt',
  watched: 'lastWatchedAt',
  requested: null,
  release: null,
};
const REQUEST_COLUMN: Record<IssueSort, RequestSortColumn | null> = {
  size: null,
  name: 'nameRank',
  added: null,
  watched: null,
  requested: 'requestedAt',
  release: 'releaseDay',
};
const TITLE_VALUE: Record<TitleSortColumn, (row: TitleIssueRow) => number | null> = {
  sizeBytes: (row) => row.sizeBytes,
  nameRank: (row) => row.nameRank,
  addedAt: (row) => row.addedAt,
  lastWatchedAt: (row) => row.lastWatchedAt,
  year: (row) => row.year,
};
const REQUEST_VALUE: Record<RequestSortColumn, (row: RequestIssueRow) => number | null> = {
  requestedAt: (row) => row.requestedAt,
  releaseDay: (row) => row.releaseDay,
  nameRank: (row) => row.nameRank,
};

interface Sortable {
  value: number | null;
  rank: number;
  item: IssueItem;
}

function compare(order: 'asc' | 'desc') {
  return (a: Sortable, b: Sortable) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else if (a.value !== b.value) return order === 'asc' ? a.value - b.value : b.value - a.value;
    return a.rank - b.rank;
  };
}

export function defaultSort(kind: IssuesQuery['kind']): { sort: IssueSort; order: 'asc' | 'desc' } {
  return kind === 'request' ? { sort: 'requested', order: 'desc' } : { sort: 'size', order: 'desc' };
}

export async function listIssues(ctx: TenantContext, query: IssuesQuery): Promise<IssuesPage> {
  return cachedRead(ctx, `issues|${JSON.stringify(query)}`, async () => {
    const read = await readContext(ctx);
    return { value: await computeIssues(ctx, read, query), recentDays: read.settings.recentDays };
  });
}

async function computeIssues(ctx: TenantContext, read: ReadContext, query: IssuesQuery): Promise<IssuesPage> {
  const { db, tenantId } = ctx;
  const sort = query.sort ?? defaultSort(query.kind).sort;
  const order = query.order ?? (query.sort === 'name' ? 'asc' : query.sort ? 'desc' : defaultSort(query.kind).order);
  const term = query.q ? normaliseForSearch(query.q) : '';
  const offset = (query.page - 1) * query.pageSize;
  // Merging two sorted sources needs each one's first `offset + pageSize` rows.
  const window = query.kind ? query.pageSize : offset + query.pageSize;
  const sourceOffset = query.kind ? offset : 0;

  const titleKind = query.kind === undefined ? null : (query.kind as 'old' | 'large' | 'language');
  const titleFilter = (scan: boolean) =>
    and(
      titleIssueCondition(db, titleKind, read.now, scan),
      term ? searchCondition(db.t.titleIssues.searchText, term) : undefined,
    );

  const wantTitles = query.kind !== 'request';
  const wantRequests = query.kind === undefined || query.kind === 'request';
  const [titles, requests] = await Promise.all([
    wantTitles
      ? pageTitles(
          db,
          tenantId,
          { count: titleFilter(false), scan: titleFilter(true) },
          { column: TITLE_COLUMN[sort], order },
          window,
          sourceOffset,
        )
      : null,
    wantRequests
      ? pageRequests(
          db,
          tenantId,
          and(
            requestVisibleCondition(db, read.visibility),
            term ? searchCondition(db.t.requestIssues.searchText, term) : undefined,
          ),
          { column: REQUEST_COLUMN[sort], order },
          window,
          sourceOffset,
        )
      : null,
  ]);

  const titleColumn = TITLE_COLUMN[sort];
  const requestColumn = REQUEST_COLUMN[sort];
  const merged: Sortable[] = [
    ...(titles?.rows ?? []).map((row) => ({
      value: titleColumn ? TITLE_VALUE[titleColumn](row) : null,
      rank: row.nameRank,
      item: titleItem(row, read.now, read.links),
    })),
    ...(requests?.rows ?? []).map((row) => ({
      value: requestColumn ? REQUEST_VALUE[requestColumn](row) : null,
      rank: row.nameRank,
      item: requestItem(row, read.links),
    })),
  ];
  const items = query.kind ? merged : merged.sort(compare(order)).slice(offset, offset + query.pageSize);
  return {
    items: items.map((entry) => entry.item),
    total: (titles?.total ?? 0) + (requests?.total ?? 0),
    totalSizeBytes: titles?.totalSizeBytes ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
