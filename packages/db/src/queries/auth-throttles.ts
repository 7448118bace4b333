import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { Schema } from '../schema/define';

// Counters for the per-account back-off; the policy (how long a lock lasts) is core's authBackoffMs.

export type AuthThrottleRow = Schema['authThrottles']['$inferSelect'];

export async function findAuthThrottle(db: Db, key: string): Promise<AuthThrottleRow | undefined> {
  const { authThrottles: t } = db.t;
  const rows = await db.q.select().from(t).where(eq(t.key, key)).limit(1);
  return rows[0];
}

/**
 * Counts one more failure, atomically (parallel attempts cannot undercount); a counter idle since
 * `forgetBefore` starts again at 1. Returns the new count.
 */
export async function recordAuthFailure(db: Db, key: string, now: number, forgetBefore: number): Promise<number> {
  const { authThrottles: t } = db.t;
  const rows = await db.q
    .insert(t)
    .values({ key, failures: 1, lockedUntil: 0, updatedAt: now })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${t.updatedAt} < ${forgetBefore} then 1 else ${t.failures} + 1 end`,
        updatedAt: now,
      },
    })
    .returning({ failures: t.failures });
  return rows[0]!.failures;
}

export async function lockAuthThrottle(db: Db, key: string, lockedUntil: number): Promise<void> {
  const { authThrottles: t } = db.t;
  await db.q.update(t).set({ lockedUntil }).where(eq(t.key, key));
}

export async function clearAuthThrottle(db: Db, key: string): Promise<void> {
  const { authThrottles: t } = db.t;
  await db.q.delete(t).where(eq(t.key, key));
}
