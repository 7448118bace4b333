import { newId } from '@mj/db';
import { writeSnapshotFixture, type SnapshotFixture } from '@mj/db/testing';
import type { TestDb } from '@mj/db/testing';
import type { Clock, TenantContext } from '../../src';

export const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A settable clock: tests move time to cross old/expiry boundaries. */
export function fixedClock(now: number): Clock & { set(ms: number): void } {
  let current = now;
  return { now: () => current, set: (ms: number) => (current = ms) };
}

/** A fresh tenant holding the given snapshot, and a context for it. */
export async function tenantWith(db: TestDb, clock: Clock, fixture: SnapshotFixture): Promise<TenantContext> {
  const tenantId = newId();
  await db.q.insert(db.t.tenants).values({ id: tenantId, name: 'test', createdAt: clock.now() });
  await writeSnapshotFixture(db, tenantId, fixture, clock.now());
  return { db, clock, log: silentLog, tenantId, userId: 'user' };
}
