import { type ArrItem } from '@mj/core';
import { currentSnapshots, listRequestedMedia, type DeletionRow } from '@mj/db';
import { JellyfinLibraryActions } from '@mj/media';
import { loadServerAccess } from '../connections/connections';
import { jellyseerrClient, radarrClient, sonarrClient, type MediaDeps } from '../media-context';
import type { ExecuteDeps } from './execute-deletion';

// The calls a deletion makes at its target (Radarr/Sonarr, else Jellyfin) and at Jellyseerr, and the
// look-up a resumed deletion makes before calling DELETE a second time (issue 16).

export const LABEL = { radarr: 'Radarr', sonarr: 'Sonarr', jellyfin: 'Jellyfin' } as const;

/** A failure that retrying cannot fix (the target is not connected any more, the item is unknown). */
export class PermanentFailure extends Error {}

export function clientOptions(deps: MediaDeps) {
  return {
    allowPrivateNetwork: deps.media.allowPrivateNetwork,
    concurrency: deps.media.concurrency,
    timeoutMs: deps.media.timeoutMs,
    ...(deps.media.retry ? { retry: deps.media.retry } : {}),
  };
}

export async function deleteAtTarget(deps: ExecuteDeps, row: DeletionRow): Promise<string> {
  if (row.target === 'jellyfin') {
    const access = await loadServerAccess(deps, row.tenantId, 'jellyfin');
    if (!access) throw new PermanentFailure('Jellyfin is not connected any more');
    const actions = new JellyfinLibraryActions({ ...clientOptions(deps), ...access });
    try {
      return await actions.deleteItem(row.itemId);
    } finally {
      await actions.close();
    }
  }
  const access = await loadServerAccess(deps, row.tenantId, row.target);
  if (!access) throw new PermanentFailure(`${LABEL[row.target]} is not connected any more`);
  const item = row.arrItem as ArrItem | null;
  if (!item) throw new PermanentFailure(`not found in ${LABEL[row.target]}`);
  if (row.target === 'radarr') {
    const client = radarrClient(deps.media, access);
    try {
      return await client.deleteMovie(item.arrId, { addImportExclusion: row.addImportExclusion });
    } finally {
      await client.close();
    }
  }
  const client = sonarrClient(deps.media, access);
  try {
    return row.seasons
      ? await client.deleteSeasons(item.arrId, row.seasons)
      : await client.deleteSeries(item.arrId, { addImportExclusion: row.addImportExclusion });
  } finally {
    await client.close();
  }
}

/** Clears the matching Jellyseerr media so friends can request it again; failures are only noted. */
export async function clearSeerrMedia(deps: ExecuteDeps, row: DeletionRow): Promise<Record<string, string>> {
  const access = await loadServerAccess(deps, row.tenantId, 'jellyseerr').catch(() => undefined);
  if (!access || row.seasons) return {};
  const pointers = await currentSnapshots(deps.db, row.tenantId);
  const requests = await listRequestedMedia(deps.db, row.tenantId, pointers.requestsSnapshotId);
  const type = row.kind === 'movie' ? 'movie' : 'tv';
  const same = (a: number | string | null, b: string | null) => a !== null && b !== null && String(a) === b;
  const mediaIds = new Set(
    requests
      .filter((r) => r.type === type)
      .filter((r) =>
        type === 'movie'
          ? same(r.media.tmdbId, row.tmdbId) || same(r.media.imdbId, row.imdbId)
          : same(r.media.tvdbId, row.tvdbId) || same(r.media.tmdbId, row.tmdbId),
      )
      .map((r) => r.media.id),
  );
  if (mediaIds.size === 0) return {};
  const client = jellyseerrClient(deps.media, access);
  const out: Record<string, string> = {};
  try {
    for (const id of mediaIds)
      out[`jellyseerr:${id}`] = await client
        .deleteMedia(id)
        .catch((error: unknown) => `failed: ${(error as Error).message}`);
  } finally {
    await client.close();
  }
  return out;
}

/**
 * After an interrupted call (intent recorded, outcome unknown): is the item still at its Radarr/Sonarr
 * target? A seasons deletion always answers "present" while the series exists: calling it again only
 * deletes the files still there (the call is idempotent). Jellyfin targets are answered by the re-check.
 */
export async function stillAtTarget(deps: ExecuteDeps, row: DeletionRow): Promise<boolean> {
  if (row.target === 'jellyfin') return true;
  const access = await loadServerAccess(deps, row.tenantId, row.target);
  const item = row.arrItem as ArrItem | null;
  if (!access || !item) return true;
  if (row.target === 'radarr') {
    const client = radarrClient(deps.media, access);
    try {
      return (await client.getMovie(item.arrId)) !== null;
    } finally {
      await client.close();
    }
  }
  const client = sonarrClient(deps.media, access);
  try {
    return (await client.getSeries(item.arrId)) !== null;
  } finally {
    await client.close();
  }
}
