import { insertSnapshotRows, listTitleProviderIds, seerrRequestRow, type Db } from '@mj/db';
import type { SeerrRequest } from '@mj/core';
import { joinRequestsWithMedia, type JellyseerrClient } from '@mj/media';
import { enrichTitles, type TitleWanted } from './enrich-titles';
import type { RunProgress } from './progress';

async function collect<T>(pages: AsyncGenerator<{ items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}

/** Which requests' media the library holds, by the same provider ids the request rules match on. */
async function libraryMatcher(db: Db, tenantId: string, snapshotId: string | null) {
  const keys = new Set<string>();
  for (const row of await listTitleProviderIds(db, tenantId, snapshotId)) {
    if (row.kind === 'movie') {
      if (row.tmdbId) keys.add(`movie:tmdb:${row.tmdbId}`);
      if (row.imdbId) keys.add(`movie:imdb:${row.imdbId}`);
    } else {
      if (row.tmdbId) keys.add(`tv:tmdb:${row.tmdbId}`);
      if (row.tvdbId) keys.add(`tv:tvdb:${row.tvdbId}`);
    }
  }
  return (request: SeerrRequest) => {
    const { tmdbId, tvdbId, imdbId } = request.media;
    if (request.type === 'movie')
      return keys.has(`movie:tmdb:${tmdbId}`) || (!!imdbId && keys.has(`movie:imdb:${imdbId}`));
    return keys.has(`tv:tmdb:${tmdbId}`) || (tvdbId !== null && keys.has(`tv:tvdb:${tvdbId}`));
  };
}

/**
 * Whose title or release date matters (RULES §5, §6): a title is needed when the library cannot name
 * the request (not in the library); a release date when the request may be unavailable (not declined,
 * media neither available nor blocklisted, nor deleted after completion). Available requests already in
 * the library need neither, which keeps enrichment to the few that matter.
 */
function needsInfo(request: SeerrRequest, inLibrary: (r: SeerrRequest) => boolean): boolean {
  if (request.status === 3 || request.media.tmdbId === null) return false;
  const mediaStatus = request.is4k ? request.media.status4k : request.media.status;
  const settled = mediaStatus === 5 || mediaStatus === 6 || (mediaStatus === 7 && request.status === 5);
  return !settled || !inLibrary(request);
}

export async function fetchRequestsIntoSnapshot(opts: {
  db: Db;
  client: JellyseerrClient;
  tenantId: string;
  snapshotId: string;
  /** The library snapshot just committed: requests it holds need no title lookup. */
  librarySnapshotId: string | null;
  progress: RunProgress;
  now: number;
  language: string;
}): Promise<{ counts: { requests: number; seerrUsers: number; enrichmentRequests: number } }> {
  const { db, client, tenantId, snapshotId, progress, now, language } = opts;
  const inLibrary = await libraryMatcher(db, tenantId, opts.librarySnapshotId);
  await progress.step('Fetching Jellyseerr requests');
  const [requests, media, users] = await Promise.all([
    collect(client.iterateRequests()),
    collect(client.iterateMedia()),
    collect(client.iterateUsers()),
  ]);
  const joined = joinRequestsWithMedia(requests, media);

  const wanted = new Map<string, TitleWanted>();
  for (const r of joined) {
    if (needsInfo(r, inLibrary)) wanted.set(`${r.type}:${r.media.tmdbId}`, { type: r.type, tmdbId: r.media.tmdbId! });
  }
  const { lookups: enrichmentRequests } = await enrichTitles({
    db,
    client,
    tenantId,
    language,
    wanted: [...wanted.values()],
    progress,
    now,
  });

  await insertSnapshotRows(
    db,
    'seerrRequests',
    joined.map((r) => seerrRequestRow(snapshotId, tenantId, r)),
  );
  const usersById = new Map(users.map((u) => [u.id, u]));
  // Request lists embed their requester; keep those too in case /user is paged differently.
  for (const r of joined)
    if (r.requestedBy && !usersById.has(r.requestedBy.id)) usersById.set(r.requestedBy.id, r.requestedBy);
  await insertSnapshotRows(
    db,
    'seerrUsers',
    [...usersById.values()].map((u) => ({
      snapshotId,
      tenantId,
      id: u.id,
      displayName: u.displayName,
      jellyfinUserId: u.jellyfinUserId,
      email: u.email ?? null,
    })),
  );
  return { counts: { requests: joined.length, seerrUsers: usersById.size, enrichmentRequests } };
}
