import { and, count, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { Schema } from '../schema/define';
import type { DeliveryStatus } from '../schema/notifications';

// Notification channels and deliveries (RULES §10). Deliveries are keyed by an idempotency key that is
// unique across the table: inserting one twice is a no-op, and a send is claimed (a lease) before it
// happens, so two workers or a restart never send the same event to a channel twice after success.

export type ChannelRow = Schema['notificationChannels']['$inferSelect'];
export type ChannelInsert = Schema['notificationChannels']['$inferInsert'];
export type DeliveryRow = Schema['notificationDeliveries']['$inferSelect'];
export type DeliveryInsert = Schema['notificationDeliveries']['$inferInsert'];

export async function listChannels(db: Db, tenantId: string): Promise<ChannelRow[]> {
  const { notificationChannels: c } = db.t;
  return db.q.select().from(c).where(eq(c.tenantId, tenantId)).orderBy(c.createdAt, c.id);
}

export async function findChannel(db: Db, tenantId: string, id: string): Promise<ChannelRow | undefined> {
  const { notificationChannels: c } = db.t;
  const rows = await db.q
    .select()
    .from(c)
    .where(and(eq(c.tenantId, tenantId), eq(c.id, id)));
  return rows[0];
}

export async function insertChannel(db: Db, row: ChannelInsert): Promise<void> {
  await db.q.insert(db.t.notificationChannels).values(row);
}

export async function updateChannel(
  db: Db,
  tenantId: string,
  id: string,
  set: Partial<ChannelInsert>,
): Promise<ChannelRow | undefined> {
  const { notificationChannels: c } = db.t;
  const rows = await db.q
    .update(c)
    .set(set)
    .where(and(eq(c.tenantId, tenantId), eq(c.id, id)))
    .returning();
  return rows[0];
}

export async function deleteChannel(db: Db, tenantId: string, id: string): Promise<boolean> {
  const { notificationChannels: c } = db.t;
  const rows = await db.q
    .delete(c)
    .where(and(eq(c.tenantId, tenantId), eq(c.id, id)))
    .returning({ id: c.id });
  return rows.length > 0;
}

/** Inserts a delivery unless one with its key exists; returns the stored row either way. */
/** What a caller chooses for a new delivery; the rest is the fresh state (pending, never attempted). */
export type NewDelivery = Pick<
  DeliveryInsert,
  'id' | 'tenantId' | 'channelId' | 'event' | 'idempotencyKey' | 'payload' | 'nextAttemptAt'
>;

/** Records a delivery once per idempotency key and answers the stored row (new or earlier). */
export async function upsertDelivery(db: Db, delivery: NewDelivery, now: number): Promise<DeliveryRow> {
  const { notificationDeliveries: d } = db.t;
  const row: DeliveryInsert = {
    ...delivery,
    status: 'pending',
    attempts: 0,
    error: null,
    leaseUntil: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.q.insert(d).values(row).onConflictDoNothing({ target: d.idempotencyKey });
  const rows = await db.q.select().from(d).where(eq(d.idempotencyKey, row.idempotencyKey));
  return rows[0]!;
}

export async function findDelivery(db: Db, id: string): Promise<DeliveryRow | undefined> {
  const { notificationDeliveries: d } = db.t;
  const rows = await db.q.select().from(d).where(eq(d.id, id));
  return rows[0];
}

/**
 * Claims a delivery for one attempt: pending or failed (never sent nor dead), and not leased by a live
 * attempt. The conditional update means one caller wins.
 */
export async function claimDelivery(
  db: Db,
  id: string,
  now: number,
  leaseMs: number,
): Promise<DeliveryRow | undefined> {
  const { notificationDeliveries: d } = db.t;
  const rows = await db.q
    .update(d)
    .set({ leaseUntil: now + leaseMs, attempts: sql`${d.attempts} + 1`, updatedAt: now })
    .where(
      and(eq(d.id, id), inArray(d.status, ['pending', 'failed']), or(isNull(d.leaseUntil), lte(d.leaseUntil, now))),
    )
    .returning();
  return rows[0];
}

export async function finishDelivery(
  db: Db,
  id: string,
  result: { status: DeliveryStatus; error: string | null; nextAttemptAt: number | null; at: number },
): Promise<void> {
  const { notificationDeliveries: d } = db.t;
  await db.q
    .update(d)
    .set({
      status: result.status,
      error: result.error,
      nextAttemptAt: result.nextAttemptAt,
      leaseUntil: null,
      updatedAt: result.at,
    })
    .where(eq(d.id, id));
}

export async function pageDeliveries(
  db: Db,
  tenantId: string,
  opts: { offset: number; limit: number },
): Promise<{ rows: DeliveryRow[]; total: number }> {
  const { notificationDeliveries: d } = db.t;
  const where = eq(d.tenantId, tenantId);
  const [rows, [total]] = await Promise.all([
    db.q.select().from(d).where(where).orderBy(desc(d.updatedAt), desc(d.id)).limit(opts.limit).offset(opts.offset),
    db.q.select({ n: count() }).from(d).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Failed deliveries whose next attempt is due, across tenants (the minute tick retries them). */
export async function dueDeliveryIds(db: Db, now: number, limit: number): Promise<string[]> {
  const { notificationDeliveries: d } = db.t;
  const rows = await db.q
    .select({ id: d.id })
    .from(d)
    .where(and(inArray(d.status, ['pending', 'failed']), lte(d.nextAttemptAt, now)))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The email addresses of a tenant's members (an email channel without `to` writes to them). */
export async function tenantMemberEmails(db: Db, tenantId: string): Promise<string[]> {
  const { memberships: m, users: u } = db.t;
  const rows = await db.q
    .select({ email: u.email })
    .from(m)
    .innerJoin(u, eq(u.id, m.userId))
    .where(eq(m.tenantId, tenantId));
  return rows.map((r) => r.email);
}

/** A channel by id alone: for the unsubscribe link, whose signed token names the channel. */
export async function findChannelById(db: Db, id: string): Promise<ChannelRow | undefined> {
  const { notificationChannels: c } = db.t;
  const rows = await db.q.select().from(c).where(eq(c.id, id));
  return rows[0];
}

/** Tenants with at least one channel, and the events their channels chose. */
export async function tenantsWithChannels(db: Db): Promise<Map<string, Set<string>>> {
  const { notificationChannels: c } = db.t;
  const rows = await db.q.select({ tenantId: c.tenantId, events: c.events }).from(c);
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.tenantId) ?? new Set<string>();
    for (const e of r.events) set.add(e);
    out.set(r.tenantId, set);
  }
  return out;
}

/** Deletions of a tenant that finished (done or failed) since `since`, with their reason. */
export async function finishedDeletionsSince(db: Db, tenantId: string, since: number) {
  const { deletions: d } = db.t;
  return db.q
    .select({ id: d.id, title: d.title, year: d.year, status: d.status, reason: d.reason, at: d.updatedAt })
    .from(d)
    .where(and(eq(d.tenantId, tenantId), inArray(d.status, ['done', 'failed']), gte(d.updatedAt, since)));
}

/** Scheduled deletions of a tenant executing before `until`. */
export async function scheduledBefore(db: Db, tenantId: string, until: number) {
  const { deletions: d } = db.t;
  return db.q
    .select({ id: d.id, title: d.title, year: d.year, executeAt: d.executeAt })
    .from(d)
    .where(and(eq(d.tenantId, tenantId), eq(d.status, 'scheduled'), lte(d.executeAt, until)));
}
