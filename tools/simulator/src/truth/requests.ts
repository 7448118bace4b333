import { DAY } from '../core/time';
import type { Library } from '../data/library';
import type { SeerrData, SeerrMedia, SeerrRequest } from '../data/seerr';
import { DEFAULTS, validDate } from './evaluate';

/** Library lookups by provider id, as a sync would match requests (ids are arithmetic, see movies.ts). */
function findMovie(library: Library, media: SeerrMedia) {
  const byTmdb = (tmdb: number) => {
    const i = tmdb - 100_000;
    if (i >= 0 && i < library.movieCount && !library.isMovieRemoved(i)) {
      const m = library.movie(i);
      if (m.tmdb === tmdb) return m;
    }
    return null;
  };
  const byImdb = (imdb: string | null) => {
    const i = imdb ? Number(imdb.slice(2)) - 1_000_000 : -1;
    if (i >= 0 && i < library.movieCount && !library.isMovieRemoved(i)) {
      const m = library.movie(i);
      if (m.imdb === imdb) return m;
    }
    return null;
  };
  return byTmdb(media.tmdbId) ?? byImdb(media.imdbId);
}

function findSeries(library: Library, media: SeerrMedia) {
  const check = (j: number, pick: (s: ReturnType<Library['series']>) => number | null, want: number | null) => {
    if (want === null || j < 0 || j >= library.seriesCount || library.isSeriesRemoved(j)) return null;
    const s = library.series(j);
    return pick(s) === want ? s : null;
  };
  return (
    check(media.tmdbId - 200_000, (s) => s.tmdb, media.tmdbId) ??
    check((media.tvdbId ?? 0) - 300_000, (s) => s.tvdb, media.tvdbId)
  );
}

const statusOf = (r: SeerrRequest, m: { status: number; status4k: number }) => (r.is4k ? m.status4k : m.status);

function requestedSeasons(r: SeerrRequest, media: SeerrMedia): number[] {
  const listed = r.seasons.map((s) => s.seasonNumber).filter((n) => n > 0);
  return listed.length > 0 ? listed : media.seasons.map((s) => s.seasonNumber).filter((n) => n > 0);
}

/** Parses a TMDB calendar date to UTC midnight; null when absent or not a real date. */
function calendarDay(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? null : ms;
}

export interface RequestVerdicts {
  requests: number[];
  staleRequests: number[];
  recent: number[];
}

export function judgeRequests(
  library: Library,
  seerr: SeerrData,
  now: number,
  detailsOffline: { movie: boolean; tv: boolean },
): RequestVerdicts {
  const mediaById = new Map(seerr.media.map((m) => [m.id, m]));
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const newestFirst = [...seerr.requests].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const out: RequestVerdicts = { requests: [], staleRequests: [], recent: [] };

  for (const r of newestFirst) {
    const media = mediaById.get(r.mediaId);
    if (!media) continue;
    const status = statusOf(r, media);

    // Recently available (info).
    if (r.status !== 3 && (status === 4 || status === 5)) {
      let arrival: number | null = null;
      if (r.type === 'tv') {
        const series = findSeries(library, media);
        if (series) {
          const wanted = new Set(requestedSeasons(r, media));
          const dates = series.episodes
            .filter((e) => !e.virtual && e.season !== null && wanted.has(e.season))
            .map((e) => validDate(e.created, now))
            .filter((d): d is number => d !== null);
          arrival = dates.length > 0 ? Math.max(...dates) : null;
        }
      }
      arrival ??= media.mediaAddedAt ?? r.updatedAt;
      if (arrival > now - DEFAULTS.recentDays * DAY && arrival <= now) out.recent.push(r.id);
    }

    // Unavailable requests (issue).
    if (r.status === 3 || status === 5 || status === 6) continue;
    if (status === 7 && r.status === 5) continue;
    let missing: number[] = [];
    if (r.type === 'tv') {
      missing = requestedSeasons(r, media).filter((n) => {
        const row = media.seasons.find((s) => s.seasonNumber === n);
        return !row || statusOf(r, row) !== 5;
      });
      if (missing.length === 0) continue;
    }
    const offline = r.type === 'movie' ? detailsOffline.movie : detailsOffline.tv;
    const details = offline ? undefined : seerr.details.get(`${r.type}:${media.tmdbId}`);
    let release: number | null = null;
    if (details) {
      if (r.type === 'movie') release = calendarDay(details.releaseDate);
      else {
        const airs = details.seasons
          .filter((s) => missing.includes(s.seasonNumber))
          .map((s) => calendarDay(s.airDate))
          .filter((d): d is number => d !== null);
        release = airs.length > 0 ? Math.min(...airs) : calendarDay(details.releaseDate);
      }
    }
    if (release !== null) {
      if (release > today) continue;
      const age = Math.round((today - release) / DAY);
      if (age >= 0 && age < DEFAULTS.releaseGraceDays) continue;
    }
    out.requests.push(r.id);

    let stale = false;
    if (r.type === 'movie') stale = findMovie(library, media) !== null;
    else {
      const series = findSeries(library, media);
      stale =
        series !== null &&
        missing.every((n) => {
          const row = media.seasons.find((s) => s.seasonNumber === n);
          const inLibrary = series.episodes.some((e) => !e.virtual && e.season === n);
          return inLibrary && (!row || statusOf(r, row) !== 4);
        });
    }
    if (stale) out.staleRequests.push(r.id);
  }
  return out;
}
