// Unavailable requests (RULES.md §5). Availability comes from the MEDIA status and its per-season
// status, never from the request status; a 4K request is judged on the 4K fields.
import type { MediaStatus, Ms, SeerrRequest } from '../model';
import type { Settings } from '../settings';
import type { LibraryIndex } from '../library-index';
import type { Nicknames } from '../request-display';
import type { WhitelistMatcher } from '../whitelists';
import { calendarDay, dayToIso, todayDay } from '../dates';
import { requesterName, requestHeadline } from '../request-display';

export type RequestSettings = Pick<Settings, 'showUnreleasedRequests' | 'releaseGraceDays' | 'timeZone'>;

const REQUEST_DECLINED = 3;
const REQUEST_COMPLETED = 5;
const MEDIA_PARTIAL = 4;
const MEDIA_AVAILABLE = 5;
const MEDIA_BLOCKLISTED = 6;
const MEDIA_DELETED = 7;

export function mediaStatusOf(request: Pick<SeerrRequest, 'is4k' | 'media'>): MediaStatus {
  return request.is4k ? request.media.status4k : request.media.status;
}

function seasonStatuses(request: Pick<SeerrRequest, 'is4k' | 'media'>): Map<number, MediaStatus> {
  return new Map(request.media.seasons.map((s) => [s.seasonNumber, request.is4k ? s.status4k : s.status]));
}

/** Requested seasons > 0; an empty request list means every season > 0 the media knows. */
export function requestedSeasons(request: Pick<SeerrRequest, 'seasons' | 'media'>): number[] {
  const listed = request.seasons.filter((n) => n > 0);
  const seasons = listed.length > 0 ? listed : request.media.seasons.map((s) => s.seasonNumber).filter((n) => n > 0);
  return [...new Set(seasons)].sort((a, b) => a - b);
}

/** Requested seasons whose media season is not available (no media row = missing). */
export function missingSeasons(request: Pick<SeerrRequest, 'seasons' | 'media' | 'is4k'>): number[] {
  const statuses = seasonStatuses(request);
  return requestedSeasons(request).filter((n) => statuses.get(n) !== MEDIA_AVAILABLE);
}

/** Movie release date; TV: earliest valid air date of the missing seasons, else the first air date. */
export function releaseDateOf(request: Pick<SeerrRequest, 'type' | 'info'>, missing: readonly number[]): string | null {
  const info = request.info;
  if (!info) return null;
  if (request.type === 'tv') {
    const wanted = new Set(missing);
    let earliest: number | null = null;
    for (const { seasonNumber, airDate } of info.seasonAirDates) {
      const day = wanted.has(seasonNumber) ? calendarDay(airDate) : null;
      if (day !== null && (earliest === null || day < earliest)) earliest = day;
    }
    if (earliest !== null) return dayToIso(earliest);
  }
  const day = calendarDay(info.releaseDate);
  return day === null ? null : dayToIso(day);
}

/** Rule 4: unknown → shown; future → only with showUnreleasedRequests; within the grace period → hidden. */
export function passesReleaseRule(releaseDate: string | null, settings: RequestSettings, now: Ms): boolean {
  const release = calendarDay(releaseDate);
  if (release === null) return true;
  const age = todayDay(now, settings.timeZone) - release;
  if (age < 0) return settings.showUnreleasedRequests;
  return age >= settings.releaseGraceDays;
}

function yearOf(date: string | null | undefined): number | null {
  const day = calendarDay(date);
  return day === null ? null : Number(dayToIso(day).slice(0, 4));
}

export interface RequestIssue {
  requestId: number;
  mediaType: 'movie' | 'tv';
  is4k: boolean;
  tmdbId: number | null;
  title: string;
  /** Year of the movie release or of the show's first air date. */
  year: number | null;
  requestedBy: string | null;
  requestedAt: Ms | null;
  requestStatus: number;
  mediaStatus: MediaStatus;
  /** `YYYY-MM-DD`, null when unknown. */
  releaseDate: string | null;
  /** TV: requested seasons not available; [] for movies. */
  missingSeasons: number[];
  /** The library already holds it, but Jellyseerr still reports it unavailable. */
  staleInJellyseerr: boolean;
  /** Matched library movie/series id, if any. */
  libraryItemId: string | null;
}

export interface RequestContext {
  settings: RequestSettings;
  matcher: WhitelistMatcher;
  library: LibraryIndex;
  nicknames: Nicknames;
  now: Ms;
}

function isStale(
  request: SeerrRequest,
  missing: readonly number[],
  ctx: RequestContext,
  libraryItemId: string | null,
): boolean {
  if (libraryItemId === null) return false;
  if (request.type === 'movie') return true;
  const present = ctx.library.seasonsWithEpisodes(libraryItemId);
  const statuses = seasonStatuses(request);
  return missing.every((n) => present.has(n) && statuses.get(n) !== MEDIA_PARTIAL);
}

function isExcludedByStatus(request: SeerrRequest): boolean {
  if (request.status === REQUEST_DECLINED) return true;
  const media = mediaStatusOf(request);
  if (media === MEDIA_AVAILABLE || media === MEDIA_BLOCKLISTED) return true;
  // Deleted after delivery is the owner's choice; deleted while still open means it never arrived.
  return media === MEDIA_DELETED && request.status === REQUEST_COMPLETED;
}

/** The request's issue, or null when it is not an unavailable request (RULES.md §5 rules 1–5). */
export function checkRequest(request: SeerrRequest, ctx: RequestContext): RequestIssue | null {
  if (ctx.matcher.isRequestHidden(request)) return null;
  if (isExcludedByStatus(request)) return null;
  const missing = request.type === 'tv' ? missingSeasons(request) : [];
  if (request.type === 'tv' && missing.length === 0) return null;
  const releaseDate = releaseDateOf(request, missing);
  if (!passesReleaseRule(releaseDate, ctx.settings, ctx.now)) return null;

  const libraryTitle = ctx.library.match(request.media);
  const libraryItemId = libraryTitle?.id ?? null;
  return {
    ...requestHeadline(request, libraryTitle),
    year: yearOf(request.info?.releaseDate),
    requestedBy: requesterName(request.requestedBy, ctx.nicknames),
    requestedAt: request.createdAt,
    requestStatus: request.status,
    mediaStatus: mediaStatusOf(request),
    releaseDate,
    missingSeasons: missing,
    staleInJellyseerr: isStale(request, missing, ctx, libraryItemId),
    libraryItemId,
  };
}

/** Every unavailable request, newest request first. */
export function unavailableRequests(requests: readonly SeerrRequest[], ctx: RequestContext): RequestIssue[] {
  const issues: RequestIssue[] = [];
  for (const request of requests) {
    const issue = checkRequest(request, ctx);
    if (issue) issues.push(issue);
  }
  return issues.sort(
    (a, b) => (b.requestedAt ?? -Infinity) - (a.requestedAt ?? -Infinity) || b.requestId - a.requestId,
  );
}
