// One entry point turning a tenant's facts into issue rows and dashboard totals (ARCHITECTURE.md data
// flow, step 4). Run after a sync and after every settings/whitelist/nickname change; reads re-evaluate
// only the time-dependent "old" predicate through the stored `oldSince`.
import type { Ms, ProviderIds, SeerrRequest } from './model';
import type { Settings } from './settings';
import type { TitleFacts, Watcher } from './facts';
import type { ProblemEpisode } from './analysis/language';
import type { RequestIssue } from './analysis/requests';
import type { RecentRow } from './analysis/recent';
import type { Nicknames } from './request-display';
import type { WhitelistEntry } from './whitelists';
import { buildWhitelistMatcher } from './whitelists';
import { buildLibraryIndex } from './library-index';
import { isOldAt, oldSince } from './analysis/old';
import { isLarge } from './analysis/large';
import { checkLanguage } from './analysis/language';
import { unavailableRequests } from './analysis/requests';
import { recentlyAvailable } from './analysis/recent';
import { sortKey } from './text';

export type IssueKind = 'old' | 'large' | 'language' | 'request';

export interface Issue {
  kind: IssueKind;
  codes?: string[];
}

/** One movie or series, shaped like a `GET /api/issues` item (links are added by the API). */
export interface TitleIssueRow {
  id: string;
  title: string;
  year: number | null;
  mediaType: 'movie' | 'series';
  libraryId: string | null;
  providerIds: ProviderIds;
  sizeBytes: number | null;
  largestSeasonBytes: number | null;
  addedAt: Ms | null;
  lastWatchedAt: Ms | null;
  watchedBy: Watcher[];
  playCount: number;
  /** The issues at evaluation time, `old` included when it held at `now`. */
  issues: Issue[];
  /** Series with a language issue: the episodes that have it. */
  problemEpisodes: ProblemEpisode[];
  /** Old iff `now >= oldSince` (see `isOldAt`); null = never (protected). */
  oldSince: Ms | null;
  sortKey: string;
}

/** One unavailable request, shaped like a `GET /api/issues` item. Never merged with library rows. */
export interface RequestIssueRow {
  id: string;
  title: string;
  year: number | null;
  mediaType: 'movie' | 'series';
  sizeBytes: null;
  largestSeasonBytes: null;
  addedAt: null;
  lastWatchedAt: null;
  watchedBy: Watcher[];
  issues: Issue[];
  request: RequestIssue;
  sortKey: string;
}

export interface DashboardTotals {
  old: { count: number; sizeBytes: number };
  large: { count: number; sizeBytes: number };
  language: { count: number };
  requests: { count: number; stale: number };
  recent: { count: number };
}

export interface TenantEvaluation {
  /** Titles with an issue now or that can become old later (`oldSince !== null`), largest first. */
  titles: TitleIssueRow[];
  requests: RequestIssueRow[];
  recent: RecentRow[];
  totals: DashboardTotals;
  /** Checked movies/episodes whose streams could not be judged (sync report). */
  unknownStreams: number;
}

export interface EvaluateInput {
  titles: readonly TitleFacts[];
  requests: readonly SeerrRequest[];
  settings: Settings;
  whitelists: readonly WhitelistEntry[];
  nicknames?: Nicknames;
  now: Ms;
}

const bySizeDesc = (a: TitleIssueRow, b: TitleIssueRow) =>
  (b.sizeBytes ?? -1) - (a.sizeBytes ?? -1) || a.sortKey.localeCompare(b.sortKey) || a.id.localeCompare(b.id);

/**
 * The issue-list fields of a request: it has no library copy, so no size, dates or watchers. Shared
 * by the evaluated row here and the API item built from the stored row.
 */
