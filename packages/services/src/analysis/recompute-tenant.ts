import {
  buildAddedFallback,
  buildArrIndex,
  buildLibraryIndex,
  checkRecent,
  checkRequest,
  calendarDay,
  clockMovedRanges,
  DAY_MS,
  MIN_VALID_DATE_MS,
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
  applyIncrementalEvaluation,
  getAnalysisState,
  listStoredTitleKeys,
  listSnapshotTitleIds,
  moviesWithoutValidAddedAt,
  titlesWithDatesIn,
  titlesWithProviderIds,
  usersAndLibraries,
  loadLibraryTitles,
  listArrItems,
  loadRequests,
  replaceEvaluation,
  type Db,
  type RecentItemInsert,
  type RequestIssueInsert,
} from '@mj/db';
import type { TenantContext } from '../context';
import { evaluateTitle, titleRow } from './evaluate-titles';
import { loadEvaluationInputs, withNicknames } from './inputs';

/** The longest window `/api/recent?days=` accepts: rows are stored for it and filtered at read. */
export const RECENT_MAX_DAYS = 30;

export interface RecomputeResult {
  titles: number;
  requests: number;
  recent: number;
  unknownStreams: number;
}

/** Name ranks in core `sortKey` order, ties by id: both dialects then sort names on an integer. */
function nameRanks(names: readonly { key: string; name: string }[]): Map<string, number> {
  const sorted = names
    .map(({ key, name }) => ({ key, sort: sortKey(name) }))
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map(sorted.map(({ key }, index) => [key, index]));
}

/**
 * Every request that fails the status and season rules (§5 rules 2–3). The release rule (4) and the
 * request whitelist (1) are applied at read time, so they are neutralised here.
 */
