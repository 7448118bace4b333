import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, sum } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import type { Schema } from '../schema/define';
import type { DeletionStatus } from '../schema/cleanup';
import { newId } from '../ids';

export type DeletionRow = Schema['deletions']['$inferSelect'];
export type DeletionInsert = Schema['deletions']['$inferInsert'];
export type DeletionEventRow = Schema['deletionEvents']['$inferSelect'];
export type AuditRow = Schema['auditLog']['$inferSelect'];
export type AuditInsert = Omit<Schema['auditLog']['$inferInsert'], 'id'>;

export const OPEN_STATUSES: DeletionStatus[] = ['scheduled', 'executing'];

/** Deletions change what the dashboard shows (leaving soon, reclaimed): readers' caches must see it. */
async function bump(q: Queryable, db: Db, tenantId: string) {
  const { analysisState: a } = db.t;
  await q
    .update(a)
    .set({ revision: sql`${a.revision} + 1` })
    .where(eq(a.tenantId, tenantId));
}

export async function insertAudit(q: Queryable, db: Db, rows: readonly AuditInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await q.insert(db.t.auditLog).values(rows.map((row) => ({ id: newId(row.at), ...row })));
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
  opts: { status?: DeletionStatus; offset: number; limit: number },
): Promise<{ rows: DeletionRow[]; total: number }> {
  const { deletions: d } = db.t;
  const where = and(eq(d.tenantId, tenantId), opts.status ? eq(d.status, opts.status) : undefined);
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

/**
 * Moves a deletion from one of `from` to `to`, with its event (and audit rows) in the same
 * transaction. Returns the updated row, or undefined when it was not in `from` (someone else moved it).
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
  },
): Promise<DeletionRow | undefined> {
  const { deletions: d } = db.t;
  return db.tx(async (q) => {
    const rows = await q
      .update(d)
      .set({ ...change.set, status: change.to, updatedAt: change.at })
      .where(and(eq(d.tenantId, tenantId), eq(d.id, id), inArray(d.status, [...change.from])))
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
  return rows[0];
}

/** Ids of deletions ready to run (due, or stuck with an expired lease), oldest first, across tenants. */
export async function dueDeletionIds(db: Db, now: number, limit: number): Promise<{ id: string; tenantId: string }[]> {
  const { deletions: d } = db.t;
  return db.q
    .select({ id: d.id, tenantId: d.tenantId })
    .from(d)
    .where(
      or(and(eq(d.status, 'scheduled'), lte(d.executeAt, now)), and(eq(d.status, 'executing'), lte(d.leaseUntil, now))),
    )
    .orderBy(asc(d.executeAt))
    .limit(limit);
}

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

export async function pageAudit(
  db: Db,
  tenantId: string,
  opts: { action?: string; offset: number; limit: number; since: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const { auditLog: a } = db.t;
  const where = and(
    eq(a.tenantId, tenantId),
    gte(a.at, opts.since),
    opts.action ? eq(a.action, opts.action) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.q.select().from(a).where(where).orderBy(desc(a.at), desc(a.id)).limit(opts.limit).offset(opts.offset),
    db.q.select({ n: count() }).from(a).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
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
