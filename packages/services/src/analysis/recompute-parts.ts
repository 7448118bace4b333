import {
  buildAddedFallback,
  buildArrIndex,
  buildLibraryIndex,
  checkRecent,
  checkRequest,
  calendarDay,
  deriveTitleFacts,
  normaliseForSearch,
  sortKey,
  type AddedFallback,
  type RecentRow,
  type RequestIssue,
  type SeerrRequest,
  type Settings,
  type TitleFacts,
  type WhitelistMatcher,
} from '@mj/core';
import {
  listSnapshotTitleIds,
  loadLibraryTitles,
  listArrItems,
  loadRequests,
  type Db,
  type RecentItemInsert,
  type RequestIssueInsert,
} from '@mj/db';
import { loadEvaluationInputs, withNicknames } from './inputs';

// Pieces shared by the full and the incremental recompute.

/** The longest window `/api/recent?days=` accepts: rows are stored for it and filtered at read. */
export const RECENT_MAX_DAYS = 30;

export interface RecomputeResult {
  titles: number;
  requests: number;
  recent: number;
  unknownStreams: number;
}

/** Name ranks in core `sortKey` order, ties by id: both dialects then sort names on an integer. */
export function nameRanks(names: readonly { key: string; name: string }[]): Map<string, number> {
  const sorted = names
    .map(({ key, name }) => ({ key, sort: sortKey(name) }))
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map(sorted.map(({ key }, index) => [key, index]));
}

/**
 * Every request that fails the status and season rules (§5 rules 2–3). The release rule (4) and the
 * request whitelist (1) are applied at read time, so they are neutralised here.
 */
export function requestCandidates(
  requests: readonly SeerrRequest[],
  titles: readonly TitleFacts[],
  settings: Settings,
  matcher: WhitelistMatcher,
  nicknames: ReadonlyMap<string, string>,
  now: number,
) {
  const library = buildLibraryIndex(titles);
  const everyRelease = { ...settings, showUnreleasedRequests: true, releaseGraceDays: 0 };
  const issues: RequestIssue[] = [];
  const recent: RecentRow[] = [];
  for (const request of requests) {
    const issue = checkRequest(request, { settings: everyRelease, matcher, library, nicknames, now });
    if (issue) issues.push(issue);
    const arrived = checkRecent(request, { settings: { recentDays: RECENT_MAX_DAYS }, library, nicknames, now });
    if (!arrived) continue;
    // The episode summary is worded for the tenant's own window when the request falls inside it.
    const inWindow = checkRecent(request, { settings, library, nicknames, now });
    recent.push(inWindow ?? arrived);
  }
  return { issues, recent };
}

export function requestRow(tenantId: string, issue: RequestIssue, nameRank: number): RequestIssueInsert {
  return {
    tenantId,
    requestId: issue.requestId,
    mediaType: issue.mediaType,
    tmdbId: issue.tmdbId,
    is4k: issue.is4k,
    title: issue.title,
    year: issue.year,
    requestedBy: issue.requestedBy,
    requestedAt: issue.requestedAt,
    requestStatus: issue.requestStatus,
    mediaStatus: issue.mediaStatus,
    releaseDate: issue.releaseDate,
    releaseDay: calendarDay(issue.releaseDate),
    missingSeasons: issue.missingSeasons,
    stale: issue.staleInJellyseerr,
    libraryItemId: issue.libraryItemId,
    nameRank,
    searchText: normaliseForSearch(issue.title),
  };
}

export function recentRow(tenantId: string, row: RecentRow): RecentItemInsert {
  return {
    tenantId,
    requestId: row.requestId,
    mediaType: row.mediaType,
    tmdbId: row.tmdbId,
    is4k: row.is4k,
    title: row.title,
    requester: row.requester,
    arrivedAt: row.arrivedAt,
    episodes: row.episodes,
    libraryItemId: row.libraryItemId,
  };
}

export const TITLE_BATCH = 1000;

export async function* titleFactsInBatches(
  db: Db,
  tenantId: string,
  snapshotId: string | null,
  settings: Settings,
  nicknames: ReadonlyMap<string, string>,
  addedFallback: AddedFallback,
  now: number,
): AsyncGenerator<TitleFacts[]> {
  const ids = await listSnapshotTitleIds(db, tenantId, snapshotId);
  for (let i = 0; i < ids.length; i += TITLE_BATCH) {
    const library = await loadLibraryTitles(db, tenantId, snapshotId, ids.slice(i, i + TITLE_BATCH));
    yield deriveTitleFacts(withNicknames(library, nicknames), settings, now, addedFallback);
  }
}

/** Every provider id any request names: only titles carrying one can be a request's library match. */
export function requestProviderIds(requests: readonly SeerrRequest[]): Set<string> {
  const ids = new Set<string>();
  for (const { media } of requests) {
    for (const value of [media.tmdbId, media.tvdbId, media.imdbId]) if (value !== null) ids.add(String(value));
  }
  return ids;
}

export function mayMatchRequest(title: TitleFacts, wanted: ReadonlySet<string>): boolean {
  const { tmdb, tvdb, imdb } = title.providerIds;
  return [tmdb, tvdb, imdb].some((value) => value !== null && value !== undefined && wanted.has(String(value)));
}

/** What every recompute reads besides the library: requests and Radarr/Sonarr items, and what they imply. */
export async function loadRequestInputs(
  db: Db,
  tenantId: string,
  pointers: Inputs['pointers'],
  settings: Settings,
  now: number,
) {
  const [seerr, arrItems] = await Promise.all([
    loadRequests(db, tenantId, pointers.requestsSnapshotId, settings.titleLanguage),
    listArrItems(db, tenantId),
  ]);
  return {
    seerr,
    arr: buildArrIndex(arrItems),
    wanted: requestProviderIds(seerr.requests),
    addedFallback: buildAddedFallback(
      seerr.requests.map((r) => r.media),
      now,
    ),
  };
}

export type Inputs = Awaited<ReturnType<typeof loadEvaluationInputs>>;

/** The request issues, recent items and analysis state every recompute writes, as stored rows. */
export function requestRowsAndState(
  tenantId: string,
  data: {
    issues: readonly RequestIssue[];
    recent: readonly RecentRow[];
    ranks: ReadonlyMap<string, number>;
    pointers: Inputs['pointers'];
    unknownStreams: number;
    now: number;
  },
) {
  return {
    requests: data.issues.map((issue) =>
      requestRow(tenantId, issue, data.ranks.get(`request:${issue.requestId}`) ?? 0),
    ),
    recent: data.recent.map((row) => recentRow(tenantId, row)),
    state: {
      librarySnapshotId: data.pointers.librarySnapshotId,
      requestsSnapshotId: data.pointers.requestsSnapshotId,
      unknownStreams: data.unknownStreams,
      evaluatedAt: data.now,
    },
  };
}
