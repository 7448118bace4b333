import { and, eq, gt, min, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';

// `analysis_state.revision`: bumped by every write that changes what a read shows, compared by the
// read caches of every process (services/analysis/read-cache.ts) together with the next instant a
// stored row changes meaning on its own.

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

/** The next instant after `now` at which a title becomes old (the dashboard changes then). */
export async function nextOldTransition(db: Db, tenantId: string, now: number): Promise<number | null> {
  const { titleIssues: t } = db.t;
  const rows = await db.q
    .select({ next: min(t.oldSince) })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), gt(t.oldSince, now)));
  return rows[0]?.next == null ? null : Number(rows[0].next);
}
