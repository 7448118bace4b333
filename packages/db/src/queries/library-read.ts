import type {
  JellyfinUser,
  Library,
  LibraryEpisode,
  LibraryMovie,
  LibrarySeries,
  MediaLibrary,
  SeerrMedia,
  SeerrRequest,
  SeerrTitleInfo,
  SeerrUser,
  WatchRecord,
} from '@mj/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { providerIdsOf } from '../provider-ids';
import type { Schema } from '../schema/define';
import { inSnapshot } from './snapshot-scope';

// Reads the tenant's CURRENT snapshots (the ones `sync_state` points at) back into core types, for the
// analyses. Every function is tenant-scoped: the snapshot id comes from the tenant's own sync_state row,
// and every statement filters by tenant as well.

export interface SnapshotPointers {
  librarySnapshotId: string | null;
  requestsSnapshotId: string | null;
  lastSuccessAt: number | null;
}

export async function currentSnapshots(db: Db, tenantId: string): Promise<SnapshotPointers> {
  const { syncState } = db.t;
  const rows = await db.q
    .select({
      librarySnapshotId: syncState.librarySnapshotId,
      requestsSnapshotId: syncState.requestsSnapshotId,
      lastSuccessAt: syncState.lastSuccessAt,
    })
    .from(syncState)
    .where(eq(syncState.tenantId, tenantId))
    .limit(1);
  return rows[0] ?? { librarySnapshotId: null, requestsSnapshotId: null, lastSuccessAt: null };
}

type ItemRow = Schema['libraryItems']['$inferSelect'];

function toLibraryItems(rows: readonly ItemRow[]): Pick<Library, 'movies' | 'series' | 'episodes'> {
  const movies: LibraryMovie[] = [];
  const series: LibrarySeries[] = [];
  const episodes: LibraryEpisode[] = [];
  for (const row of rows) {
    const base = { id: row.id, name: row.name, libraryId: row.libraryId, addedAt: row.addedAt };
    if (row.kind === 'movie') {
      movies.push({
        ...base,
        kind: 'movie',
        year: row.year,
        providerIds: providerIdsOf(row),
        sizeBytes: row.sizeBytes,
        streams: row.streams ?? null,
      });
    } else if (row.kind === 'series') {
      series.push({ ...base, kind: 'series', year: row.year, providerIds: providerIdsOf(row) });
    } else {
      episodes.push({
        ...base,
        kind: 'episode',
        seriesId: row.seriesId ?? '',
        seasonNumber: row.seasonNumber,
        episodeNumber: row.episodeNumber,
        sizeBytes: row.sizeBytes,
        streams: row.streams ?? null,
      });
    }
  }
  return { movies, series, episodes };
}

function toWatchRecord(row: Schema['watchRecords']['$inferSelect']): WatchRecord {
  return {
    userId: row.userId,
    itemId: row.itemId,
    played: row.played,
    playbackPositionTicks: row.positionTicks,
    playCount: row.playCount,
    lastPlayedAt: row.lastPlayedAt,
  };
}

/** The users and libraries of a snapshot (every title's facts need them). */
export async function usersAndLibraries(db: Db, tenantId: string, snapshotId: string) {
  const { mediaUsers, mediaLibraries } = db.t;
  const [users, libraries] = await Promise.all([
    db.q
      .select({ id: mediaUsers.id, name: mediaUsers.name })
      .from(mediaUsers)
      .where(inSnapshot(mediaUsers, tenantId, snapshotId)),
    db.q
      .select({ id: mediaLibraries.id, name: mediaLibraries.name, collectionType: mediaLibraries.collectionType })
      .from(mediaLibraries)
      .where(inSnapshot(mediaLibraries, tenantId, snapshotId)),
  ]);
  return { users: users as JellyfinUser[], libraries: libraries as MediaLibrary[] };
}

const EMPTY_LIBRARY: Library = { libraries: [], movies: [], series: [], episodes: [], users: [], watches: [] };

