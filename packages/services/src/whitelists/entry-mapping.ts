import type { WhitelistEntry } from '@mj/core';
import { isActive, isoOrNull } from '@mj/core';
import { providerIdsOf, type WhitelistRow } from '@mj/db';
import type { WhitelistEntry as WhitelistEntryDto } from '@mj/contracts';

export function toCoreEntry(row: WhitelistRow): WhitelistEntry {
  return {
    id: row.id,
    type: row.type,
    kind: row.kind,
    jellyfinId: row.jellyfinId,
    providerIds: providerIdsOf(row),
    title: row.title,
    seriesJellyfinId: row.seriesJellyfinId,
    seasonNumber: row.seasonNumber,
    episodeNumber: row.episodeNumber,
    requestId: row.requestId,
    tmdbId: row.type === 'request' && row.tmdbId !== null ? Number(row.tmdbId) : null,
    mediaType: row.mediaType,
    languages: row.languages,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

export function toEntryDto(row: WhitelistRow, now: number): WhitelistEntryDto {
  return {
    id: row.id,
    type: row.type,
    kind: row.kind,
    itemId: row.jellyfinId,
    title: row.title,
    providerIds: providerIdsOf(row),
    seriesId: row.seriesJellyfinId,
    season: row.seasonNumber,
    episode: row.episodeNumber,
    requestId: row.requestId,
    mediaType: row.mediaType,
    languages: row.languages,
    // A bad stored value (from before dates were bounded) reads as the latest date, never as a 500.
    expiresAt: isoOrNull(row.expiresAt),
    createdAt: isoOrNull(row.createdAt) ?? new Date(0).toISOString(),
    expired: !isActive(row, now),
  };
}
