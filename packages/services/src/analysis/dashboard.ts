import { DAY_MS } from '@mj/core';
import type { DashboardResponse } from '@mj/contracts';
import { countRecent, countRequests, currentSnapshots, titleTotals } from '@mj/db';
import type { TenantContext } from '../context';
import { isoOrNull } from '@mj/core';
import { readContext, type ReadContext } from './read-context';
import { cachedRead } from './read-cache';

/** `GET /api/dashboard`: totals of the stored rows at `now` (old, release and recent windows at read). */
export async function getDashboard(ctx: TenantContext): Promise<DashboardResponse> {
  return cachedRead(ctx, 'dashboard', async () => {
    const read = await readContext(ctx);
    return { value: await computeDashboard(ctx, read), recentDays: read.settings.recentDays };
  });
}

async function computeDashboard(ctx: TenantContext, read: ReadContext): Promise<DashboardResponse> {
  const { db, tenantId } = ctx;
  const [totals, requests, recent, pointers] = await Promise.all([
    titleTotals(db, tenantId, read.now),
    countRequests(db, tenantId, read.visibility),
    countRecent(db, tenantId, read.now - read.settings.recentDays * DAY_MS, read.now),
    currentSnapshots(db, tenantId),
  ]);
  return {
    ...totals,
    requests: { count: requests },
    recent: { count: recent },
    lastSync: isoOrNull(pointers.lastSuccessAt),
  };
}
