import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import type { Schema } from '../schema/define';

// Household links (a hashed token per link) and the keep requests visitors leave (RULES §10).

export type HouseholdLinkRow = Schema['householdLinks']['$inferSelect'];
export type KeepRequestRow = Schema['keepRequests']['$inferSelect'];

export async function insertHouseholdLink(db: Db, row: Schema['householdLinks']['$inferInsert']): Promise<void> {
  await db.q.insert(db.t.householdLinks).values(row);
}

export async function listHouseholdLinks(db: Db, tenantId: string): Promise<HouseholdLinkRow[]> {
  const { householdLinks: h } = db.t;
  return db.q.select().from(h).where(eq(h.tenantId, tenantId)).orderBy(desc(h.createdAt), desc(h.id));
}

export async function revokeHouseholdLink(db: Db, tenantId: string, id: string, at: number): Promise<boolean> {
  const { householdLinks: h } = db.t;
  const rows = await db.q
    .update(h)
    .set({ revokedAt: at })
    .where(and(eq(h.tenantId, tenantId), eq(h.id, id)))
    .returning({ id: h.id });
  return rows.length > 0;
}

export async function findHouseholdLinkByHash(db: Db, tokenHash: string): Promise<HouseholdLinkRow | undefined> {
  const { householdLinks: h } = db.t;
  const rows = await db.q.select().from(h).where(eq(h.tokenHash, tokenHash));
  return rows[0];
}

/** Records a keep request once per deletion and name key; false when the same request already exists. */
export async function insertKeepRequest(db: Db, row: Schema['keepRequests']['$inferInsert']): Promise<boolean> {
  const { keepRequests: k } = db.t;
  const rows = await db.q
    .insert(k)
    .values(row)
    .onConflictDoNothing({ target: [k.tenantId, k.deletionId, k.nameKey] })
    .returning({ id: k.id });
  return rows.length > 0;
}

export async function keepRequestsFor(
  db: Db,
  tenantId: string,
  deletionIds: readonly string[],
): Promise<KeepRequestRow[]> {
  if (deletionIds.length === 0) return [];
  const { keepRequests: k } = db.t;
  return db.q
    .select()
    .from(k)
    .where(and(eq(k.tenantId, tenantId), inArray(k.deletionId, [...deletionIds])))
    .orderBy(asc(k.at), asc(k.id));
}
