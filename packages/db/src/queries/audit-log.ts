import { and, count, desc, eq, gte } from 'drizzle-orm';
import type { Db, Queryable } from '../client';
import { newId } from '../ids';
import type { Schema } from '../schema/define';

// The tenant's audit log (RULES §9): rows are only ever inserted; reads are newest first.

export type AuditRow = Schema['auditLog']['$inferSelect'];
export type AuditInsert = Omit<Schema['auditLog']['$inferInsert'], 'id'>;

export async function insertAudit(q: Queryable, db: Db, rows: readonly AuditInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await q.insert(db.t.auditLog).values(rows.map((row) => ({ id: newId(row.at), ...row })));
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
