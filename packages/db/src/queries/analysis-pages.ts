import { and, asc, count, desc, eq, isNotNull, isNull, sql, sum, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../client';
import type { RequestIssueRow, TitleIssueRow } from './analysis-rows';

// Sorted pages of the evaluated rows (issues list, library browser) with their totals.
//
// Order: the sort column in the asked direction, nulls last in both directions, then `name_rank`
// ascending (unique per tenant). `ORDER BY (col is null), col, name_rank` says that in one statement but
// no index can serve it, so every page sorted the whole filtered set (0.2-2 s per cold read at large).
// Instead the non-null rows are read in `(tenant, col, name_rank)` index order and, only when the page
// runs past them, the null rows (one index range, `name_rank` order) fill the rest.

export interface SortSpec<C> {
  /** Null sorts last in both directions; `name_rank` breaks ties (unique per tenant). */
  column: C | null;
  order: 'asc' | 'desc';
}

/**
 * The page's condition in two forms: `count` for the totals (free to use the range indexes, e.g.
 * `old_since <= now`) and `scan` for the ordered read, whose range filters must not draw the planner
 * away from the sort index (see `scanOnly`).
 */
export interface PageFilter {
  count: SQL | undefined;
  scan: SQL | undefined;
}

/**
 * `+column`: the same value, but not an index key for the planner (SQLite's documented way to disqualify
 * a term; PostgreSQL treats it as an expression too). A range such as `old_since <= now` otherwise wins
 * the plan over the sort index and the page sorts every matching row again.
 */
export function scanOnly(column: SQLWrapper): SQL {
  return sql`+${column}`;
}

type Column = Parameters<typeof asc>[0];
type Select<R> = (where: SQL | undefined, order: SQL[], limit: number, offset: number) => Promise<R[]>;

/** Rows `offset .. offset+limit` in nulls-last order, each part read in index order. */
async function nullsLastPage<R>(
  select: Select<R>,
  countWhere: (where: SQL) => Promise<number>,
  total: Promise<number>,
  column: Column | null,
  nullable: boolean,
  order: 'asc' | 'desc',
  rank: Column,
  limit: number,
  offset: number,
): Promise<R[]> {
  if (column === null) return select(undefined, [asc(rank)], limit, offset);
  const direction = order === 'asc' ? asc(column) : desc(column);
  if (!nullable) return select(undefined, column === rank ? [direction] : [direction, asc(rank)], limit, offset);
  const head = await select(isNotNull(column), [direction, asc(rank)], limit, offset);
  if (head.length === limit) return head;
  // Ordering the null part by (col, name_rank) rather than name_rank alone is the same order (col is
  // null throughout) and lets PostgreSQL see that the index already provides it.
  const tailOrder = [asc(column), asc(rank)];
  if (head.length > 0) return [...head, ...(await select(isNull(column), tailOrder, limit - head.length, 0))];
  // The page starts inside the null part: skip what the non-null part holds.
  const nonNull = (await total) - (await countWhere(isNull(column)));
  return select(isNull(column), tailOrder, limit, Math.max(0, offset - nonNull));
}

export type TitleSortColumn = 'sizeBytes' | 'nameRank' | 'addedAt' | 'lastWatchedAt' | 'year';

export async function pageTitles(
  db: Db,
  tenantId: string,
  filter: PageFilter,
  sort: SortSpec<TitleSortColumn>,
  limit: number,
  offset: number,
): Promise<{ rows: TitleIssueRow[]; total: number; totalSizeBytes: number }> {
  const { titleIssues: t } = db.t;
  const counted = and(eq(t.tenantId, tenantId), filter.count);
  const totals = db.q
    .select({ n: count(), size: sum(t.sizeBytes) })
    .from(t)
    .where(counted)
    .then((r) => ({ total: Number(r[0]?.n ?? 0), totalSizeBytes: Number(r[0]?.size ?? 0) }));
  const select: Select<TitleIssueRow> = (where, order, n, skip) =>
    db.q
      .select()
      .from(t)
      .where(and(eq(t.tenantId, tenantId), filter.scan, where))
      .orderBy(...order)
      .limit(n)
      .offset(skip);
  const countWhere = async (where: SQL) =>
    Number((await db.q.select({ n: count() }).from(t).where(and(counted, where)))[0]?.n ?? 0);
  const [rows, sums] = await Promise.all([
    nullsLastPage(
      select,
      countWhere,
      totals.then((s) => s.total),
      sort.column ? t[sort.column] : null,
      sort.column !== 'nameRank',
      sort.order,
      t.nameRank,
      limit,
      offset,
    ),
    totals,
  ]);
  return { rows, ...sums };
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
  const total = db.q
    .select({ n: count() })
    .from(r)
    .where(condition)
    .then((rows) => Number(rows[0]?.n ?? 0));
  const select: Select<RequestIssueRow> = (part, order, n, skip) =>
    db.q
      .select()
      .from(r)
      .where(and(condition, part))
      .orderBy(...order)
      .limit(n)
      .offset(skip);
  const countWhere = async (part: SQL) =>
    Number((await db.q.select({ n: count() }).from(r).where(and(condition, part)))[0]?.n ?? 0);
  const [rows, n] = await Promise.all([
    nullsLastPage(
      select,
      countWhere,
      total,
      sort.column ? r[sort.column] : null,
      sort.column !== 'nameRank',
      sort.order,
      r.nameRank,
      limit,
      offset,
    ),
    total,
  ]);
  return { rows, total: n };
}
