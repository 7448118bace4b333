import { parseApiDate, streamFacts, sumKnownSizes } from '@mj/core';
import type {
  JellyfinUser,
  LibraryEpisode,
  LibraryMovie,
  LibraryTitleFields,
  LibraryVideoFields,
  LibrarySeries,
  MediaVersion,
  ProviderIds,
  StreamFacts,
  WatchRecord,
} from '@mj/core';
import type { z } from 'zod';
import type { BaseItemDto, userDtoSchema } from './schemas';

function providerIds(raw: BaseItemDto['ProviderIds']): ProviderIds {
  // Keys are "Tmdb"/"Tvdb"/"Imdb" today, but plugins have used other casings.
  const byLower = new Map(Object.entries(raw ?? {}).map(([k, v]) => [k.toLowerCase(), v?.trim() || null]));
  return { tmdb: byLower.get('tmdb') ?? null, tvdb: byLower.get('tvdb') ?? null, imdb: byLower.get('imdb') ?? null };
}

/** RULES §1: sum of the known sizes of all media sources (versions). */
function sizeOf(item: BaseItemDto): number | null {
  return sumKnownSizes((item.MediaSources ?? []).map((s) => s.Size));
}

/** The title page lists versions only for an item with several; one source is the item itself. */
function versionsOf(item: BaseItemDto): MediaVersion[] | null {
  const sources = item.MediaSources ?? [];
  if (sources.length < 2) return null;
  return sources.map((s) => ({ name: s.Name?.trim() || null, sizeBytes: s.Size ?? null }));
}

/** RULES §4: only the default (first) media source's streams count. */
function streamsOf(item: BaseItemDto): StreamFacts | null {
  const first = item.MediaSources?.[0];
  if (!first) return null;
  return streamFacts(
    (first.MediaStreams ?? []).map((s) => ({
      type: s.Type,
      language: s.Language ?? null,
      title: s.Title ?? null,
      isForced: s.IsForced ?? null,
      isHearingImpaired: s.IsHearingImpaired ?? null,
      isExternal: s.IsExternal ?? null,
    })),
  );
}

export function isVirtual(item: BaseItemDto): boolean {
  return item.LocationType === 'Virtual';
}

/** An alternate version listed under its own id (see baseItemSchema.PrimaryVersionId). */
export function isAlternateVersion(item: BaseItemDto): boolean {
  return !!item.PrimaryVersionId && item.PrimaryVersionId !== item.Id;
}

/** The fields a movie and a series take alike from their item. */
function titleFields(item: BaseItemDto, libraryId: string | null): LibraryTitleFields {
  return {
    id: item.Id,
    name: item.Name ?? '',
    year: item.ProductionYear ?? null,
    libraryId,
    providerIds: providerIds(item.ProviderIds),
    addedAt: parseApiDate(item.DateCreated),
  };
}

/** The fields a movie and an episode (the items with files) take alike from their item. */
function videoFields(item: BaseItemDto): LibraryVideoFields {
  return { sizeBytes: sizeOf(item), streams: streamsOf(item), versions: versionsOf(item) };
}

export function toMovie(item: BaseItemDto, libraryId: string | null): LibraryMovie {
  return { kind: 'movie', ...titleFields(item, libraryId), ...videoFields(item) };
}

export function toSeries(item: BaseItemDto, libraryId: string | null): LibrarySeries {
  return { kind: 'series', ...titleFields(item, libraryId) };
}

/** Null for an episode without a series: it cannot be attached to anything the rules look at. */
export function toEpisode(item: BaseItemDto, libraryId: string | null): LibraryEpisode | null {
  if (!item.SeriesId) return null;
  return {
    kind: 'episode',
    id: item.Id,
    seriesId: item.SeriesId,
    name: item.Name ?? '',
    seasonNumber: item.ParentIndexNumber ?? null,
    episodeNumber: item.IndexNumber ?? null,
    libraryId,
    addedAt: parseApiDate(item.DateCreated),
    ...videoFields(item),
  };
}

/** Null when the item carries no UserData (should not happen with EnableUserData=true). */
export function toWatchRecord(item: BaseItemDto, userId: string): WatchRecord | null {
  const data = item.UserData;
  if (!data) return null;
  return {
    userId,
    itemId: isAlternateVersion(item) && item.PrimaryVersionId ? item.PrimaryVersionId : item.Id,
    played: data.Played ?? false,
    playbackPositionTicks: data.PlaybackPositionTicks ?? 0,
    playCount: data.PlayCount ?? 0,
    lastPlayedAt: parseApiDate(data.LastPlayedDate),
  };
}

/**
 * Folds two records of the same user and item (the item was in both passes, or two versions of it
 * were watched): watched if either is, newest date, summed play counts for distinct versions.
 */
export function mergeWatchRecords(a: WatchRecord, b: WatchRecord, sameSource: boolean): WatchRecord {
  const dates = [a.lastPlayedAt, b.lastPlayedAt].filter((d): d is number => d !== null);
  return {
    userId: a.userId,
    itemId: a.itemId,
    played: a.played || b.played,
    playbackPositionTicks: Math.max(a.playbackPositionTicks, b.playbackPositionTicks),
    playCount: sameSource ? Math.max(a.playCount, b.playCount) : a.playCount + b.playCount,
    lastPlayedAt: dates.length ? Math.max(...dates) : null,
  };
}

export function toJellyfinUser(user: z.infer<typeof userDtoSchema>): JellyfinUser {
  return { id: user.Id, name: user.Name ?? user.Id };
}
