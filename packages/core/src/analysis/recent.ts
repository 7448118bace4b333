// Recently available (RULES.md §6): what arrived for whom, with TV arrivals dated from the library's
// episodes (Jellyseerr dates a show by its folder, so a new season of an old show would never be recent).
import type { Ms, SeerrRequest } from '../model';
import type { Settings } from '../settings';
import type { EpisodeFacts, TitleFacts } from '../facts';
import type { LibraryIndex } from '../library-index';
import type { Nicknames } from '../request-display';
import { DAY_MS, isValidDate } from '../dates';
import { requesterName, requestHeadline } from '../request-display';
import { mediaStatusOf, requestedSeasons } from './requests';

export type RecentSettings = Pick<Settings, 'recentDays'>;

export interface RecentRow {
  requestId: number;
  mediaType: 'movie' | 'tv';
  is4k: boolean;
  tmdbId: number | null;
  title: string;
  /** Display name; null when unknown (shown last, under a label chosen by the caller). */
  requester: string | null;
  arrivedAt: Ms;
  /** TV: the requested episodes that arrived in the window, e.g. `Season 1, S2E5–E8, S2E10`. */
  episodes: string | null;
  libraryItemId: string | null;
}

export interface RecentContext {
  settings: RecentSettings;
  library: LibraryIndex;
  nicknames: Nicknames;
  now: Ms;
}

const REQUEST_DECLINED = 3;
const EN_DASH = '\u2013';

/** Groups one season's arrived episode numbers into `S2E5–E8` runs (two or more) and `S2E3` singles. */
function seasonRuns(season: number, numbers: readonly number[]): string[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i += 1) {
    if (i < sorted.length && sorted[i] === (sorted[i - 1] ?? 0) + 1) continue;
    const first = sorted[start];
    const last = sorted[i - 1];
    if (first !== undefined && last !== undefined) {
      runs.push(first === last ? `S${season}E${first}` : `S${season}E${first}${EN_DASH}E${last}`);
    }
    start = i;
  }
  return runs;
}

/**
 * Describes the arrived episodes, season by season: "Season N" when every library episode of that season
 * arrived in the window, otherwise runs and singles; joined with ", ".
 */
export function describeArrivedEpisodes(
  seasonEpisodes: readonly EpisodeFacts[],
  arrived: (e: EpisodeFacts) => boolean,
): string | null {
  const bySeason = new Map<number, EpisodeFacts[]>();
  for (const episode of seasonEpisodes) {
    if (episode.seasonNumber === null) continue;
    const list = bySeason.get(episode.seasonNumber);
    if (list) list.push(episode);
    else bySeason.set(episode.seasonNumber, [episode]);
  }
  const parts: string[] = [];
  for (const season of [...bySeason.keys()].sort((a, b) => a - b)) {
    const episodes = bySeason.get(season) ?? [];
    const arrivedHere = episodes.filter(arrived);
    if (arrivedHere.length === 0) continue;
    if (arrivedHere.length === episodes.length) parts.push(`Season ${season}`);
    else
      parts.push(
        ...seasonRuns(
          season,
          arrivedHere.flatMap((e) => (e.episodeNumber === null ? [] : [e.episodeNumber])),
        ),
      );
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The library episodes of the seasons a TV request asked for (all seasons > 0 when it names none). */
function requestedLibraryEpisodes(request: SeerrRequest, series: TitleFacts | null): EpisodeFacts[] {
  if (!series) return [];
  const requested = new Set(requestedSeasons(request));
  return series.episodes.filter(
    (e) => e.seasonNumber !== null && e.seasonNumber > 0 && (requested.size === 0 || requested.has(e.seasonNumber)),
  );
}

function validOrNull(ms: Ms | null, now: Ms): Ms | null {
  return isValidDate(ms, now) ? ms : null;
}

/** The row for one request, or null when it is not eligible or did not arrive in the window. */
export function checkRecent(request: SeerrRequest, ctx: RecentContext): RecentRow | null {
  const status = mediaStatusOf(request);
  if (request.status === REQUEST_DECLINED || (status !== 4 && status !== 5)) return null;
  const { now } = ctx;
  const windowStart = now - ctx.settings.recentDays * DAY_MS;
  const inWindow = (ms: Ms | null): ms is Ms => ms !== null && ms > windowStart && ms <= now;

  const libraryTitle = ctx.library.match(request.media);
  const fallback = validOrNull(request.media.mediaAddedAt, now) ?? validOrNull(request.updatedAt, now);
  let arrivedAt = fallback;
  let episodes: string | null = null;
  if (request.type === 'tv') {
    const seasonEpisodes = requestedLibraryEpisodes(request, libraryTitle);
    let newestEpisode: Ms | null = null;
    for (const e of seasonEpisodes)
      if (e.addedAt !== null && (newestEpisode === null || e.addedAt > newestEpisode)) newestEpisode = e.addedAt;
    arrivedAt = newestEpisode ?? fallback;
    if (newestEpisode !== null) episodes = describeArrivedEpisodes(seasonEpisodes, (e) => inWindow(e.addedAt));
  }
  if (!inWindow(arrivedAt)) return null;

  return {
    ...requestHeadline(request, libraryTitle),
    requester: requesterName(request.requestedBy, ctx.nicknames),
    arrivedAt,
    episodes,
    libraryItemId: libraryTitle?.id ?? null,
  };
}

/** One row per eligible request that arrived in `(now − recentDays, now]`, newest first. */
export function recentlyAvailable(requests: readonly SeerrRequest[], ctx: RecentContext): RecentRow[] {
  const rows: RecentRow[] = [];
  for (const request of requests) {
    const row = checkRecent(request, ctx);
    if (row) rows.push(row);
  }
  return rows.sort((a, b) => b.arrivedAt - a.arrivedAt || b.requestId - a.requestId);
}

export interface ShareTextOptions {
  /** Heading for rows without a known requester. */
  unknownRequester?: string;
}

/**
 * A plain-text digest grouped by requester (names sorted with base sensitivity, unknown last), newest
 * first within a group, so the owner can tell each friend what arrived.
 */
export function shareText(rows: readonly RecentRow[], options: ShareTextOptions = {}): string {
  const groups = new Map<string | null, RecentRow[]>();
  for (const row of rows) {
    const list = groups.get(row.requester);
    if (list) list.push(row);
    else groups.set(row.requester, [row]);
  }
  const names = [...groups.keys()].sort((a, b) => {
    if (a === null) return b === null ? 0 : 1;
    if (b === null) return -1;
    return a.localeCompare(b, undefined, { sensitivity: 'base' });
  });
  return names
    .map((name) => {
      const items = [...(groups.get(name) ?? [])].sort(
        (a, b) => b.arrivedAt - a.arrivedAt || b.requestId - a.requestId,
      );
      const lines = items.map((row) => `- ${row.title}${row.episodes ? ` (${row.episodes})` : ''}`);
      return [`${name ?? options.unknownRequester ?? 'Unknown requester'}:`, ...lines].join('\n');
    })
    .join('\n\n');
}
