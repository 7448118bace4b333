import { and, asc, count, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import type { Schema } from '../schema/define';
import type { DeletionStatus } from '../schema/cleanup';
import { newId } from '../ids';
import { insertAudit, type AuditInsert } from './audit-log';

export type DeletionRow = Schema['deletions']['$inferSelect'];
export type DeletionInsert = Schema['deletions']['$inferInsert'];
export type DeletionEventRow = Schema['deletionEvents']['$inferSelect'];

export const OPEN_STATUSES: DeletionStatus[] = ['scheduled', 'executing'];

/** Deletions change what the dashboard shows (leaving soon, reclaimed): readers' caches must see it. */
async function bump(q: Queryable, db: Db, tenantId: string) {
  const { analysisState: a } = db.t;
  await q
    .update(a)
    .set({ revision: sql`${a.revision} + 1` })
    .where(eq(a.tenantId, tenantId));
}

async function insertEvent(
  q: Queryable,
  db: Db,
  row: {
    tenantId: string;
    deletionId: string;
    at: number;
    actor: string;
    status: DeletionStatus;
    note?: string | null;
  },
) {
  await q.insert(db.t.deletionEvents).values({ id: newId(row.at), note: null, ...row });
}

/** Inserts deletions with their first event and audit rows, in one transaction. */
export async function insertDeletions(
  db: Db,
  rows: readonly DeletionInsert[],
  audit: readonly AuditInsert[],
): Promise<void> {
  await db.tx(async (q) => {
    await q.insert(db.t.deletions).values([...rows]);
    for (const row of rows)
      await insertEvent(q, db, {
        tenantId: row.tenantId,
        deletionId: row.id,
        at: row.createdAt,
        actor: row.scheduledBy,
        status: 'scheduled',
        note: null,
      });
    await insertAudit(q, db, audit);
    for (const tenantId of new Set(rows.map((r) => r.tenantId))) await bump(q, db, tenantId);
  });
}

export async function findDeletion(db: Db, tenantId: string, id: string): Promise<DeletionRow | undefined> {
  const { deletions: d } = db.t;
  const rows = await db.q
    .select()
    .from(d)
    .where(and(eq(d.tenantId, tenantId), eq(d.id, id)))
    .limit(1);
  return rows[0];
}

export async function listDeletionEvents(db: Db, tenantId: string, deletionId: string): Promise<DeletionEventRow[]> {
  const { deletionEvents: e } = db.t;
  return db.q
    .select()
    .from(e)
    .where(and(eq(e.tenantId, tenantId), eq(e.deletionId, deletionId)))
    .orderBy(asc(e.at), asc(e.id));
}

/** Scheduled or executing deletions of these items (a title is scheduled at most once). */
export async function openDeletionsFor(db: Db, tenantId: string, itemIds: readonly string[]): Promise<DeletionRow[]> {
  if (itemIds.length === 0) return [];
  const { deletions: d } = db.t;
  return db.q
    .select()
    .from(d)
    .where(and(eq(d.tenantId, tenantId), inArray(d.itemId, [...itemIds]), inArray(d.status, OPEN_STATUSES)));
}

export async function pageDeletions(
  db: Db,
  tenantId: string,
  opts: { status?: DeletionStatus | 'history'; offset: number; limit: number },
): Promise<{ rows: DeletionRow[]; total: number }> {
  const { deletions: d } = db.t;
  const byStatus =
    opts.status === 'history' ? ne(d.status, 'scheduled') : opts.status ? eq(d.status, opts.status) : undefined;
  const where = and(eq(d.tenantId, tenantId), byStatus);
  const order = opts.status === 'scheduled' ? [asc(d.executeAt), asc(d.id)] : [desc(d.updatedAt), desc(d.id)];
  const [rows, [total]] = await Promise.all([
    db.q
      .select()
      .from(d)
      .where(where)
      .orderBy(...order)
      .limit(opts.limit)
      .offset(opts.offset),
    db.q.select({ n: count() }).from(d).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Who holds a deletion's execution: the generation its claim got (the fencing token, issue 16). */
export interface DeletionFence {
  tenantId: string;
  id: string;
  generation: number;
}

/**
 * Moves a deletion from one of `from` to `to`, with its event (and audit rows) in the same
 * transaction. Returns the updated row, or undefined when it was not in `from` (someone else moved it).
 * With `generation`, the same statement also requires the caller's claim to be the current one: a
 * worker whose lease was taken over cannot finish (or requeue) the deletion any more.
 */
export async function transitionDeletion(
  db: Db,
  tenantId: string,
  id: string,
  change: {
    from: readonly DeletionStatus[];
    to: DeletionStatus;
    at: number;
    actor: string;
    note?: string | null;
    set?: Partial<DeletionInsert>;
    audit?: readonly AuditInsert[];
    generation?: number;
  },
): Promise<DeletionRow | undefined> {
  const { deletions: d } = db.t;
  return db.tx(async (q) => {
    const rows = await q
      .update(d)
      .set({ ...change.set, status: change.to, updatedAt: change.at })
      .where(
        and(
          eq(d.tenantId, tenantId),
          eq(d.id, id),
          inArray(d.status, [...change.from]),
          change.generation === undefined ? undefined : eq(d.leaseGeneration, change.generation),
        ),
      )
      .returning();
    const row = rows[0];
    if (!row) return undefined;
    await insertEvent(q, db, {
      tenantId,
      deletionId: id,
      at: change.at,
      actor: change.actor,
      status: change.to,
      note: change.note ?? null,
    });
    await insertAudit(q, db, change.audit ?? []);
    await bump(q, db, tenantId);
    return row;
  });
}

/** Moves the execution time of a scheduled deletion (no status change). */
export async function rescheduleDeletion(
  db: Db,
  tenantId: string,
  id: string,
  executeAt: number,
  at: number,
  audit: readonly AuditInsert[],
): Promise<DeletionRow | undefined> {
  const { deletions: d } = db.t;
  return db.tx(async (q) => {
    const rows = await q
      .update(d)
      .set({ executeAt, updatedAt: at })
      .where(and(eq(d.tenantId, tenantId), eq(d.id, id), eq(d.status, 'scheduled')))
      .returning();
    if (rows[0]) {
      await insertAudit(q, db, audit);
      await bump(q, db, tenantId);
    }
    return rows[0];
  });
}

/**
 * Claims a due deletion for execution: scheduled and due, or executing with an expired lease (its
 * worker died). Only one caller can win a given row: the update is conditional on what it read.
 */
export async function claimDeletion(
  db: Db,
  id: string,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<DeletionRow | undefined> {
  const { deletions: d } = db.t;
  const rows = await db.q
    .update(d)
    .set({
      status: 'executing',
      leaseOwner: owner,
      leaseUntil: now + leaseMs,
      leaseGeneration: sql`${d.leaseGeneration} + 1`,
      attempts: sql`${d.attempts} + 1`,
      updatedAt: now,
    })
    .where(
      and(
        eq(d.id, id),
        or(
          and(eq(d.status, 'scheduled'), lte(d.executeAt, now)),
          and(eq(d.status, 'executing'), or(isNull(d.leaseUntil), lte(d.leaseUntil, now))),
        ),
      ),
    )
    .returning();
  // The title page shows the status: its cached read must see "executing".
  if (rows[0]) await bump(db.q, db, rows[0].tenantId);
  return rows[0];
}

/**
 * A write of the current holder only: executing, same generation, in one statement (compare-and-set).
 * False when the claim was taken over (the lease expired and another worker claimed it).
 */
async function fencedDeletionWrite(db: Db, fence: DeletionFence, set: Partial<DeletionInsert>): Promise<boolean> {
  const { deletions: d } = db.t;
  const rows = await db.q
    .update(d)
    .set(set)
    .where(
      and(
        eq(d.tenantId, fence.tenantId),
        eq(d.id, fence.id),
        eq(d.status, 'executing'),
        eq(d.leaseGeneration, fence.generation),
      ),
    )
    .returning({ id: d.id });
  return rows.length > 0;
}

/** Heartbeat of a running deletion: pushes its lease out; false once another worker holds it. */
export function renewDeletionLease(db: Db, fence: DeletionFence, now: number, leaseMs: number): Promise<boolean> {
  return fencedDeletionWrite(db, fence, { leaseUntil: now + leaseMs });
}

/**
 * Records the intent right before the destructive call (with a fresh lease for the call itself). A
 * worker that resumes the deletion and finds it set does not call DELETE blindly a second time.
 */
export function markDeletionTargetCalled(db: Db, fence: DeletionFence, now: number, leaseMs: number): Promise<boolean> {
  return fencedDeletionWrite(db, fence, { targetCalledAt: now, leaseUntil: now + leaseMs });
}

/** Ids of deletions ready to run (due, or stuck with an expired lease), oldest first, across tenants. */
export async function dueDeletionIds(
  db: Db,
  now: number,
  limit: number,
  opts: { abandonedOnly?: boolean } = {},
): Promise<{ id: string; tenantId: string }[]> {
  const { deletions: d } = db.t;
  const abandoned = and(eq(d.status, 'executing'), lte(d.leaseUntil, now));
  return db.q
    .select({ id: d.id, tenantId: d.tenantId })
    .from(d)
    .where(opts.abandonedOnly ? abandoned : or(and(eq(d.status, 'scheduled'), lte(d.executeAt, now)), abandoned))
    .orderBy(asc(d.executeAt))
    .limit(limit);
}
