import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  lte,
  min,
  notInArray,
  or,
  sql,
  sum,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import type { Schema } from '../schema/define';
import { insertInChunks } from './chunked-insert';

// Stored evaluation rows (see schema/analysis.ts) and the tenant-scoped reads the API serves from them.

export type TitleIssueRow = Schema['titleIssues']['$inferSelect'];
export type TitleIssueInsert = Schema['titleIssues']['$inferInsert'];
export type RequestIssueRow = Schema['requestIssues']['$inferSelect'];
export type RequestIssueInsert = Schema['requestIssues']['$inferInsert'];
export type RecentItemRow = Schema['recentItems']['$inferSelect'];
export type RecentItemInsert = Schema['recentItems']['$inferInsert'];
export type AnalysisStateRow = Schema['analysisState']['$inferSelect'];

/** The issue columns a whitelist change can move; identity, facts and `name_rank` stay as synced. */
export type TitleEvaluation = Pick<
  TitleIssueInsert,
  'id' | 'oldSince' | 'isLarge' | 'hasLanguage' | 'languageCodes' | 'problemEpisodes' | 'evaluatedAt'
>;

/** Replaces every evaluated row of the tenant in one transaction (readers see old or new, never half). */
export async function replaceEvaluation(
  db: Db,
  tenantId: string,
  data: {
    titles: readonly TitleIssueInsert[];
    requests: readonly RequestIssueInsert[];
    recent: readonly RecentItemInsert[];
    state: Omit<AnalysisStateRow, 'tenantId' | 'revision'>;
  },
): Promise<void> {
  const { titleIssues, requestIssues, recentItems, analysisState } = db.t;
  await db.tx(async (q) => {
    await q.delete(titleIssues).where(eq(titleIssues.tenantId, tenantId));
    await q.delete(requestIssues).where(eq(requestIssues.tenantId, tenantId));
    await q.delete(recentItems).where(eq(recentItems.tenantId, tenantId));
    await insertInChunks(data.titles, (chunk) => q.insert(titleIssues).values(chunk));
    await insertInChunks(data.requests, (chunk) => q.insert(requestIssues).values(chunk));
    await insertInChunks(data.recent, (chunk) => q.insert(recentItems).values(chunk));
    await q
      .insert(analysisState)
      .values({ tenantId, ...data.state, revision: 1 })
      .onConflictDoUpdate({
        target: analysisState.tenantId,
        set: { ...data.state, revision: sql`${analysisState.revision} + 1` },
      });
  });
}

/** Marks the tenant's analysis as changed (whitelist edits, incremental re-evaluations). */
export async function bumpRevision(db: Db | { q: Queryable; t: Db['t'] }, tenantId: string): Promise<void> {
  const { analysisState } = db.t;
  await db.q
    .update(analysisState)
    .set({ revision: sql`${analysisState.revision} + 1` })
    .where(eq(analysisState.tenantId, tenantId));
}

/** The tenant's current revision (0 before the first evaluation): one primary-key lookup. */
export async function getRevision(db: Db, tenantId: string): Promise<number> {
  const { analysisState } = db.t;
  const rows = await db.q
    .select({ revision: analysisState.revision })
    .from(analysisState)
    .where(eq(analysisState.tenantId, tenantId))
    .limit(1);
  return rows[0]?.revision ?? 0;
}

export async function updateTitleEvaluations(
  db: Db,
  tenantId: string,
  rows: readonly TitleEvaluation[],
): Promise<void> {
  if (rows.length === 0) return;
  const { titleIssues } = db.t;
  const apply = async (q: Queryable) => {
    for (const { id, ...changes } of rows)
      await q
        .update(titleIssues)
        .set(changes)
        .where(and(eq(titleIssues.tenantId, tenantId), eq(titleIssues.id, id)));
  };
  await db.tx(async (q) => {
    await apply(q);
    await bumpRevision({ q, t: db.t }, tenantId);
  });
}

export async function getAnalysisState(db: Db, tenantId: string): Promise<AnalysisStateRow | undefined> {
  const { analysisState } = db.t;
  const rows = await db.q.select().from(analysisState).where(eq(analysisState.tenantId, tenantId)).limit(1);
  return rows[0];
}