function requestCandidates(
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

function requestRow(tenantId: string, issue: RequestIssue, nameRank: number): RequestIssueInsert {
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

function recentRow(tenantId: string, row: RecentRow): RecentItemInsert {
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

const TITLE_BATCH = 1000;

async function* titleFactsInBatches(
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
function requestProviderIds(requests: readonly SeerrRequest[]): Set<string> {
  const ids = new Set<string>();
  for (const { media } of requests) {
    for (const value of [media.tmdbId, media.tvdbId, media.imdbId]) if (value !== null) ids.add(String(value));
  }
  return ids;
}

function mayMatchRequest(title: TitleFacts, wanted: ReadonlySet<string>): boolean {
  const { tmdb, tvdb, imdb } = title.providerIds;
  return [tmdb, tvdb, imdb].some((value) => value !== null && value !== undefined && wanted.has(String(value)));
}

export interface RecomputeOptions {
  /**
   * Titles the sync saw change (an added, changed or removed item, or changed watch state); an id no
   * longer in the snapshot is a removed title. Given, only those titles, the titles a request may match
   * and the titles the clock moved are re-derived; the stored result equals a full recompute's.
   */
  changedTitleIds?: Iterable<string>;
}

type Inputs = Awaited<ReturnType<typeof loadEvaluationInputs>>;

/**
 * The incremental recompute, or null when it cannot prove its result equals a full one (no earlier
 * evaluation of this tenant, the clock went back, or stored per-title counts predate migration 0013).
 */
async function recomputeChanged(
  ctx: TenantContext,
  { settings, pointers, matcher, nicknames }: Inputs,
  now: number,
  changedTitleIds: Iterable<string>,
): Promise<RecomputeResult | null> {
  const { db, tenantId } = ctx;
  const snapshotId = pointers.librarySnapshotId;
  const [state, stored] = await Promise.all([getAnalysisState(db, tenantId), listStoredTitleKeys(db, tenantId)]);
  if (!state || !snapshotId || now < state.evaluatedAt) return null;
  if (stored.reduce((sum, row) => sum + row.unknownStreams, 0) !== state.unknownStreams) return null;

  const [seerr, arrItems] = await Promise.all([
    loadRequests(db, tenantId, pointers.requestsSnapshotId, settings.titleLanguage),
    listArrItems(db, tenantId),
  ]);
  const arr = buildArrIndex(arrItems);
  const wanted = requestProviderIds(seerr.requests);
  const addedFallback = buildAddedFallback(
    seerr.requests.map((r) => r.media),
    now,
  );
  const ranges = clockMovedRanges(state.evaluatedAt, now, settings.languageCheckAddedWithinDays);
  const [requestTitles, clockTitles, fallbackTitles] = await Promise.all([
    titlesWithProviderIds(db, tenantId, snapshotId, [...wanted]),
    titlesWithDatesIn(db, tenantId, snapshotId, ranges.added, ranges.played),
    // A request that went away takes its "added" fallback with it: re-derive every movie that may use one.
    moviesWithoutValidAddedAt(db, tenantId, snapshotId, MIN_VALID_DATE_MS, now + DAY_MS),
  ]);
  // A renamed Jellyfin user (or a nickname) moves `watchedBy` of every title they watched.
  const { users } = await usersAndLibraries(db, tenantId, snapshotId);
  const userNames = new Map(users.map((user) => [user.id, nicknames.get(user.id) ?? user.name]));
  const renamed = stored
    .filter((row) => row.watchedBy.some((watcher) => userNames.get(watcher.id) !== watcher.name))
    .map((row) => row.id);
  const changed = new Set(changedTitleIds);
  const derive = [...new Set([...changed, ...requestTitles, ...clockTitles, ...fallbackTitles, ...renamed])].sort();

  const titles: ReturnType<typeof titleRow>[] = [];
  const requestFacts: TitleFacts[] = [];
  const derivedIds = new Set<string>();
  let unknownStreams = 0;
  for (let i = 0; i < derive.length; i += TITLE_BATCH) {
    const library = await loadLibraryTitles(db, tenantId, snapshotId, derive.slice(i, i + TITLE_BATCH));
    for (const title of deriveTitleFacts(withNicknames(library, nicknames), settings, now, addedFallback)) {
      const { evaluation, unknownStreams: unknown } = evaluateTitle(title, settings, matcher, now);
      unknownStreams += unknown;
      titles.push(titleRow(tenantId, title, evaluation, 0, arr.match(title), unknown));
      derivedIds.add(title.id);
      if (mayMatchRequest(title, wanted)) requestFacts.push(title);
    }
  }
  // Kept rows: every stored title not re-derived and not removed (a changed id the snapshot lacks).
  const kept = stored.filter((row) => !derivedIds.has(row.id) && !changed.has(row.id));
  const removedIds = stored.filter((row) => changed.has(row.id) && !derivedIds.has(row.id)).map((row) => row.id);
  for (const row of kept) unknownStreams += row.unknownStreams;

  const { issues, recent } = requestCandidates(seerr.requests, requestFacts, settings, matcher, nicknames, now);
  const ranks = nameRanks([
    ...kept.map((row) => ({ key: row.id, name: row.title })),
    ...titles.map((row) => ({ key: row.id, name: row.title })),
    ...issues.map((issue) => ({ key: `request:${issue.requestId}`, name: issue.title })),
  ]);
  for (const row of titles) row.nameRank = ranks.get(row.id) ?? 0;
  const movedRanks: { id: string; nameRank: number }[] = [];
  const movedArr: { id: string; app: 'radarr' | 'sonarr' | null; arrId: number | null }[] = [];
  for (const row of kept) {
    const rank = ranks.get(row.id) ?? 0;
    if (rank !== row.nameRank) movedRanks.push({ id: row.id, nameRank: rank });
    // `match` reads the kind and provider ids, trimmed and lower-cased: as the row stores them.
    const item = arr.match({
      kind: row.mediaType,
      providerIds: { tmdb: row.tmdbId, tvdb: row.tvdbId, imdb: row.imdbId },
    });
    const app = item?.app ?? null;
    const arrId = item?.arrId ?? null;
    if (app !== row.arrApp || arrId !== row.arrId) movedArr.push({ id: row.id, app, arrId });
  }
  await applyIncrementalEvaluation(db, tenantId, {
    removedIds,
    titles,
    ranks: movedRanks,
    arr: movedArr,
    requests: issues.map((issue) => requestRow(tenantId, issue, ranks.get(`request:${issue.requestId}`) ?? 0)),
    recent: recent.map((row) => recentRow(tenantId, row)),
    state: {
      librarySnapshotId: pointers.librarySnapshotId,
      requestsSnapshotId: pointers.requestsSnapshotId,
      unknownStreams,
      evaluatedAt: now,
    },
  });
  const total = kept.length + titles.length;
  ctx.log.info(
    {
      tenantId,
      titles: total,
      derived: titles.length,
      ranksMoved: movedRanks.length,
      arrMoved: movedArr.length,
      requests: issues.length,
      recent: recent.length,
    },
    'analysis recomputed (incremental)',
  );
  return { titles: total, requests: issues.length, recent: recent.length, unknownStreams };
}

/**
 * Re-evaluates the tenant's current snapshots with its settings, whitelists and nicknames, and replaces
 * its stored issue rows. The sync calls it right after flipping a snapshot pointer; settings and nickname
 * changes call it in the same request.
 */
export async function recomputeTenant(ctx: TenantContext, options: RecomputeOptions = {}): Promise<RecomputeResult> {
  const { db, tenantId } = ctx;
  const now = ctx.clock.now();
  const inputs = await loadEvaluationInputs(ctx, now);
  if (options.changedTitleIds) {
    const result = await recomputeChanged(ctx, inputs, now, options.changedTitleIds);
    if (result) return result;
  }
  const { settings, pointers, matcher, nicknames } = inputs;
  const [seerr, arrItems] = await Promise.all([
    loadRequests(db, tenantId, pointers.requestsSnapshotId, settings.titleLanguage),
    listArrItems(db, tenantId),
  ]);
  const arr = buildArrIndex(arrItems);
  const wanted = requestProviderIds(seerr.requests);
  const addedFallback = buildAddedFallback(
    seerr.requests.map((r) => r.media),
    now,
  );

  // Titles are derived and evaluated in batches, so memory holds one batch of the library (with its
  // episodes' streams) at a time, not all of it. Facts are kept only for titles a request may match.
  const titles: ReturnType<typeof titleRow>[] = [];
  const requestFacts: TitleFacts[] = [];
  const names: { key: string; name: string }[] = [];
  let unknownStreams = 0;
  for await (const facts of titleFactsInBatches(
    db,
    tenantId,
    pointers.librarySnapshotId,
    settings,
    nicknames,
    addedFallback,
    now,
  )) {
    for (const title of facts) {
      const { evaluation, unknownStreams: unknown } = evaluateTitle(title, settings, matcher, now);
      unknownStreams += unknown;
      titles.push(titleRow(tenantId, title, evaluation, 0, arr.match(title), unknown));
      names.push({ key: title.id, name: title.name });
      if (mayMatchRequest(title, wanted)) requestFacts.push(title);
    }
  }
  const { issues, recent } = requestCandidates(seerr.requests, requestFacts, settings, matcher, nicknames, now);
  const ranks = nameRanks([
    ...names,
    ...issues.map((issue) => ({ key: `request:${issue.requestId}`, name: issue.title })),
  ]);
  for (const row of titles) row.nameRank = ranks.get(row.id) ?? 0;
  await replaceEvaluation(db, tenantId, {
    titles,
    requests: issues.map((issue) => requestRow(tenantId, issue, ranks.get(`request:${issue.requestId}`) ?? 0)),
    recent: recent.map((row) => recentRow(tenantId, row)),
    state: {
      librarySnapshotId: pointers.librarySnapshotId,
      requestsSnapshotId: pointers.requestsSnapshotId,
      unknownStreams,
      evaluatedAt: now,
    },
  });
  ctx.log.info(
    { tenantId, titles: titles.length, requests: issues.length, recent: recent.length },
    'analysis recomputed',
  );
  return { titles: titles.length, requests: issues.length, recent: recent.length, unknownStreams };
}
