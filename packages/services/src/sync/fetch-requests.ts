import { insertSnapshotRows, type Db } from '@mj/db';
import type { SeerrRequest, SeerrTitleInfo } from '@mj/core';
import { joinRequestsWithMedia, type JellyseerrClient } from '@mj/media';
import { loadTitleCache, saveTitleCache } from '@mj/db';
import type { RunProgress } from './progress';

// Cached titles are refreshed now and then: release dates move, and a failed lookup (server without
// TMDB access) should be retried eventually but not on every sync.
const CACHE_TTL_MS = 7 * 86_400_000;
const FAILED_LOOKUP_TTL_MS = 86_400_000;

async function collect<T>(pages: AsyncGenerator<{ items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}

/** Requests whose title or release date matters: everything not declined that names a TMDB id. */
function needsInfo(request: SeerrRequest): boolean {
  return request.status !== 3 && request.media.tmdbId !== null;
}

export async function fetchRequestsIntoSnapshot(opts: {
  db: Db;
  client: JellyseerrClient;
  tenantId: string;
  snapshotId: string;
  progress: RunProgress;
  now: number;
  language: string;
}): Promise<{ counts: { requests: number; seerrUsers: number; enrichmentRequests: number } }> {
  const { db, client, tenantId, snapshotId, progress, now, language } = opts;
  await progress.step('Fetching Jellyseerr requests');
  const [requests, media, users] = await Promise.all([
    collect(client.iterateRequests()),
    collect(client.iterateMedia()),
    collect(client.iterateUsers()),
  ]);
  const joined = joinRequestsWithMedia(requests, media);

  const wanted = new Map<string, { type: 'movie' | 'tv'; tmdbId: number }>();
  for (const r of joined) {
    if (needsInfo(r)) wanted.set(`${r.type}:${r.media.tmdbId}`, { type: r.type, tmdbId: r.media.tmdbId! });
  }
  const cached = await loadTitleCache(db, tenantId, language);
  const stale = [...wanted.values()].filter((w) => {
    const hit = cached.get(`${w.type}:${w.tmdbId}`);
    if (!hit) return true;
    return now - hit.fetchedAt > (hit.info === null ? FAILED_LOOKUP_TTL_MS : CACHE_TTL_MS);
  });
  let enrichmentRequests = 0;
  if (stale.length > 0) {
    await progress.step('Looking up titles and release dates', 0, stale.length);
    let done = 0;
    const fresh = await Promise.all(
      stale.map(async (w) => {
        enrichmentRequests += 1;
        const info: SeerrTitleInfo | null =
          w.type === 'movie' ? await client.getMovie(w.tmdbId, language) : await client.getTv(w.tmdbId, language);
        done += 1;
        await progress.advance(done, stale.length);
        return { mediaType: w.type, tmdbId: w.tmdbId, info };
      }),
    );
    await saveTitleCache(db, tenantId, language, fresh, now);
  }

  await insertSnapshotRows(
    db,
    'seerrRequests',
    joined.map((r) => ({
      snapshotId,
      tenantId,
      id: r.id,
      type: r.type,
      status: r.status,
      is4k: r.is4k,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      requestedById: r.requestedBy?.id ?? null,
      seasons: r.seasons,
      media: r.media,
    })),
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
    })),
  );
  return { counts: { requests: joined.length, seerrUsers: usersById.size, enrichmentRequests } };
}