export async function findTitleRow(db: Db, tenantId: string, id: string): Promise<TitleIssueRow | undefined> {
  const { titleIssues } = db.t;
  const rows = await db.q
    .select()
    .from(titleIssues)
    .where(and(eq(titleIssues.tenantId, tenantId), eq(titleIssues.id, id)))
    .limit(1);
  return rows[0];
}

/**
 * Which of these ids are titles of the tenant's current analysis (what `/library/{id}` can show): one
 * query for a whole page of deletions, so History links only to titles that still exist.
 */
export async function existingTitleIds(db: Db, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { titleIssues: t } = db.t;
  const rows = await db.q
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), inArray(t.id, [...new Set(ids)])));
  return new Set(rows.map((r) => r.id));
}

export interface TitleKeys {
  mediaType: 'movie' | 'series';
  ids: readonly string[];
  tmdb: readonly string[];
  tvdb: readonly string[];
  imdb: readonly string[];
}

/** Titles of a kind sharing a Jellyfin id or any provider id (lower-cased, as stored) with the keys. */
export async function findTitlesByKeys(db: Db, tenantId: string, keys: TitleKeys) {
  const { titleIssues: t } = db.t;
  const lookups: [Parameters<typeof inArray>[0], readonly string[]][] = [
    [t.id, keys.ids],
    [t.tmdbId, keys.tmdb],
    [t.tvdbId, keys.tvdb],
    [t.imdbId, keys.imdb],
  ];
  // One statement per key rather than an OR: each uses its own index instead of a table scan.
  const results = await Promise.all(
    lookups
      .filter(([, values]) => values.length > 0)
      .map(([column, values]) =>
        db.q
          .select({ id: t.id, mediaType: t.mediaType, tmdbId: t.tmdbId, tvdbId: t.tvdbId, imdbId: t.imdbId })
          .from(t)
          .where(and(eq(t.tenantId, tenantId), eq(t.mediaType, keys.mediaType), inArray(column, [...values]))),
      ),
  );
  const byId = new Map(results.flat().map((row) => [row.id, row]));
  return [...byId.values()];
}

/** Every title's identity and name, for the bulk whitelist import. */
export async function listTitleNames(db: Db, tenantId: string) {
  const { titleIssues: t } = db.t;
  return db.q
    .select({ id: t.id, name: t.title, kind: t.mediaType, year: t.year })
    .from(t)
    .where(eq(t.tenantId, tenantId));
}

export async function findRequestRow(db: Db, tenantId: string, requestId: number) {
  const { requestIssues: r } = db.t;
  const rows = await db.q
    .select()
    .from(r)
    .where(and(eq(r.tenantId, tenantId), eq(r.requestId, requestId)))
    .limit(1);
  return rows[0];
}

// ---- read-time predicates ------------------------------------------------------------------------

export type TitleIssueKind = 'old' | 'large' | 'language';

/** The SQL form of "the title has this issue at `now`" (any issue when `kind` is null). */
export function titleIssueCondition(db: Db, kind: TitleIssueKind | null, now: number): SQL {
  const { titleIssues: t } = db.t;
  const old = lte(t.oldSince, now);
  if (kind === 'old') return old;
  if (kind === 'large') return eq(t.isLarge, true);
  if (kind === 'language') return eq(t.hasLanguage, true);
  return or(old, eq(t.isLarge, true), eq(t.hasLanguage, true))!;
}

/** What decides, at read time, whether a stored request row is shown (RULES.md §5 rules 1 and 4). */
export interface RequestVisibility {
  /** Today in the tenant's zone, as days since the epoch. */
  today: number;
  releaseGraceDays: number;
  showUnreleasedRequests: boolean;
  hiddenRequestIds: readonly number[];
  hiddenTmdb: { movie: readonly number[]; tv: readonly number[] };
}

