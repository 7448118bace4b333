import { and, eq, gt, isNull, lte, notInArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../client';
import { scanOnly } from './analysis-pages';

// The read-time filters of the evaluated rows: what depends on the clock, the whitelist and the query.

export type TitleIssueKind = 'old' | 'large' | 'language';

/**
 * The SQL form of "the title has this issue at `now`" (any issue when `kind` is null). `scan`: the form
 * for an ordered page read, whose `old_since` range must not be an index key (analysis-pages `scanOnly`).
 */
export function titleIssueCondition(db: Db, kind: TitleIssueKind | null, now: number, scan = false): SQL {
  const { titleIssues: t } = db.t;
  const old = scan ? lte(scanOnly(t.oldSince), now) : lte(t.oldSince, now);
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
