import { calendarDate, DAY_MS, shareText, type RecentRow } from '@mj/core';
import type { RecentResponse } from '@mj/contracts';
import { listRecent, type RecentItemRow } from '@mj/db';
import type { TenantContext } from '../context';
import { recentItem } from './items';
import { readContext } from './read-context';

// Recently available (RULES.md §6): stored rows cover the longest window; the tenant's (or the asked)
// window is applied here, at read time.

async function recentRows(ctx: TenantContext, days: number | undefined) {
  const read = await readContext(ctx);
  const windowDays = days ?? read.settings.recentDays;
  const rows = await listRecent(ctx.db, ctx.tenantId, read.now - windowDays * DAY_MS, read.now);
  return { read, windowDays, rows };
}

export async function getRecent(ctx: TenantContext, days?: number): Promise<RecentResponse> {
  const { read, windowDays, rows } = await recentRows(ctx, days);
  const timeZone = read.settings.timeZone;
  const groups = new Map<string, RecentResponse['days'][number]['items']>();
  // Rows arrive newest first, so days come out newest first too.
  for (const row of rows) {
    const date = calendarDate(row.arrivedAt, timeZone);
    const items = groups.get(date) ?? [];
    items.push(recentItem(row, read.links));
    groups.set(date, items);
  }
  return {
    windowDays,
    timeZone,
    total: rows.length,
    days: [...groups].map(([date, items]) => ({ date, items })),
  };
}

/** A stored arrival as core's `RecentRow`, for the share text (§6). */
export function toRecentRow(row: RecentItemRow): RecentRow {
  return {
    requestId: row.requestId,
    mediaType: row.mediaType,
    is4k: row.is4k,
    tmdbId: row.tmdbId,
    title: row.title,
    requester: row.requester,
    arrivedAt: row.arrivedAt,
    episodes: row.episodes,
    libraryItemId: row.libraryItemId,
  };
}

/** The plain-text digest grouped by requester (core `shareText`). */
export async function getRecentShareText(ctx: TenantContext, days?: number): Promise<{ text: string }> {
  const { rows } = await recentRows(ctx, days);
  return { text: shareText(rows.map(toRecentRow)) };
}