/** The whole library snapshot (empty when the tenant never synced). */
export async function loadLibrary(db: Db, tenantId: string, snapshotId: string | null): Promise<Library> {
  if (!snapshotId) return EMPTY_LIBRARY;
  const { libraryItems, watchRecords } = db.t;
  const [items, watches, rest] = await Promise.all([
    db.q
      .select()
      .from(libraryItems)
      .where(inSnapshot(libraryItems, tenantId, snapshotId)),
    db.q
      .select()
      .from(watchRecords)
      .where(inSnapshot(watchRecords, tenantId, snapshotId)),
    usersAndLibraries(db, tenantId, snapshotId),
  ]);
  return { ...toLibraryItems(items), watches: watches.map(toWatchRecord), ...rest };
}

/** The part of the snapshot a few titles need (movies/series by id, with their episodes and watches). */
export async function loadLibraryTitles(
  db: Db,
  tenantId: string,
  snapshotId: string | null,
  titleIds: readonly string[],
): Promise<Library> {
  if (!snapshotId || titleIds.length === 0) return EMPTY_LIBRARY;
  const { libraryItems, watchRecords } = db.t;
  const ids = [...titleIds];
  const scope = inSnapshot(libraryItems, tenantId, snapshotId);
  // Two statements rather than one OR: each then uses its own index (primary key, series index).
  const [titles, episodes, watches, rest] = await Promise.all([
    db.q
      .select()
      .from(libraryItems)
      .where(and(scope, inArray(libraryItems.id, ids))),
    db.q
      .select()
      .from(libraryItems)
      .where(and(scope, inArray(libraryItems.seriesId, ids))),
    db.q
      .select()
      .from(watchRecords)
      .where(and(inSnapshot(watchRecords, tenantId, snapshotId), inArray(watchRecords.titleId, ids))),
    usersAndLibraries(db, tenantId, snapshotId),
  ]);
  return { ...toLibraryItems([...titles, ...episodes]), watches: watches.map(toWatchRecord), ...rest };
}

