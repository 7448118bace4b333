import { and, count, desc, eq, gt, isNotNull, lte, max, not, like, or } from 'drizzle-orm';
import type { Db } from '../client';

// Reads for the weekly digest (RULES §10: "space you could reclaim, new issues since the last digest,
// what leaves soon").

export interface CouldFreeTitle {
  id: string;
  title: string;
  year: number | null;
  sizeBytes: number;
}

/** The largest titles counted in "you could free" (old at `now` or large), biggest first. */
export async function topCouldFree(db: Db, tenantId: string, now: number, limit = 5): Promise<CouldFreeTitle[]> {
  const { titleIssues: t } = db.t;
  const rows = await db.q
    .select({ id: t.id, title: t.title, year: t.year, sizeBytes: t.sizeBytes })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), or(lte(t.oldSince, now), eq(t.isLarge, true)), isNotNull(t.sizeBytes)))
    .orderBy(desc(t.sizeBytes), t.id)
    .limit(limit);
  return rows.map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes ?? 0) }));
}

/**
 * When the tenant's previous digest was recorded (its latest delivery of an earlier week), or null.
 * `currentKeyPrefix` (`digest:<tenant>:<week>|`) excludes this week's own deliveries, so a channel added
 * after this week's digest still gets the same window.
 */
export async function previousDigestAt(db: Db, tenantId: string, currentKeyPrefix: string): Promise<number | null> {
  const { notificationDeliveries: d } = db.t;
  const rows = await db.q
    .select({ at: max(d.createdAt) })
    .from(d)
    .where(and(eq(d.tenantId, tenantId), eq(d.event, 'digest'), not(like(d.idempotencyKey, `${currentKeyPrefix}%`))));
  return rows[0]?.at == null ? null : Number(rows[0].at);
}

/**
 * Titles whose issue appeared in `(since, now]`. No first-seen time is stored, so the issue's own clock
 * is used: an old title's `old_since` (the instant it became old), a large or language title's
 * `added_at` (it had the issue from its arrival). Each title counts once.
 */
export async function countNewIssues(db: Db, tenantId: string, since: number, now: number): Promise<number> {
  const { titleIssues: t } = db.t;
  const rows = await db.q
    .select({ n: count() })
    .from(t)
    .where(
      and(
        eq(t.tenantId, tenantId),
        or(
          and(gt(t.oldSince, since), lte(t.oldSince, now)),
          and(or(eq(t.isLarge, true), eq(t.hasLanguage, true)), gt(t.addedAt, since), lte(t.addedAt, now)),
        ),
      ),
    );
  return Number(rows[0]?.n ?? 0);
}