export function requestListing(r: Pick<RequestIssue, 'requestId' | 'title' | 'year' | 'mediaType'>) {
  return {
    id: `request:${r.requestId}`,
    title: r.title,
    year: r.year,
    mediaType: r.mediaType === 'tv' ? ('series' as const) : ('movie' as const),
    sizeBytes: null,
    largestSeasonBytes: null,
    addedAt: null,
    lastWatchedAt: null,
    watchedBy: [] as Watcher[],
    issues: [{ kind: 'request' as const }],
  };
}

function requestRow(issue: RequestIssue): RequestIssueRow {
  return { ...requestListing(issue), request: issue, sortKey: sortKey(issue.title) };
}

/** The issues of a stored row at `now`: `old` recomputed from `oldSince`, the others as stored. */
export function issuesAt(row: Pick<TitleIssueRow, 'issues' | 'oldSince'>, now: Ms): Issue[] {
  const others = row.issues.filter((issue) => issue.kind !== 'old');
  return isOldAt(row.oldSince, now) ? [{ kind: 'old' }, ...others] : others;
}

/** Dashboard totals at `now` from stored rows (old re-evaluated, the rest as stored). */
export function computeTotals(
  titles: readonly Pick<TitleIssueRow, 'issues' | 'oldSince' | 'sizeBytes'>[],
  requests: readonly { request: Pick<RequestIssue, 'staleInJellyseerr'> }[],
  recentCount: number,
  now: Ms,
): DashboardTotals {
  const totals: DashboardTotals = {
    old: { count: 0, sizeBytes: 0 },
    large: { count: 0, sizeBytes: 0 },
    language: { count: 0 },
    requests: { count: requests.length, stale: requests.filter((r) => r.request.staleInJellyseerr).length },
    recent: { count: recentCount },
  };
  for (const row of titles) {
    const size = row.sizeBytes ?? 0;
    if (isOldAt(row.oldSince, now)) {
      totals.old.count += 1;
      totals.old.sizeBytes += size;
    }
    for (const issue of row.issues) {
      if (issue.kind === 'large') {
        totals.large.count += 1;
        totals.large.sizeBytes += size;
      } else if (issue.kind === 'language') totals.language.count += 1;
    }
  }
  return totals;
}

export function evaluateTenant(input: EvaluateInput): TenantEvaluation {
  const { settings, now } = input;
  const nicknames = input.nicknames ?? new Map<string, string>();
  const matcher = buildWhitelistMatcher(input.whitelists, now);
  const titles: TitleIssueRow[] = [];
  let unknownStreams = 0;

  for (const facts of input.titles) {
    const since = oldSince(facts, settings, matcher.has('content', facts));
    const issues: Issue[] = [];
    if (isOldAt(since, now)) issues.push({ kind: 'old' });
    if (isLarge(facts, settings, matcher.has('large', facts))) issues.push({ kind: 'large' });
    const language = checkLanguage(facts, settings, matcher, now);
    unknownStreams += language.unknownStreams;
    if (language.codes.length > 0) issues.push({ kind: 'language', codes: language.codes });
    if (issues.length === 0 && since === null) continue;
    titles.push({
      id: facts.id,
      title: facts.name,
      year: facts.year,
      mediaType: facts.kind,
      libraryId: facts.libraryId,
      providerIds: facts.providerIds,
      sizeBytes: facts.sizeBytes,
      largestSeasonBytes: facts.largestSeasonBytes,
      addedAt: facts.addedAt,
      lastWatchedAt: facts.lastWatchedAt,
      watchedBy: facts.watchedBy,
      playCount: facts.playCount,
      issues,
      problemEpisodes: language.problemEpisodes,
      oldSince: since,
      sortKey: sortKey(facts.name),
    });
  }
  titles.sort(bySizeDesc);

  const library = buildLibraryIndex(input.titles);
  const requests = unavailableRequests(input.requests, { settings, matcher, library, nicknames, now }).map(requestRow);
  const recent = recentlyAvailable(input.requests, { settings, library, nicknames, now });

  return {
    titles,
    requests,
    recent,
    totals: computeTotals(titles, requests, recent.length, now),
    unknownStreams,
  };
}