export function requestVisibleCondition(db: Db, v: RequestVisibility): SQL {
  const { requestIssues: r } = db.t;
  const release = [isNull(r.releaseDay), lte(r.releaseDay, v.today - v.releaseGraceDays)];
  if (v.showUnreleasedRequests) release.push(gt(r.releaseDay, v.today));
  const conditions: SQL[] = [or(...release)!];
  if (v.hiddenRequestIds.length) conditions.push(notInArray(r.requestId, [...v.hiddenRequestIds]));
  for (const mediaType of ['movie', 'tv'] as const) {
    const ids = v.hiddenTmdb[mediaType];
    if (ids.length)
      conditions.push(or(sql`${r.mediaType} <> ${mediaType}`, isNull(r.tmdbId), notInArray(r.tmdbId, [...ids]))!);
  }
  return and(...conditions)!;
}

/** `q` as a case- and accent-insensitive substring: `normalised` must come from core normaliseForSearch. */
export function searchCondition(column: SQLWrapper, normalised: string): SQL {
  const escaped = normalised.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return sql`${column} like ${`%${escaped}%`} escape '\\'`;
}

// ---- pages ---------------------------------------------------------------------------------------

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

// ---- dashboard -----------------------------------------------------------------------------------

export interface IssueTotals {
  old: { count: number; sizeBytes: number };
  large: { count: number; sizeBytes: number };
  language: { count: number; sizeBytes: number };
}

/**
 * Three index range scans, each touching only the matching rows: `(tenant, old_since)` up to `now`,
 * `(tenant, is_large, size)` and `(tenant, has_language, size)` (the size makes them covering).
 */
export async function titleTotals(db: Db, tenantId: string, now: number): Promise<IssueTotals> {
  const { titleIssues: t } = db.t;
  const total = async (condition: SQL) => {
    const rows = await db.q
      .select({ n: count(), size: sum(t.sizeBytes) })
      .from(t)
      .where(and(eq(t.tenantId, tenantId), condition));
    return { count: Number(rows[0]?.n ?? 0), sizeBytes: Number(rows[0]?.size ?? 0) };
  };
  const [old, large, language] = await Promise.all([
    total(lte(t.oldSince, now)),
    total(eq(t.isLarge, true)),
    total(eq(t.hasLanguage, true)),
  ]);
  return { old, large, language };
}

export async function countRequests(db: Db, tenantId: string, visibility: RequestVisibility): Promise<number> {
  const { requestIssues: r } = db.t;
  const rows = await db.q
    .select({ n: count() })
    .from(r)
    .where(and(eq(r.tenantId, tenantId), requestVisibleCondition(db, visibility)));
  return Number(rows[0]?.n ?? 0);
}

export async function listRecent(db: Db, tenantId: string, since: number, until: number): Promise<RecentItemRow[]> {
  const { recentItems: r } = db.t;
  return db.q
    .select()
    .from(r)
    .where(and(eq(r.tenantId, tenantId), gt(r.arrivedAt, since), lte(r.arrivedAt, until)))
    .orderBy(desc(r.arrivedAt), desc(r.requestId));
}

export async function countRecent(db: Db, tenantId: string, since: number, until: number): Promise<number> {
  const { recentItems: r } = db.t;
  const rows = await db.q
    .select({ n: count() })
    .from(r)
    .where(and(eq(r.tenantId, tenantId), gt(r.arrivedAt, since), lte(r.arrivedAt, until)));
  return Number(rows[0]?.n ?? 0);
}

/** The next instant after `now` at which a title becomes old (the dashboard changes then). */
export async function nextOldTransition(db: Db, tenantId: string, now: number): Promise<number | null> {
  const { titleIssues: t } = db.t;
  const rows = await db.q
    .select({ next: min(t.oldSince) })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), gt(t.oldSince, now)));
  return rows[0]?.next == null ? null : Number(rows[0].next);
}

/** The first instant after `now` when a stored recent row leaves a `windowMs` window. */
export async function nextRecentExit(db: Db, tenantId: string, now: number, windowMs: number): Promise<number | null> {
  const { recentItems: r } = db.t;
  const rows = await db.q
    .select({ first: min(r.arrivedAt) })
    .from(r)
    .where(and(eq(r.tenantId, tenantId), gt(r.arrivedAt, now - windowMs), lte(r.arrivedAt, now)));
  return rows[0]?.first == null ? null : Number(rows[0].first) + windowMs;
}
