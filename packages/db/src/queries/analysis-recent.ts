import { and, count, desc, eq, gt, lte, min } from 'drizzle-orm';
import type { Db } from '../client';
import type { RecentItemRow } from './analysis-rows';

// Recently available requests (`recent_items`) inside a window ending at `now`.

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

/** The first instant after `now` when a stored recent row leaves a `windowMs` window. */
export async function nextRecentExit(db: Db, tenantId: string, now: number, windowMs: number): Promise<number | null> {
  const { recentItems: r } = db.t;
  const rows = await db.q
    .select({ first: min(r.arrivedAt) })
    .from(r)
    .where(and(eq(r.tenantId, tenantId), gt(r.arrivedAt, now - windowMs), lte(r.arrivedAt, now)));
  return rows[0]?.first == null ? null : Number(rows[0].first) + windowMs;
}
