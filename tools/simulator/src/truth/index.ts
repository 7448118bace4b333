import type { Library } from '../data/library';
import type { SeerrData } from '../data/seerr';
import type { ItemVerdict, SeerrAddedLookup } from './evaluate';
import { judgeMovie, judgeSeries, NO_SEERR_ADDED, validDate } from './evaluate';
import { judgeRequests } from './requests';

export interface GroundTruth {
  /** ISO instant the truth was computed for. */
  now: string;
  dashboard: {
    old: { count: number; sizeBytes: number };
    large: { count: number; sizeBytes: number };
    language: { count: number; sizeBytes: number };
    requests: { count: number };
    recent: { count: number };
  };
  /** Jellyfin ids of movies and series, in generation (SortName) order: movies first, then series. */
  old: string[];
  large: string[];
  /** id -> missing codes (`missing_audio:fre` ...); a series lists the union over its episodes. */
  language: Record<string, string[]>;
  /** Per series: its problem episodes. */
  languageEpisodes: Record<string, { id: string; season: number | null; episode: number; codes: string[] }[]>;
  /** Request ids, newest request first. */
  requests: number[];
  staleRequests: number[];
  recent: number[];
  counts: { movies: number; series: number; episodes: number; users: number; requests: number };
}

/** Requests the request list shows: Jellyseerr leaves those of blocklisted media (6) out. */
function listedRequests(seerr: SeerrData): number {
  const mediaById = new Map(seerr.media.map((m) => [m.id, m]));
  return seerr.requests.filter((r) => {
    const m = mediaById.get(r.mediaId);
    return !m || (r.is4k ? m.status4k : m.status) !== 6;
  }).length;
}

/** The requested media's "added" dates, by provider id (only requested media reach the product). */
export function seerrAddedLookup(seerr: SeerrData, now: number): SeerrAddedLookup {
  const mediaById = new Map(seerr.media.map((m) => [m.id, m]));
  const byKey = new Map<string, number>();
  const put = (k: string, at: number) => byKey.set(k, Math.max(at, byKey.get(k) ?? at));
  for (const request of seerr.requests) {
    const m = mediaById.get(request.mediaId);
    const at = m ? validDate(m.mediaAddedAt, now) : null;
    if (!m || at === null) continue;
    put(`${m.mediaType}:tmdb:${m.tmdbId}`, at);
    const other = m.mediaType === 'movie' ? m.imdbId : m.tvdbId;
    if (other !== null) put(`${m.mediaType}:other:${String(other).toLowerCase()}`, at);
  }
  return (kind, ids) =>
    (ids.tmdb !== null ? byKey.get(`${kind}:tmdb:${ids.tmdb}`) : undefined) ??
    (ids.other !== null ? byKey.get(`${kind}:other:${String(ids.other).toLowerCase()}`) : undefined) ??
    null;
}

/** Every current item's verdict: base movies (minus removed ones), added movies, series. */
export function* judgeLibrary(
  library: Library,
  now: number,
  seerrAdded: SeerrAddedLookup = NO_SEERR_ADDED,
): Generator<ItemVerdict> {
  for (let i = 0; i < library.movieCount; i++) {
    if (!library.isMovieRemoved(i)) yield judgeMovie(library.movie(i), now, seerrAdded);
  }
  for (let k = 0; k < library.addedCount; k++) yield judgeMovie(library.addedMovie(k), now, seerrAdded);
  for (let j = 0; j < library.seriesCount; j++)
    if (!library.isSeriesRemoved(j)) yield judgeSeries(library.series(j), now, seerrAdded);
}

export function computeTruth(
  library: Library,
  seerr: SeerrData,
  now: number,
  detailsOffline: { movie: boolean; tv: boolean },
): GroundTruth {
  const totals = {
    old: { count: 0, sizeBytes: 0 },
    large: { count: 0, sizeBytes: 0 },
    language: { count: 0, sizeBytes: 0 },
  };
  const truth: GroundTruth = {
    now: new Date(now).toISOString(),
    dashboard: {
      old: { count: 0, sizeBytes: 0 },
      large: { count: 0, sizeBytes: 0 },
      language: { count: 0, sizeBytes: 0 },
      requests: { count: 0 },
      recent: { count: 0 },
    },
    old: [],
    large: [],
    language: {},
    languageEpisodes: {},
    requests: [],
    staleRequests: [],
    recent: [],
    counts: {
      movies: 0,
      series: library.seriesCount - countRemovedSeries(library),
      episodes: 0,
      users: library.ctx.users.length,
      requests: listedRequests(seerr),
    },
  };
  for (const v of judgeLibrary(library, now, seerrAddedLookup(seerr, now))) {
    const size = v.sizeBytes ?? 0;
    if (v.old) {
      truth.old.push(v.id);
      totals.old.count++;
      totals.old.sizeBytes += size;
    }
    if (v.large) {
      truth.large.push(v.id);
      totals.large.count++;
      totals.large.sizeBytes += size;
    }
    if (v.language.length > 0) {
      truth.language[v.id] = v.language;
      totals.language.count++;
      totals.language.sizeBytes += size;
      if (v.languageEpisodes) truth.languageEpisodes[v.id] = v.languageEpisodes;
    }
  }
  truth.counts.movies = library.movieCount - countRemoved(library) + library.addedCount;
  let episodes = 0;
  for (let c = 0; c < library.episodeCount; c++)
    if (library.episodeVirtual[c] === 0 && !library.isEpisodeRemoved(c)) episodes++;
  truth.counts.episodes = episodes;
  Object.assign(truth.dashboard, totals);
  const requests = judgeRequests(library, seerr, now, detailsOffline);
  Object.assign(truth, requests);
  truth.dashboard.requests.count = requests.requests.length;
  truth.dashboard.recent.count = requests.recent.length;
  return truth;
}

function countRemoved(library: Library): number {
  let n = 0;
  for (let i = 0; i < library.movieCount; i++) if (library.isMovieRemoved(i)) n++;
  return n;
}

function countRemovedSeries(library: Library): number {
  let n = 0;
  for (let j = 0; j < library.seriesCount; j++) if (library.isSeriesRemoved(j)) n++;
  return n;
}
