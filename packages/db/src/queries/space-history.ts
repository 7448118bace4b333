import { and, asc, count, eq, gte, lt, sum } from 'drizzle-orm';
import type { Db } from '../client';
import type { Schema } from '../schema/define';
import { couldFreeTotal } from './could-free';
import { titleTotals } from './analysis-totals';

export type SpaceHistoryRow = Schema['spaceHistory']['$inferSelect'];

const DAY_MS = 86_400_000;
/** How long the per-day history is kept: two years of daily points. */
export const SPACE_HISTORY_KEEP_DAYS = 730;

/** Days since the epoch (UTC) of an instant: the history keeps one point per tenant and day. */
export function historyDay(at: number): number {
  return Math.floor(at / DAY_MS);
}

/**
 * Stores the tenant's totals from its current analysis rows (written by the recompute that just ran) as
 * the point of `at`'s UTC day: a later sync the same day replaces it, so each day shows its newest state.
 * Points older than the kept window are pruned in the same call, so the table stays bounded per tenant.
 */
export async function recordSpaceTotals(
  db: Db,
  tenantId: string,
  input: { runId: string; at: number },
): Promise<SpaceHistoryRow> {
  const { titleIssues: t, spaceHistory: h } = db.t;
  const [all, totals, couldFree] = await Promise.all([
    db.q
      .select({ n: count(), size: sum(t.sizeBytes) })
      .from(t)
      .where(eq(t.tenantId, tenantId)),
    titleTotals(db, tenantId, input.at),
    couldFreeTotal(db, tenantId, input.at),
  ]);
  const day = historyDay(input.at);
  const row: SpaceHistoryRow = {
    tenantId,
    day,
    runId: input.runId,
    at: input.at,
    totalBytes: Number(all[0]?.size ?? 0),
    items: Number(all[0]?.n ?? 0),
    couldFreeBytes: couldFree.bytes,
    couldFreeTitles: couldFree.titles,
    oldCount: totals.old.count,
    oldBytes: totals.old.sizeBytes,
    largeCount: totals.large.count,
    largeBytes: totals.large.sizeBytes,
    languageCount: totals.language.count,
    languageBytes: totals.language.sizeBytes,
  };
  const { tenantId: _tenant, day: _day, ...update } = row;
  await db.tx(async (q) => {
    // A late, slower sync must not overwrite a newer point of the same day.
    const [existing] = await q
      .select({ at: h.at })
      .from(h)
      .where(and(eq(h.tenantId, tenantId), eq(h.day, day)))
      .limit(1);
    if (existing && existing.at > input.at) return;
    await q
      .insert(h)
      .values(row)
      .onConflictDoUpdate({ target: [h.tenantId, h.day], set: update });
    await q.delete(h).where(and(eq(h.tenantId, tenantId), lt(h.day, day - SPACE_HISTORY_KEEP_DAYS)));
  });
  return row;
}

/** The tenant's points from `since` (inclusive), oldest first. */
export async function listSpaceHistory(db: Db, tenantId: string, since: number): Promise<SpaceHistoryRow[]> {
  const { spaceHistory: h } = db.t;
  return db.q
    .select()
    .from(h)
    .where(and(eq(h.tenantId, tenantId), gte(h.day, historyDay(since))))
    .orderBy(asc(h.day));
}
