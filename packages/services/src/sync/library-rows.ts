import {
  validDateOrNull,
  type LibraryEpisode,
  type LibraryMovie,
  type LibrarySeries,
  type MediaVersion,
  type WatchRecord,
} from '@mj/core';
import { providerIdColumns } from '@mj/db';

// Core model -> snapshot rows, and the per-title watch aggregation done while the watch passes stream.

type ItemRow = {
  snapshotId: string;
  tenantId: string;
  id: string;
  kind: 'movie' | 'series' | 'episode';
  name: string;
  year: number | null;
  libraryId: string | null;
  tmdbId: string | null;
  tvdbId: string | null;
  imdbId: string | null;
  addedAt: number | null;
  sizeBytes: number | null;
  seriesId: string | null;
  seasonNumber: number | null;
  episodeNumber: number | null;
  streams: LibraryMovie['streams'];
  versions: MediaVersion[] | null;
};

export function itemRow(
  snapshotId: string,
  tenantId: string,
  item: LibraryMovie | LibrarySeries | LibraryEpisode,
): ItemRow {
  const base = { snapshotId, tenantId, id: item.id, kind: item.kind, name: item.name, libraryId: item.libraryId };
  if (item.kind === 'episode') {
    return {
      ...base,
      year: null,
      tmdbId: null,
      tvdbId: null,
      imdbId: null,
      addedAt: item.addedAt,
      sizeBytes: item.sizeBytes,
      seriesId: item.seriesId,
      seasonNumber: item.seasonNumber,
      episodeNumber: item.episodeNumber,
      streams: item.streams,
      versions: item.versions ?? null,
    };
  }
  return {
    ...base,
    year: item.year,
    ...providerIdColumns(item.providerIds),
    addedAt: item.addedAt,
    sizeBytes: item.kind === 'movie' ? item.sizeBytes : null,
    seriesId: null,
    seasonNumber: null,
    episodeNumber: null,
    streams: item.kind === 'movie' ? item.streams : null,
    versions: item.kind === 'movie' ? (item.versions ?? null) : null,
  };
}

interface TitleWatch {
  itemId: string;
  played: boolean;
  positionTicks: number;
  playCount: number;
  lastPlayedAt: number | null;
}

/**
 * Merges one user's watch records into one record per title (movie, or series over its episodes):
 * watched = any episode watched, play count = sum, last played = newest valid date. Feeding these to
 * the core rules gives the same facts as the raw per-episode records, at a fraction of the rows.
 */
export function aggregateUserWatches(
  records: readonly WatchRecord[],
  titleOf: (itemId: string) => string | undefined,
  now: number,
): Map<string, TitleWatch> {
  const byTitle = new Map<string, TitleWatch>();
  for (const r of records) {
    const titleId = titleOf(r.itemId);
    if (!titleId) continue; // not in the synced libraries (or a placeholder)
    const last = validDateOrNull(r.lastPlayedAt, now);
    const prev = byTitle.get(titleId);
    if (!prev) {
      byTitle.set(titleId, {
        itemId: r.itemId,
        played: r.played,
        positionTicks: r.playbackPositionTicks,
        playCount: r.playCount,
        lastPlayedAt: last,
      });
      continue;
    }
    prev.played ||= r.played;
    prev.positionTicks = Math.max(prev.positionTicks, r.playbackPositionTicks);
    prev.playCount += r.playCount;
    if (last !== null && (prev.lastPlayedAt === null || last > prev.lastPlayedAt)) {
      prev.lastPlayedAt = last;
      prev.itemId = r.itemId;
    }
  }
  return byTitle;
}
