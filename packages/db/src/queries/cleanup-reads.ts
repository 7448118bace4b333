import { and, asc, desc, eq, gte, lte, sql, sum } from 'drizzle-orm';
import type { Db } from '../client';

// What cleanup reads around its deletions: space reclaimed, the scheduled set, season sizes, the
// automatic rule's candidates, and removing a deleted title from the current snapshot.

/** Bytes executed (done) for a tenant since `since` (the daily cap) and in total. */
export async function reclaimedBytes(
  db: Db,
  tenantId: string,
  since: number,
): Promise<{ since: number; total: number }> {
  const { deletions: d } = db.t;
  const [[recent], [all]] = await Promise.all([
    db.q
      .select({ s: sum(d.sizeBytes) })
      .from(d)
      .where(and(eq(d.tenantId, tenantId), eq(d.status, 'done'), gte(d.executedAt, since))),
    db.q
      .select({ s: sum(d.sizeBytes) })
      .from(d)
      .where(and(eq(d.tenantId, tenantId), eq(d.status, 'done'))),
  ]);
  return { since: Number(recent?.s ?? 0), total: Number(all?.s ?? 0) };
}

export async function scheduledSummary(
  db: Db,
  tenantId: string,
): Promise<{ count: number; sizeBytes: number; nextAt: number | null; itemIds: string[] }> {
  const { deletions: d } = db.t;
  const rows = await db.q
    .select({ itemId: d.itemId, size: d.sizeBytes, at: d.executeAt })
    .from(d)
    .where(and(eq(d.tenantId, tenantId), eq(d.status, 'scheduled')))
    .orderBy(asc(d.executeAt));
  return {
    count: rows.length,
    sizeBytes: rows.reduce((s, r) => s + r.size, 0),
    nextAt: rows[0]?.at ?? null,
    itemIds: rows.map((r) => r.itemId),
  };
}

/**
 * A deleted title leaves the current library snapshot and its evaluated row at once, so every number
 * moves before the next sync confirms it (and a recompute in between cannot bring it back).
 */
export async function removeTitleFromCurrentSnapshot(db: Db, tenantId: string, itemId: string): Promise<void> {
  const { libraryItems: li, watchRecords: w, titleIssues: ti, syncState: s, analysisState: a } = db.t;
  await db.tx(async (q) => {
    const [state] = await q.select({ snapshot: s.librarySnapshotId }).from(s).where(eq(s.tenantId, tenantId));
    if (state?.snapshot) {
      // Two statements, each on its own index (an OR of the two would scan the whole snapshot).
      await q.delete(li).where(and(eq(li.snapshotId, state.snapshot), eq(li.id, itemId)));
      await q.delete(li).where(and(eq(li.snapshotId, state.snapshot), eq(li.seriesId, itemId)));
      await q.delete(w).where(and(eq(w.snapshotId, state.snapshot), eq(w.titleId, itemId)));
    }
    await q.delete(ti).where(and(eq(ti.tenantId, tenantId), eq(ti.id, itemId)));
    await q
      .update(a)
      .set({ revision: sql`${a.revision} + 1` })
      .where(eq(a.tenantId, tenantId));
  });
}

/** Bytes per season of a series in the current library snapshot (episodes without a number: 0). */
export async function seasonSizes(db: Db, tenantId: string, seriesId: string): Promise<Map<number, number>> {
  const { libraryItems: li, syncState: s } = db.t;
  const [state] = await db.q.select({ snapshot: s.librarySnapshotId }).from(s).where(eq(s.tenantId, tenantId));
  const sizes = new Map<number, number>();
  if (!state?.snapshot) return sizes;
  const rows = await db.q
    .select({ season: li.seasonNumber, size: li.sizeBytes })
    .from(li)
    .where(and(eq(li.snapshotId, state.snapshot), eq(li.seriesId, seriesId), eq(li.kind, 'episode')));
  for (const row of rows) sizes.set(row.season ?? 0, (sizes.get(row.season ?? 0) ?? 0) + (row.size ?? 0));
  return sizes;
}

/** Old titles (evaluated `old` at `now`) with a known added date that never had a deletion. */
export async function autoScheduleCandidates(db: Db, tenantId: string, now: number, limit: number): Promise<string[]> {
  const { titleIssues: t, deletions: d } = db.t;
  const rows = await db.q
    .select({ id: t.id })
    .from(t)
    .where(
      and(
        eq(t.tenantId, tenantId),
        lte(t.oldSince, now),
        sql`${t.addedAt} is not null`,
        sql`not exists (select 1 from ${d} where ${d.tenantId} = ${t.tenantId} and ${d.itemId} = ${t.id})`,
      ),
    )
    .orderBy(desc(t.sizeBytes))
    .limit(limit);
  return rows.map((r) => r.id);
}
