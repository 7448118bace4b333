import { and, count, eq, lte, or, sum } from 'drizzle-orm';
import type { Db } from '../client';

export interface CouldFreeTotal {
  bytes: number;
  titles: number;
}

/**
 * The space the dashboard says "you could free": titles that are old at `now` or large, each counted
 * once. Adding the old and large totals would count a title that is both twice; language issues are
 * left out (the fix for a missing track is a better file, not a deletion).
 */
export async function couldFreeTotal(db: Db, tenantId: string, now: number): Promise<CouldFreeTotal> {
  const { titleIssues: t } = db.t;
  const rows = await db.q
    .select({ n: count(), size: sum(t.sizeBytes) })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), or(lte(t.oldSince, now), eq(t.isLarge, true))));
  return { titles: Number(rows[0]?.n ?? 0), bytes: Number(rows[0]?.size ?? 0) };
}
