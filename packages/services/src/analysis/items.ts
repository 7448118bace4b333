import { isOldAt, isoOrNull, requestListing } from '@mj/core';
import type { IssueItem, RecentItem } from '@mj/contracts';
import type { RecentItemRow, RequestIssueRow, TitleIssueRow } from '@mj/db';
import type { LinkBases } from './read-context';

// Stored rows -> API items. `old` is the one issue evaluated here, from `old_since` and `now`.

type SeerrType = 'movie' | 'tv';

export function itemLinks(
  bases: LinkBases,
  jellyfinId: string | null,
  tmdbId: string | number | null,
  type: SeerrType,
) {
  const links: IssueItem['links'] = {
    jellyfin: bases.jellyfin && jellyfinId ? `${bases.jellyfin}/web/#/details?id=${jellyfinId}` : null,
  };
  if (tmdbId !== null && tmdbId !== '') {
    if (bases.jellyseerr) links.jellyseerr = `${bases.jellyseerr}/${type}/${tmdbId}`;
    links.tmdb = `https://www.themoviedb.org/${type}/${tmdbId}`;
  }
  return links;
}

export function titleItem(row: TitleIssueRow, now: number, bases: LinkBases): IssueItem {
  const issues: IssueItem['issues'] = [];
  if (isOldAt(row.oldSince, now)) issues.push({ kind: 'old' });
  if (row.isLarge) issues.push({ kind: 'large' });
  if (row.hasLanguage) issues.push({ kind: 'language', codes: row.languageCodes });
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    largestSeasonBytes: row.largestSeasonBytes,
    addedAt: isoOrNull(row.addedAt),
    lastWatchedAt: isoOrNull(row.lastWatchedAt),
    watchedBy: row.watchedBy,
    issues,
    ...(row.problemEpisodes.length > 0 ? { problemEpisodes: row.problemEpisodes } : {}),
    links: itemLinks(bases, row.id, row.tmdbId, row.mediaType === 'movie' ? 'movie' : 'tv'),
    managedBy: row.arrApp && row.arrId !== null ? { app: row.arrApp, id: row.arrId } : null,
  };
}

export function requestItem(row: RequestIssueRow, bases: LinkBases): IssueItem {
  return {
    ...requestListing(row),
    managedBy: null,
    request: {
      requestId: row.requestId,
      requestedBy: row.requestedBy,
      requestedAt: isoOrNull(row.requestedAt),
      releaseDate: row.releaseDate,
      missingSeasons: row.missingSeasons,
      staleInJellyseerr: row.stale,
    },
    links: itemLinks(bases, row.libraryItemId, row.tmdbId, row.mediaType),
  };
}

export function recentItem(row: RecentItemRow, bases: LinkBases): RecentItem {
  return {
    requestId: row.requestId,
    mediaType: row.mediaType === 'tv' ? 'series' : 'movie',
    title: row.title,
    requester: row.requester,
    arrivedAt: new Date(row.arrivedAt).toISOString(),
    episodes: row.episodes,
    links: itemLinks(bases, row.libraryItemId, row.tmdbId, row.mediaType),
  };
}
