import { and, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import type { AnalysisStateRow, RecentItemInsert, RequestIssueInsert, TitleIssueInsert } from './analysis-rows';
import { bumpRevision } from './analysis-revision';
import { insertInChunks } from './chunked-insert';

// Writes of the evaluated rows: the whole tenant after a recompute, or a few titles after a whitelist
// change. Both bump the revision so every process's read cache misses on its next read.

/** The issue columns a whitelist change can move; identity, facts and `name_rank` stay as synced. */
export type TitleEvaluation = Pick<
  TitleIssueInsert,
  'id' | 'oldSince' | 'isLarge' | 'hasLanguage' | 'languageCodes' | 'problemEpisodes' | 'evaluatedAt'
>;

export interface RequestRowsAndState {
  requests: readonly RequestIssueInsert[];
  recent: readonly RecentItemInsert[];
  state: Omit<AnalysisStateRow, 'tenantId' | 'revision'>;
}

/**
 * Inside a recompute's transaction (full or incremental): the tenant's request issues and recent items,
 * rebuilt whole every time, and its analysis state with the revision bumped (every read cache misses).
 */
export async function writeRequestRowsAndState(
  db: Db,
  q: Queryable,
  tenantId: string,
  data: RequestRowsAndState,
): Promise<void> {
  const { requestIssues, recentItems, analysisState } = db.t;
  await q.delete(requestIssues).where(eq(requestIssues.tenantId, tenantId));
  await q.delete(recentItems).where(eq(recentItems.tenantId, tenantId));
  await insertInChunks(data.requests, (chunk) => q.insert(requestIssues).values(chunk));
  await insertInChunks(data.recent, (chunk) => q.insert(recentItems).values(chunk));
  await q
    .insert(analysisState)
    .values({ tenantId, ...data.state, revision: 1 })
    .onConflictDoUpdate({
      target: analysisState.tenantId,
      set: { ...data.state, revision: sql`${analysisState.revision} + 1` },
    });
}

/** Replaces every evaluated row of the tenant in one transaction (readers see old or new, never half). */
export async function replaceEvaluation(
  db: Db,
  tenantId: string,
  data: RequestRowsAndState & { titles: readonly TitleIssueInsert[] },
): Promise<void> {
  const { titleIssues } = db.t;
  await db.tx(async (q) => {
    await q.delete(titleIssues).where(eq(titleIssues.tenantId, tenantId));
    await insertInChunks(data.titles, (chunk) => q.insert(titleIssues).values(chunk));
    await writeRequestRowsAndState(db, q, tenantId, data);
  });
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
