import { and, count, eq, lte, sum, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { requestVisibleCondition, type RequestVisibility } from './analysis-predicates';

// The dashboard's issue totals.

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
