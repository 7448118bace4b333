import type { Settings } from '@mj/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';

/** The tenant's stored overrides (empty when it never changed a setting). */
export async function loadSettingsOverrides(db: Db, tenantId: string): Promise<Partial<Settings>> {
  const { tenantSettings } = db.t;
  const rows = await db.q
    .select({ settings: tenantSettings.settings })
    .from(tenantSettings)
    .where(eq(tenantSettings.tenantId, tenantId))
    .limit(1);
  return rows[0]?.settings ?? {};
}

export async function saveSettingsOverrides(db: Db, tenantId: string, settings: Partial<Settings>, now: number) {
  const { tenantSettings } = db.t;
  await db.q
    .insert(tenantSettings)
    .values({ tenantId, settings, updatedAt: now })
    .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { settings, updatedAt: now } });
}

export async function deleteSettingsOverrides(db: Db, tenantId: string): Promise<void> {
  const { tenantSettings } = db.t;
  await db.q.delete(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
}
