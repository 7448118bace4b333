import { eq } from 'drizzle-orm';
import type { Db } from '../client';

/** Every tenant with a Jellyfin connection, with its stored settings overrides (for nightly schedules). */
export async function listSchedulableTenants(db: Db, tenantId?: string) {
  const { connections, tenantSettings } = db.t;
  const query = db.q
    .select({ tenantId: connections.tenantId, settings: tenantSettings.settings })
    .from(connections)
    .leftJoin(tenantSettings, eq(tenantSettings.tenantId, connections.tenantId))
    .where(eq(connections.kind, 'jellyfin'));
  const rows = await query;
  return rows.filter((r) => !tenantId || r.tenantId === tenantId);
}