/** One episode of the current snapshot, for episode-exempt entries. */
export async function findSnapshotEpisode(db: Db, tenantId: string, snapshotId: string | null, episodeId: string) {
  if (!snapshotId) return undefined;
  const { libraryItems } = db.t;
  const rows = await db.q
    .select()
    .from(libraryItems)
    .where(
      and(
        inSnapshot(libraryItems, tenantId, snapshotId),
        eq(libraryItems.id, episodeId),
        eq(libraryItems.kind, 'episode'),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Every request of the snapshot with its requester and cached title info (in `titleLanguage`, else any). */
export async function loadRequests(
  db: Db,
  tenantId: string,
  snapshotId: string | null,
  titleLanguage: string,
): Promise<{ requests: SeerrRequest[]; users: SeerrUser[] }> {
  if (!snapshotId) return { requests: [], users: [] };
  const { seerrRequests, seerrUsers, titleCache } = db.t;
  const [rows, users, cache] = await Promise.all([
    db.q
      .select()
      .from(seerrRequests)
      .where(inSnapshot(seerrRequests, tenantId, snapshotId)),
    db.q
      .select({ id: seerrUsers.id, displayName: seerrUsers.displayName, jellyfinUserId: seerrUsers.jellyfinUserId })
      .from(seerrUsers)
      .where(inSnapshot(seerrUsers, tenantId, snapshotId)),
    db.q
      .select({
        mediaType: titleCache.mediaType,
        tmdbId: titleCache.tmdbId,
        language: titleCache.language,
        info: titleCache.info,
      })
      .from(titleCache)
      .where(eq(titleCache.tenantId, tenantId)),
  ]);
  const info = new Map<string, SeerrTitleInfo>();
  // The tenant's title language wins; release dates are the same in every language, so any cached
  // language beats no information at all.
  for (const entry of cache) {
    const key = `${entry.mediaType}:${entry.tmdbId}`;
    if (entry.info && (entry.language === titleLanguage || !info.has(key))) info.set(key, entry.info);
  }
  const userById = new Map(users.map((user) => [user.id, user]));
  const requests = rows.map((row): SeerrRequest => ({
    id: row.id,
    type: row.type,
    status: row.status as SeerrRequest['status'],
    is4k: row.is4k,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    requestedBy: row.requestedById == null ? null : (userById.get(row.requestedById) ?? null),
    seasons: row.seasons,
    media: row.media,
    info: row.media.tmdbId == null ? null : (info.get(`${row.type}:${row.media.tmdbId}`) ?? null),
  }));
  return { requests, users };
}

/** The server users of the current snapshots (to prefill nicknames). */
export async function loadServerUsers(db: Db, tenantId: string, pointers: SnapshotPointers) {
  const { mediaUsers, seerrUsers } = db.t;
  const [jellyfin, jellyseerr] = await Promise.all([
    pointers.librarySnapshotId
      ? db.q
          .select({ id: mediaUsers.id, name: mediaUsers.name })
          .from(mediaUsers)
          .where(inSnapshot(mediaUsers, tenantId, pointers.librarySnapshotId))
      : [],
    pointers.requestsSnapshotId
      ? db.q
          .select({ id: seerrUsers.id, name: seerrUsers.displayName })
          .from(seerrUsers)
          .where(inSnapshot(seerrUsers, tenantId, pointers.requestsSnapshotId))
      : [],
  ]);
  return { jellyfin, jellyseerr };
}

/** One request of the current requests snapshot. */
export async function findSnapshotRequest(db: Db, tenantId: string, snapshotId: string | null, requestId: number) {
  if (!snapshotId) return undefined;
  const { seerrRequests } = db.t;
  const rows = await db.q
    .select({ id: seerrRequests.id, type: seerrRequests.type, media: seerrRequests.media })
    .from(seerrRequests)
    .where(and(inSnapshot(seerrRequests, tenantId, snapshotId), eq(seerrRequests.id, requestId)))
    .limit(1);
  return rows[0];
}

/** Ids of every movie and series of a snapshot, in id order: the recompute walks them in batches. */
export async function listSnapshotTitleIds(db: Db, tenantId: string, snapshotId: string | null): Promise<string[]> {
  if (!snapshotId) return [];
  const { libraryItems } = db.t;
  const rows = await db.q
    .select({ id: libraryItems.id })
    .from(libraryItems)
    .where(and(inSnapshot(libraryItems, tenantId, snapshotId), inArray(libraryItems.kind, ['movie', 'series'])))
    .orderBy(libraryItems.id);
  return rows.map((r) => r.id);
}

/** Provider ids of every movie and series of a snapshot (to tell which requests are in the library). */
export async function listTitleProviderIds(db: Db, tenantId: string, snapshotId: string | null) {
  if (!snapshotId) return [];
  const { libraryItems } = db.t;
  return db.q
    .select({
      kind: libraryItems.kind,
      tmdbId: libraryItems.tmdbId,
      tvdbId: libraryItems.tvdbId,
      imdbId: libraryItems.imdbId,
    })
    .from(libraryItems)
    .where(and(inSnapshot(libraryItems, tenantId, snapshotId), inArray(libraryItems.kind, ['movie', 'series'])));
}

/** The media of every request in a snapshot (type and media only: what cleanup matches on). */
export async function listRequestedMedia(
  db: Db,
  tenantId: string,
  snapshotId: string | null,
): Promise<{ type: 'movie' | 'tv'; media: SeerrMedia }[]> {
  if (!snapshotId) return [];
  const { seerrRequests: r } = db.t;
  return db.q
    .select({ type: r.type, media: r.media })
    .from(r)
    .where(inSnapshot(r, tenantId, snapshotId));
}
