import type { Settings } from '@mj/core';
import { eq, sql } from 'drizzle-orm';
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

/**
 * Tenants whose stored overrides turn `notifyRequesters` on (the default is off, so only an override
 * can). The text match is a coarse filter shared by both dialects; the value itself is checked here.
 */
export async function tenantsNotifyingRequesters(db: Db): Promise<string[]> {
  const { tenantSettings: t } = db.t;
  const rows = await db.q
    .select({ tenantId: t.tenantId, settings: t.settings })
    .from(t)
    .where(sql`CAST(${t.settings} AS TEXT) LIKE ${'%notifyRequesters%'}`);
  return rows.filter((r) => r.settings.notifyRequesters === true).map((r) => r.tenantId);
}
