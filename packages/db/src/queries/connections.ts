import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import type { Schema } from '../schema/define';

export type ConnectionKind = 'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr';
export type ConnectionRow = Schema['connections']['$inferSelect'];

export async function findConnection(
  db: Db,
  tenantId: string,
  kind: ConnectionKind,
): Promise<ConnectionRow | undefined> {
  const { connections } = db.t;
  const rows = await db.q
    .select()
    .from(connections)
    .where(and(eq(connections.tenantId, tenantId), eq(connections.kind, kind)))
    .limit(1);
  return rows[0];
}

export async function upsertConnection(db: Db, row: Schema['connections']['$inferInsert']): Promise<void> {
  const { connections } = db.t;
  const { tenantId: _t, kind: _k, createdAt: _c, ...changes } = row;
  await db.q
    .insert(connections)
    .values(row)
    .onConflictDoUpdate({ target: [connections.tenantId, connections.kind], set: changes });
}

export async function deleteConnection(db: Db, tenantId: string, kind: ConnectionKind): Promise<boolean> {
  const { connections } = db.t;
  const rows = await db.q
    .delete(connections)
    .where(and(eq(connections.tenantId, tenantId), eq(connections.kind, kind)))
    .returning({ kind: connections.kind });
  return rows.length === 1;
}

/** Every sealed API key, for the key-rotation command. */
export async function listAllConnectionCiphers(db: Db) {
  const { connections } = db.t;
  return db.q
    .select({ tenantId: connections.tenantId, kind: connections.kind, apiKeyCipher: connections.apiKeyCipher })
    .from(connections);
}

export async function updateConnectionCipher(db: Db, tenantId: string, kind: ConnectionKind, apiKeyCipher: string) {
  const { connections } = db.t;
  await db.q
    .update(connections)
    .set({ apiKeyCipher })
    .where(and(eq(connections.tenantId, tenantId), eq(connections.kind, kind)));
}
