import { DAY_MS, isoOrNull } from '@mj/core';
import type { SpaceHistoryQuery, SpaceHistoryResponse } from '@mj/contracts';
import { listSpaceHistory } from '@mj/db';
import type { TenantContext } from '../context';

/**
 * `GET /api/dashboard/space-history`: the tenant's daily totals of the last `days` UTC days, today
 * included. A route of its own rather than a field of the dashboard: the dashboard is cached per sync and
 * small, the chart's window is chosen by the caller.
 */
export async function getSpaceHistory(ctx: TenantContext, query: SpaceHistoryQuery): Promise<SpaceHistoryResponse> {
  const since = ctx.clock.now() - (query.days - 1) * DAY_MS;
  const rows = await listSpaceHistory(ctx.db, ctx.tenantId, since);
  return {
    days: query.days,
    points: rows.map((row) => ({
      date: new Date(row.day * DAY_MS).toISOString().slice(0, 10),
      at: isoOrNull(row.at) ?? new Date(row.day * DAY_MS).toISOString(),
      totalBytes: row.totalBytes,
      items: row.items,
      couldFree: { bytes: row.couldFreeBytes, titles: row.couldFreeTitles },
      old: { count: row.oldCount, sizeBytes: row.oldBytes },
      large: { count: row.largeCount, sizeBytes: row.largeBytes },
      language: { count: row.languageCount, sizeBytes: row.languageBytes },
    })),
  };
}
