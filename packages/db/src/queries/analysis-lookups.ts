import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import type { AnalysisStateRow, TitleIssueRow } from './analysis-rows';

// Point reads of the evaluated rows: one title or request, titles by key (whitelist matching).

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
