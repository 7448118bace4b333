import { normaliseForSearch } from '@mj/core';
import type { LibraryPage, LibraryQuery, LibrarySort } from '@mj/contracts';
import { pageTitles, scanOnly, searchCondition, type TitleSortColumn } from '@mj/db';
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { TenantContext } from '../context';
import { titleItem } from '../analysis/items';
import { readContext, type ReadContext } from '../analysis/read-context';
import { cachedRead } from '../analysis/read-cache';

// `GET /api/library`: every movie and series of the current evaluation, with its issues at `now`.

const COLUMN: Record<LibrarySort, TitleSortColumn> = {
  name: 'nameRank',
  size: 'sizeBytes',
  added: 'addedAt',
  watched: 'lastWatchedAt',
  year: 'year',
};

export async function browseLibrary(ctx: TenantContext, query: LibraryQuery): Promise<LibraryPage> {
  return cachedRead(ctx, `library|${JSON.stringify(query)}`, async () => {
    const read = await readContext(ctx);
    return { value: await computePage(ctx, read, query), recentDays: read.settings.recentDays };
  });
}

async function computePage(ctx: TenantContext, read: ReadContext, query: LibraryQuery): Promise<LibraryPage> {
  const t = ctx.db.t.titleIssues;
  const sort = query.sort ?? 'name';
  const order = query.order ?? (sort === 'name' ? 'asc' : 'desc');
  // The ordered read keeps year and size ranges off the index keys unless they are the sort column
  // itself (then the range narrows the same index the page walks).
  const conditions = (scan: boolean): (SQL | undefined)[] => {
    const year = scan && sort !== 'year' ? scanOnly(t.year) : sql`${t.year}`;
    const size = scan && sort !== 'size' ? scanOnly(t.sizeBytes) : sql`${t.sizeBytes}`;
    return [
      query.kind ? eq(t.mediaType, query.kind) : undefined,
      query.q ? searchCondition(t.searchText, normaliseForSearch(query.q)) : undefined,
      query.watched === undefined ? undefined : eq(t.watched, query.watched),
      query.yearFrom === undefined ? undefined : gte(year, query.yearFrom),
      query.yearTo === undefined ? undefined : lte(year, query.yearTo),
      query.sizeMin === undefined ? undefined : gte(size, query.sizeMin),
      query.sizeMax === undefined ? undefined : lte(size, query.sizeMax),
    ];
  };
  const page = await pageTitles(
    ctx.db,
    ctx.tenantId,
    { count: and(...conditions(false)), scan: and(...conditions(true)) },
    { column: COLUMN[sort], order },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return {
    items: page.rows.map((row) => titleItem(row, read.now, read.links)),
    total: page.total,
    totalSizeBytes: page.totalSizeBytes,
    page: query.page,
    pageSize: query.pageSize,
  };
}
