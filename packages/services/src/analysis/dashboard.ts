import { DAY_MS } from '@mj/core';
import type { DashboardResponse } from '@mj/contracts';
import {
  countRecent,
  countRequests,
  couldFreeTotal,
  currentSnapshots,
  reclaimedBytes,
  scheduledSummary,
  titleTotals,
} from '@mj/db';
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
  const [totals, requests, recent, pointers, reclaimed, leaving, couldFree] = await Promise.all([
    titleTotals(db, tenantId, read.now),
    countRequests(db, tenantId, read.visibility),
    countRecent(db, tenantId, read.now - read.settings.recentDays * DAY_MS, read.now),
    currentSnapshots(db, tenantId),
    reclaimedBytes(db, tenantId, read.now - 30 * DAY_MS),
    scheduledSummary(db, tenantId),
    couldFreeTotal(db, tenantId, read.now),
  ]);
  return {
    ...totals,
    requests: { count: requests },
    recent: { count: recent },
    lastSync: isoOrNull(pointers.lastSuccessAt),
    reclaimed: { last30DaysBytes: reclaimed.since, totalBytes: reclaimed.total },
    leavingSoon: { count: leaving.count, sizeBytes: leaving.sizeBytes, nextAt: isoOrNull(leaving.nextAt) },
    couldFree,
  };
}
