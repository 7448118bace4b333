import { and, count, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client';

/** Aggregates over every tenant's recent runs, for the operators' metrics (never tenant data). */
export async function syncRunStats(db: Db, since: number) {
  const { syncRuns } = db.t;
  const byStatus = await db.q
    .select({ status: syncRuns.status, n: count() })
    .from(syncRuns)
    .where(gte(syncRuns.createdAt, since))
    .groupBy(syncRuns.status);
  const durations = await db.q
    .select({ ms: sql<number>`${syncRuns.finishedAt} - ${syncRuns.startedAt}` })
    .from(syncRuns)
    .where(and(gte(syncRuns.createdAt, since), isNotNull(syncRuns.finishedAt), isNotNull(syncRuns.startedAt)));
  return {
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])) as Record<string, number>,
    durationsMs: durations.map((d) => Number(d.ms)),
  };
}
