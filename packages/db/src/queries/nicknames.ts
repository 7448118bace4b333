import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import type { Schema } from '../schema/define';

export type NicknameRow = Omit<Schema['nicknames']['$inferSelect'], 'tenantId'>;

export async function listNicknames(db: Db, tenantId: string): Promise<NicknameRow[]> {
  const { nicknames } = db.t;
  return db.q
    .select({ source: nicknames.source, userId: nicknames.userId, displayName: nicknames.displayName })
    .from(nicknames)
    .where(eq(nicknames.tenantId, tenantId));
}

/** Replaces the tenant's whole nickname map. */
export async function replaceNicknames(db: Db, tenantId: string, rows: readonly NicknameRow[]): Promise<void> {
  const { nicknames } = db.t;
  await db.tx(async (q) => {
    await q.delete(nicknames).where(eq(nicknames.tenantId, tenantId));
    if (rows.length) await q.insert(nicknames).values(rows.map((row) => ({ tenantId, ...row })));
  });
}
