import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import type { TitleIssueInsert } from './analysis-rows';
import { writeRequestRowsAndState, type RequestRowsAndState } from './analysis-writes';
import { insertInChunks } from './chunked-insert';
import { inSnapshot } from './snapshot-scope';

// The reads and the write of an incremental recompute (`recomputeTenant` with changed titles): only
// some titles are re-derived, the rest keep their stored row except name ranks and *arr mappings.

const CHUNK = 500;

function chunks<T>(values: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** What an incremental recompute keeps of every stored title: its rank, mapping and identity. */
export async function listStoredTitleKeys(db: Db, tenantId: string) {
  const { titleIssues: t } = db.t;
  return db.q
    .select({
      id: t.id,
      title: t.title,
      mediaType: t.mediaType,
      tmdbId: t.tmdbId,
      tvdbId: t.tvdbId,
      imdbId: t.imdbId,
      nameRank: t.nameRank,
      arrApp: t.arrApp,
      arrId: t.arrId,
      unknownStreams: t.unknownStreams,
      watchedBy: t.watchedBy,
    })
    .from(t)
    .where(eq(t.tenantId, tenantId));
}

/** Movies and series of the snapshot carrying one of these provider ids (exact stored value). */
export async function titlesWithProviderIds(
  db: Db,
  tenantId: string,
  snapshotId: string | null,
  values: readonly string[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!snapshotId || values.length === 0) return ids;
  const { libraryItems: i } = db.t;
  for (const chunk of chunks(values)) {
    const rows = await db.q
      .select({ id: i.id })
      .from(i)
      .where(
        and(
          inSnapshot(i, tenantId, snapshotId),
          inArray(i.kind, ['movie', 'series']),
          or(inArray(i.tmdbId, chunk), inArray(i.tvdbId, chunk), inArray(i.imdbId, chunk)),
        ),
      );
    for (const row of rows) ids.add(row.id);
  }
  return ids;
}

/** A half-open instant range `(from, to]` (core `InstantRange`). */
interface InstantRange {
  from: number;
  to: number;
}

/**
 * Titles whose items' `added_at` or whose watch records' `last_played_at` fall in one of the ranges:
 * the titles whose evaluation the clock alone moved since the last evaluation.
 */
export async function titlesWithDatesIn(
  db: Db,
  tenantId: string,
  snapshotId: string | null,
  added: readonly InstantRange[],
  played: readonly InstantRange[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!snapshotId) return ids;
  const { libraryItems: i, watchRecords: w } = db.t;
  const within = (column: typeof i.addedAt | typeof w.lastPlayedAt, ranges: readonly InstantRange[]) =>
    or(...ranges.map(({ from, to }) => and(isNotNull(column), gt(column, from), lte(column, to)))) as SQL;
  if (added.length > 0) {
    const rows = await db.q
      .select({ id: i.id, kind: i.kind, seriesId: i.seriesId })
      .from(i)
      .where(and(inSnapshot(i, tenantId, snapshotId), within(i.addedAt, added)));
    for (const row of rows) ids.add(row.kind === 'episode' ? (row.seriesId ?? row.id) : row.id);
  }
  if (played.length > 0) {
    const rows = await db.q
      .select({ titleId: w.titleId })
      .from(w)
      .where(and(inSnapshot(w, tenantId, snapshotId), within(w.lastPlayedAt, played)));
    for (const row of rows) ids.add(row.titleId);
  }
  return ids;
}

/**
 * Applies an incremental recompute in one transaction that bumps the revision: the re-derived titles
 * replace their rows, removed titles lose theirs, kept titles get their moved ranks and mappings (one
 * statement per chunk), and request issues and recent items are replaced whole.
 */
export async function applyIncrementalEvaluation(
  db: Db,
  tenantId: string,
  data: RequestRowsAndState & {
    removedIds: readonly string[];
    titles: readonly TitleIssueInsert[];
    ranks: readonly { id: string; nameRank: number }[];
    arr: readonly { id: string; app: 'radarr' | 'sonarr' | null; arrId: number | null }[];
  },
): Promise<void> {
  const { titleIssues: t } = db.t;
  const scope = (ids: string[]) => and(eq(t.tenantId, tenantId), inArray(t.id, ids));
  await db.tx(async (q) => {
    const replaced = [...data.removedIds, ...data.titles.map((row) => row.id)];
    for (const ids of chunks(replaced)) await q.delete(t).where(scope(ids));
    // Every row is evaluated at this instant, as after a full recompute.
    await q.update(t).set({ evaluatedAt: data.state.evaluatedAt }).where(eq(t.tenantId, tenantId));
    await insertInChunks(data.titles, (chunk) => q.insert(t).values(chunk));
    for (const chunk of chunks(data.ranks)) {
      const cases = sql.join(
        chunk.map(({ id, nameRank }) => sql`when ${id} then cast(${nameRank} as integer)`),
        sql` `,
      );
      await q
        .update(t)
        .set({ nameRank: sql`case ${t.id} ${cases} end` })
        .where(scope(chunk.map((row) => row.id)));
    }
    for (const chunk of chunks(data.arr)) {
      const apps = sql.join(
        chunk.map(({ id, app }) => sql`when ${id} then cast(${app} as text)`),
        sql` `,
      );
      const arrIds = sql.join(
        chunk.map(({ id, arrId }) => sql`when ${id} then cast(${arrId} as integer)`),
        sql` `,
      );
      await q
        .update(t)
        .set({ arrApp: sql`case ${t.id} ${apps} end`, arrId: sql`case ${t.id} ${arrIds} end` })
        .where(scope(chunk.map((row) => row.id)));
    }
    await writeRequestRowsAndState(db, q, tenantId, data);
  });
}

/**
 * Movies of the snapshot whose Jellyfin date is unknown (null or outside `[minValid, maxValid]`): only
 * they take Jellyseerr's "added" fallback, which any request change can move.
 */
export async function moviesWithoutValidAddedAt(
  db: Db,
  tenantId: string,
  snapshotId: string | null,
  minValid: number,
  maxValid: number,
): Promise<Set<string>> {
  if (!snapshotId) return new Set();
  const { libraryItems: i } = db.t;
  const rows = await db.q
    .select({ id: i.id })
    .from(i)
    .where(
      and(
        inSnapshot(i, tenantId, snapshotId),
        eq(i.kind, 'movie'),
        or(isNull(i.addedAt), lt(i.addedAt, minValid), gt(i.addedAt, maxValid)),
      ),
    );
  return new Set(rows.map((row) => row.id));
}
