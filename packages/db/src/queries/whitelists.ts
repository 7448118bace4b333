import type { WhitelistType } from '@mj/core';
import { and, count, desc, eq, gt, inArray, isNotNull, lte, min } from 'drizzle-orm';
import type { Db } from '../client';
import type { Schema } from '../schema/define';
import { bumpRevision } from './analysis-revision';

// Every write bumps the tenant's analysis revision: whitelists change what reads show.

export type WhitelistRow = Schema['whitelistEntries']['$inferSelect'];
export type WhitelistInsert = Schema['whitelistEntries']['$inferInsert'];

export async function listWhitelistRows(db: Db, tenantId: string, type?: WhitelistType): Promise<WhitelistRow[]> {
  const { whitelistEntries: w } = db.t;
  return db.q
    .select()
    .from(w)
    .where(and(eq(w.tenantId, tenantId), type ? eq(w.type, type) : undefined))
    .orderBy(w.createdAt, w.id);
}

/**
 * One page of a type's entries, newest first. `created_at` ties (an import saves many entries at one
 * instant) are broken by the id, so consecutive pages never repeat or skip an entry.
 */
export async function pageWhitelistRows(
  db: Db,
  tenantId: string,
  opts: { type: WhitelistType; offset: number; limit: number },
): Promise<WhitelistRow[]> {
  const { whitelistEntries: w } = db.t;
  return db.q
    .select()
    .from(w)
    .where(and(eq(w.tenantId, tenantId), eq(w.type, opts.type)))
    .orderBy(desc(w.createdAt), desc(w.id))
    .limit(opts.limit)
    .offset(opts.offset);
}

/** How many entries the tenant has per type (types without entries are absent). */
export async function countWhitelistRows(db: Db, tenantId: string): Promise<Partial<Record<WhitelistType, number>>> {
  const { whitelistEntries: w } = db.t;
  const rows = await db.q.select({ type: w.type, n: count() }).from(w).where(eq(w.tenantId, tenantId)).groupBy(w.type);
  return Object.fromEntries(rows.map((row) => [row.type, Number(row.n)]));
}

/** Deletes the tenant's entries that expired at or before `cutoff`; returns how many. */
export async function purgeWhitelistRows(db: Db, tenantId: string, cutoff: number): Promise<number> {
  const { whitelistEntries: w } = db.t;
  const deleted = await db.q
    .delete(w)
    .where(and(eq(w.tenantId, tenantId), isNotNull(w.expiresAt), lte(w.expiresAt, cutoff)))
    .returning({ id: w.id });
  if (deleted.length > 0) await bumpRevision(db, tenantId);
  return deleted.length;
}

export async function findWhitelistRow(db: Db, tenantId: string, id: string): Promise<WhitelistRow | undefined> {
  const { whitelistEntries: w } = db.t;
  const rows = await db.q
    .select()
    .from(w)
    .where(and(eq(w.tenantId, tenantId), eq(w.id, id)))
    .limit(1);
  return rows[0];
}

/** Inserts an entry, deleting the expired duplicates it replaces in the same transaction. */
export async function insertWhitelistRow(
  db: Db,
  row: WhitelistInsert,
  replaces: readonly string[] = [],
): Promise<void> {
  const { whitelistEntries: w } = db.t;
  await db.tx(async (q) => {
    if (replaces.length) await q.delete(w).where(and(eq(w.tenantId, row.tenantId), inArray(w.id, [...replaces])));
    await q.insert(w).values(row);
    await bumpRevision({ q, t: db.t }, row.tenantId);
  });
}

export async function insertWhitelistRows(db: Db, rows: readonly WhitelistInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const { whitelistEntries: w } = db.t;
  await db.tx(async (q) => {
    for (let i = 0; i < rows.length; i += 500) await q.insert(w).values(rows.slice(i, i + 500));
    await bumpRevision({ q, t: db.t }, rows[0]!.tenantId);
  });
}

export async function deleteWhitelistRows(db: Db, tenantId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { whitelistEntries: w } = db.t;
  const deleted = await db.q
    .delete(w)
    .where(and(eq(w.tenantId, tenantId), inArray(w.id, [...ids])))
    .returning({ id: w.id });
  await bumpRevision(db, tenantId);
  return deleted.length;
}

export async function updateWhitelistExpiry(db: Db, tenantId: string, id: string, expiresAt: number | null) {
  const { whitelistEntries: w } = db.t;
  await db.q
    .update(w)
    .set({ expiresAt, expiryApplied: false })
    .where(and(eq(w.tenantId, tenantId), eq(w.id, id)));
  await bumpRevision(db, tenantId);
}

/** Entries that expired at or before `now` and whose rows were not re-evaluated since. */
export async function listUnappliedExpiries(db: Db, tenantId: string, now: number): Promise<WhitelistRow[]> {
  const { whitelistEntries: w } = db.t;
  return db.q
    .select()
    .from(w)
    .where(and(eq(w.tenantId, tenantId), eq(w.expiryApplied, false), isNotNull(w.expiresAt), lte(w.expiresAt, now)));
}

export async function markExpiriesApplied(db: Db, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { whitelistEntries: w } = db.t;
  await db.q
    .update(w)
    .set({ expiryApplied: true })
    .where(and(eq(w.tenantId, tenantId), inArray(w.id, [...ids])));
}

/** The next instant after `now` at which one of the tenant's entries expires. */
export async function nextWhitelistExpiry(db: Db, tenantId: string, now: number): Promise<number | null> {
  const { whitelistEntries: w } = db.t;
  const rows = await db.q
    .select({ next: min(w.expiresAt) })
    .from(w)
    .where(and(eq(w.tenantId, tenantId), gt(w.expiresAt, now)));
  return rows[0]?.next == null ? null : Number(rows[0].next);
}
