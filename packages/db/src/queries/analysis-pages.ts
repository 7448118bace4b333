import { and, asc, count, desc, eq, sql, sum, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import type { RequestIssueRow, TitleIssueRow } from './analysis-rows';

// Sorted pages of the evaluated rows (issues list, library browser) with their totals.

export interface SortSpec<C> {
  /** Null sorts last in both directions; `name_rank` breaks ties (unique per tenant). */
  column: C | null;
  order: 'asc' | 'desc';
}

function orderBy(
  column: SQL.Aliased | Parameters<typeof asc>[0] | null,
  order: 'asc' | 'desc',
  rank: Parameters<typeof asc>[0],
) {
  if (column === null) return [asc(rank)];
  const direction = order === 'asc' ? asc(column as never) : desc(column as never);
  // `(col is null)` keeps nulls last on both dialects (their defaults differ).
  return [asc(sql`(${column} is null)`), direction, asc(rank)];
}

export type TitleSortColumn = 'sizeBytes' | 'nameRank' | 'addedAt' | 'lastWatchedAt' | 'year';

export async function pageTitles(
  db: Db,
  tenantId: string,
  where: SQL | undefined,
  sort: SortSpec<TitleSortColumn>,
  limit: number,
  offset: number,
): Promise<{ rows: TitleIssueRow[]; total: number; totalSizeBytes: number }> {
  const { titleIssues: t } = db.t;
  const condition = and(eq(t.tenantId, tenantId), where);
  const [rows, totals] = await Promise.all([
    db.q
      .select()
      .from(t)
      .where(condition)
      .orderBy(...orderBy(sort.column ? t[sort.column] : null, sort.order, t.nameRank))
      .limit(limit)
      .offset(offset),
    db.q
      .select({ n: count(), size: sum(t.sizeBytes) })
      .from(t)
      .where(condition),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0), totalSizeBytes: Number(totals[0]?.size ?? 0) };
}

export type RequestSortColumn = 'requestedAt' | 'releaseDay' | 'nameRank';

export async function pageRequests(
  db: Db,
  tenantId: string,
  where: SQL | undefined,
  sort: SortSpec<RequestSortColumn>,
  limit: number,
  offset: number,
): Promise<{ rows: RequestIssueRow[]; total: number }> {
  const { requestIssues: r } = db.t;
  const condition = and(eq(r.tenantId, tenantId), where);
  const [rows, totals] = await Promise.all([
    db.q
      .select()
      .from(r)
      .where(condition)
      .orderBy(...orderBy(sort.column ? r[sort.column] : null, sort.order, r.nameRank))
      .limit(limit)
      .offset(offset),
    db.q.select({ n: count() }).from(r).where(condition),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}
