import { isActive, todayDay, type Settings } from '@mj/core';
import { findConnection, listWhitelistRows, type RequestVisibility } from '@mj/db';
import type { TenantContext } from '../context';
import { refreshExpiredEntries } from './refresh-expired';
import { loadSettings } from './inputs';

/** Server URLs for item links (null when that server is not connected). */
export interface LinkBases {
  jellyfin: string | null;
  jellyseerr: string | null;
}

export interface ReadContext {
  now: number;
  settings: Settings;
  visibility: RequestVisibility;
  links: LinkBases;
}

const trimSlash = (url: string | undefined) => (url ? url.replace(/\/+$/, '') : null);

/** The request rules that move with the clock and the whitelist, as stored-row filters. */
async function requestVisibility(ctx: TenantContext, settings: Settings, now: number): Promise<RequestVisibility> {
  const entries = (await listWhitelistRows(ctx.db, ctx.tenantId, 'request')).filter((entry) => isActive(entry, now));
  const hiddenTmdb = { movie: [] as number[], tv: [] as number[] };
  for (const entry of entries)
    if (entry.tmdbId !== null && entry.mediaType) hiddenTmdb[entry.mediaType].push(Number(entry.tmdbId));
  return {
    today: todayDay(now, settings.timeZone),
    releaseGraceDays: settings.releaseGraceDays,
    showUnreleasedRequests: settings.showUnreleasedRequests,
    hiddenRequestIds: entries.flatMap((entry) => (entry.requestId === null ? [] : [entry.requestId])),
    hiddenTmdb,
  };
}

/** Everything a read needs, after applying whitelist expiries that happened since the last evaluation. */
export async function readContext(ctx: TenantContext): Promise<ReadContext> {
  await refreshExpiredEntries(ctx);
  const now = ctx.clock.now();
  const settings = await loadSettings(ctx);
  const [visibility, jellyfin, jellyseerr] = await Promise.all([
    requestVisibility(ctx, settings, now),
    findConnection(ctx.db, ctx.tenantId, 'jellyfin'),
    findConnection(ctx.db, ctx.tenantId, 'jellyseerr'),
  ]);
  return {
    now,
    settings,
    visibility,
    links: { jellyfin: trimSlash(jellyfin?.url), jellyseerr: trimSlash(jellyseerr?.url) },
  };
}
