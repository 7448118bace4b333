import type { Library, SeerrRequest, SeerrUser, WatchRecord } from '@mj/core';
import { newId } from '../ids';
import { insertInChunks } from './chunked-insert';
import { seerrRequestRow } from './snapshots';
import type { Db } from '../client';
import { providerIdColumns } from '../provider-ids';
import type { Schema } from '../schema/define';

// Test and benchmark helper: writes a core `Library` and Jellyseerr requests as the tenant's current
// snapshots, the way a sync would, and points `sync_state` at them. Watch records are merged per user and
// title as the sync stores them (see schema/library.ts).

type WatchInsert = Schema['watchRecords']['$inferInsert'];

function mergeWatches(library: Library, snapshotId: string, tenantId: string): WatchInsert[] {
  const titleOf = new Map<string, string>();
  for (const movie of library.movies) titleOf.set(movie.id, movie.id);
  for (const episode of library.episodes) if (!episode.virtual) titleOf.set(episode.id, episode.seriesId);
  const merged = new Map<string, WatchInsert>();
  const watched = (r: WatchRecord) => r.played || r.playbackPositionTicks > 0;
  for (const record of library.watches) {
    const titleId = titleOf.get(record.itemId);
    if (!titleId || !watched(record)) continue;
    const key = `${record.userId}|${titleId}`;
    const previous = merged.get(key);
    if (!previous) {
      merged.set(key, {
        snapshotId,
        tenantId,
        userId: record.userId,
        titleId,
        itemId: record.itemId,
        played: record.played,
        positionTicks: record.playbackPositionTicks,
        playCount: record.playCount,
        lastPlayedAt: record.lastPlayedAt,
      });
      continue;
    }
    const newer = (record.lastPlayedAt ?? -Infinity) > (previous.lastPlayedAt ?? -Infinity);
    merged.set(key, {
      ...previous,
      itemId: newer ? record.itemId : previous.itemId,
      played: previous.played || record.played,
      positionTicks: Math.max(previous.positionTicks, record.playbackPositionTicks),
      playCount: previous.playCount + record.playCount,
      lastPlayedAt: newer ? record.lastPlayedAt : previous.lastPlayedAt,
    });
  }
  return [...merged.values()];
}

export interface SnapshotFixture {
  library: Library;
  requests?: readonly SeerrRequest[];
  /** Jellyseerr users; defaults to the requesters of `requests`. */
  seerrUsers?: readonly SeerrUser[];
  /** Language under which request `info` is cached (the tenant's `titleLanguage`). */
  titleLanguage?: string;
}

export async function writeSnapshotFixture(db: Db, tenantId: string, fixture: SnapshotFixture, now: number) {
  const t = db.t;
  const library = newId(now);
  const requests = newId(now);
  const { movies, series, episodes, users, libraries = [] } = fixture.library;
  const items: Schema['libraryItems']['$inferInsert'][] = [
    ...movies.map((m) => ({
      snapshotId: library,
      tenantId,
      id: m.id,
      kind: 'movie' as const,
      name: m.name,
      year: m.year,
      libraryId: m.libraryId,
      ...providerIdColumns(m.providerIds),
      addedAt: m.addedAt,
      sizeBytes: m.sizeBytes,
      streams: m.streams,
      versions: m.versions ?? null,
    })),
    ...series.map((s) => ({
      snapshotId: library,
      tenantId,
      id: s.id,
      kind: 'series' as const,
      name: s.name,
      year: s.year,
      libraryId: s.libraryId,
      ...providerIdColumns(s.providerIds),
      addedAt: s.addedAt,
    })),
    ...episodes
      .filter((e) => !e.virtual)
      .map((e) => ({
        snapshotId: library,
        tenantId,
        id: e.id,
        kind: 'episode' as const,
        name: e.name,
        libraryId: e.libraryId,
        addedAt: e.addedAt,
        sizeBytes: e.sizeBytes,
        seriesId: e.seriesId,
        seasonNumber: e.seasonNumber,
        episodeNumber: e.episodeNumber,
        streams: e.streams,
        versions: e.versions ?? null,
      })),
  ];
  await insertInChunks(items, (chunk) => db.q.insert(t.libraryItems).values(chunk));
  await insertInChunks(mergeWatches(fixture.library, library, tenantId), (chunk) =>
    db.q.insert(t.watchRecords).values(chunk),
  );
  await insertInChunks(
    users.map((u) => ({ snapshotId: library, tenantId, id: u.id, name: u.name })),
    (chunk) => db.q.insert(t.mediaUsers).values(chunk),
  );
  await insertInChunks(
    libraries.map((l) => ({ snapshotId: library, tenantId, ...l })),
    (chunk) => db.q.insert(t.mediaLibraries).values(chunk),
  );

  const seerrRequests = fixture.requests ?? [];
  await insertInChunks(
    seerrRequests.map((r) => seerrRequestRow(requests, tenantId, r)),
    (chunk) => db.q.insert(t.seerrRequests).values(chunk),
  );
  const seerrUsers = new Map<number, SeerrUser>();
  for (const user of fixture.seerrUsers ?? seerrRequests.flatMap((r) => (r.requestedBy ? [r.requestedBy] : [])))
    seerrUsers.set(user.id, user);
  await insertInChunks(
    [...seerrUsers.values()].map((u) => ({ snapshotId: requests, tenantId, ...u })),
    (chunk) => db.q.insert(t.seerrUsers).values(chunk),
  );
  const cached = new Map<string, Schema['titleCache']['$inferInsert']>();
  for (const r of seerrRequests) {
    if (r.media.tmdbId == null || !r.info) continue;
    cached.set(`${r.type}:${r.media.tmdbId}`, {
      tenantId,
      mediaType: r.type,
      tmdbId: r.media.tmdbId,
      language: fixture.titleLanguage ?? 'en',
      info: r.info,
      fetchedAt: now,
    });
  }
  await insertInChunks([...cached.values()], (chunk) => db.q.insert(t.titleCache).values(chunk).onConflictDoNothing());

  await db.q
    .insert(t.syncState)
    .values({
      tenantId,
      librarySnapshotId: library,
      requestsSnapshotId: requests,
      lastSuccessAt: now,
      allowShrinkOnce: false,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: t.syncState.tenantId,
      set: { librarySnapshotId: library, requestsSnapshotId: requests, lastSuccessAt: now, updatedAt: now },
    });
  return { librarySnapshotId: library, requestsSnapshotId: requests };
}
