import { Rng, Stream } from '../core/prng';
import { DAY, calendarDate } from '../core/time';
import type { Library } from './library';
import { movieImdb, movieTmdb } from './movies';
import { seriesTmdb, seriesTvdb } from './series';
import { orderedPhrase } from './words';

export type SeerrProfile = 'jellyseerr-2.5' | 'jellyseerr-2.7' | 'seerr-3.1';

export interface SeerrUser {
  id: number;
  email: string;
  username: string | null;
  jellyfinUsername: string | null;
  jellyfinUserId: string | null;
  userType: number;
  permissions: number;
  createdAt: number;
  displayName: string;
}

export interface SeerrSeason {
  id: number;
  seasonNumber: number;
  status: number;
  status4k: number;
}

export interface SeerrMedia {
  id: number;
  mediaType: 'movie' | 'tv';
  tmdbId: number;
  tvdbId: number | null;
  imdbId: string | null;
  status: number;
  status4k: number;
  createdAt: number;
  updatedAt: number;
  mediaAddedAt: number | null;
  jellyfinMediaId: string | null;
  jellyfinMediaId4k: string | null;
  seasons: SeerrSeason[];
}

export interface SeerrRequest {
  id: number;
  status: number;
  type: 'movie' | 'tv';
  is4k: boolean;
  mediaId: number;
  requestedBy: number;
  modifiedBy: number | null;
  createdAt: number;
  updatedAt: number;
  seasons: { id: number; seasonNumber: number; status: number }[];
}

/** What TMDB would say about a title (served by /movie/{id} and /tv/{id}). */
export interface TitleDetails {
  mediaType: 'movie' | 'tv';
  tmdbId: number;
  title: string;
  originalTitle: string;
  originalLanguage: string;
  /** '' when TMDB has no date. */
  releaseDate: string;
  seasons: { seasonNumber: number; airDate: string | null; episodeCount: number }[];
}

export interface SeerrData {
  profile: SeerrProfile;
  users: SeerrUser[];
  media: SeerrMedia[];
  requests: SeerrRequest[];
  details: Map<string, TitleDetails>;
}

type ReleaseKind = 'old' | 'future' | 'justReleased' | 'exact90' | 'exact89' | 'unknown';
type Link = 'library' | 'external';

interface RequestPlan {
  type: 'movie' | 'tv';
  status: number;
  media: number;
  is4k?: boolean;
  link?: Link;
  release?: ReleaseKind;
  /** TV: the requested seasons: all, the last one, none listed, or one without a media season row. */
  seasons?: 'all' | 'last' | 'empty' | 'noRow';
  /** Arrival: media added within the recent window, long ago, or unknown (falls back to updatedAt). */
  added?: 'recent' | 'old' | 'null';
  /** TV: pick a library series whose newest episode is a few days old. */
  freshSeries?: boolean;
  /** TV status 4: the missing season is itself partially available (so not stale). */
  missingPartial?: boolean;
  /** 4K request whose regular (non-4K) copy is available. */
  regularAvailable?: boolean;
}

/** Edge cases first (every one present at demo scale), then random requests. */
export const REQUEST_CATALOGUE: readonly RequestPlan[] = [
  { type: 'movie', status: 1, media: 1, link: 'external', release: 'old' },
  { type: 'movie', status: 2, media: 3, link: 'external', release: 'future' },
  { type: 'movie', status: 2, media: 3, link: 'external', release: 'exact89' },
  { type: 'movie', status: 3, media: 1, link: 'external', release: 'old' },
  { type: 'movie', status: 5, media: 5, link: 'library', added: 'recent' },
  { type: 'movie', status: 2, media: 5, link: 'library', added: 'old' },
  { type: 'movie', status: 5, media: 7, link: 'external', release: 'old' },
  { type: 'movie', status: 1, media: 7, link: 'external', release: 'old' },
  { type: 'movie', status: 2, media: 3, link: 'library', release: 'old' },
  { type: 'tv', status: 2, media: 4, link: 'library', release: 'old', seasons: 'all' },
  { type: 'tv', status: 1, media: 4, link: 'library', release: 'old', seasons: 'all', missingPartial: true },
  { type: 'tv', status: 5, media: 5, link: 'library', seasons: 'last', freshSeries: true },
  { type: 'movie', status: 2, media: 3, is4k: true, regularAvailable: true, link: 'external', release: 'old' },
  { type: 'movie', status: 4, media: 3, link: 'external', release: 'exact90' },
  { type: 'movie', status: 2, media: 3, link: 'external', release: 'unknown' },
  { type: 'tv', status: 2, media: 3, link: 'external', release: 'old', seasons: 'empty' },
  { type: 'movie', status: 3, media: 5, link: 'library', added: 'recent' },
  { type: 'movie', status: 5, media: 5, link: 'library', added: 'null' },
  { type: 'movie', status: 2, media: 6, link: 'external', release: 'old' },
  { type: 'tv', status: 1, media: 2, link: 'external', release: 'old', seasons: 'noRow' },
];

const STATUS_WEIGHTS = { '1': 0.2, '2': 0.3, '3': 0.08, '4': 0.04, '5': 0.38 } as const;
const MEDIA_WEIGHTS = { '1': 0.1, '2': 0.1, '3': 0.2, '4': 0.1, '5': 0.4, '6': 0.03, '7': 0.07 } as const;

/** Older servers lack request status 5 (completed) and media status 7 (deleted). */
function fitProfile(plan: RequestPlan, profile: SeerrProfile): RequestPlan {
  if (profile !== 'jellyseerr-2.5') return plan;
  return { ...plan, status: plan.status === 5 ? 2 : plan.status, media: plan.media === 7 ? 3 : plan.media };
}

function randomPlan(rng: Rng, hasSeries: boolean): RequestPlan {
  const type = hasSeries && rng.chance(0.4) ? 'tv' : 'movie';
  const status = Number(rng.weighted(STATUS_WEIGHTS));
  let media = Number(rng.weighted(MEDIA_WEIGHTS));
  if (type === 'movie' && media === 4) media = 3;
  const link: Link =
    media === 5 || media === 4 ? (rng.chance(0.95) ? 'library' : 'external') : rng.chance(0.2) ? 'library' : 'external';
  return {
    type,
    status,
    media,
    is4k: rng.chance(0.08),
    link,
    release: rng.weighted({ old: 0.75, future: 0.07, justReleased: 0.08, exact90: 0.01, exact89: 0.01, unknown: 0.08 }),
    seasons: rng.weighted({ all: 0.6, last: 0.35, empty: 0.03, noRow: 0.02 }),
    added: rng.weighted({ recent: 0.15, old: 0.8, null: 0.05 }),
  };
}

/** An "old" release is at least this many days ago (well past the 90-day grace of RULES §5). */
const OLD_MIN_DAYS = 200;

function releaseDate(rng: Rng, now: number, kind: ReleaseKind): string {
  switch (kind) {
    case 'old':
      return calendarDate(now - rng.range(OLD_MIN_DAYS, 12_000) * DAY);
    case 'future':
      return calendarDate(now + rng.range(10, 300) * DAY);
    case 'justReleased':
      return calendarDate(now - rng.range(1, 80) * DAY);
    case 'exact90':
      return calendarDate(now - 90 * DAY);
    case 'exact89':
      return calendarDate(now - 89 * DAY);
    case 'unknown':
      return '';
  }
}

/**
 * The drawn date moved into `year` (same month and day), or January 1st of it; null when even that is
 * not old enough (a library title from this year keeps the drawn date).
 */
function inYear(drawn: string, year: number, now: number): string | null {
  const latest = now - OLD_MIN_DAYS * DAY;
  const sameDay = Date.parse(`${String(year).padStart(4, '0')}${drawn.slice(4)}`);
  if (Number.isFinite(sameDay) && sameDay <= latest) return calendarDate(sameDay);
  const january = Date.UTC(year, 0, 1);
  return january <= latest ? calendarDate(january) : null;
}

const PERMISSION_REQUEST = 32;
const PERMISSION_ADMIN = 2;

export function generateSeerr(library: Library, profile: SeerrProfile): SeerrData {
  const { seed, now, counts, users: jfUsers } = library.ctx;
  const users: SeerrUser[] = [
    {
      id: 1,
      email: 'admin@example.test',
      username: 'admin',
      jellyfinUsername: null,
      jellyfinUserId: null,
      userType: 2,
      permissions: PERMISSION_ADMIN,
      createdAt: now - 900 * DAY,
      displayName: 'admin',
    },
    ...jfUsers.map((u) => ({
      id: u.index + 2,
      email: `${u.name}@example.test`,
      username: null,
      jellyfinUsername: u.name,
      jellyfinUserId: u.id,
      userType: 3,
      permissions: PERMISSION_REQUEST,
      createdAt: now - (800 - u.index) * DAY,
      displayName: u.name,
    })),
  ];

  const media: SeerrMedia[] = [];
  const requests: SeerrRequest[] = [];
  const details = new Map<string, TitleDetails>();
  const usedMovies = new Set<number>();
  const usedSeries = new Set<number>();
  let seasonRowId = 1;
  let requestSeasonId = 1;
  let externalTmdb = 900_000;

  const pickUnused = (rng: Rng, count: number, used: Set<number>, accept: (i: number) => boolean) => {
    for (let attempt = 0; attempt < 200 && used.size < count; attempt++) {
      const i = rng.int(0, count - 1);
      if (!used.has(i) && accept(i)) {
        used.add(i);
        return i;
      }
    }
    return null;
  };

  for (let r = 0; r < counts.requests; r++) {
    const rng = new Rng(seed, Stream.request, r);
    const fromCatalogue = r < REQUEST_CATALOGUE.length ? REQUEST_CATALOGUE[r] : undefined;
    let plan = fitProfile(fromCatalogue ?? randomPlan(rng, counts.series > 0), profile);
    if (plan.type === 'tv' && counts.series === 0) plan = { ...plan, type: 'movie' };
    const createdAt = Math.floor(now - rng.range(8, 700) * DAY);
    let updatedAt = Math.floor(createdAt + rng.range(0, Math.min(60, (now - createdAt) / DAY - 1)) * DAY);
    const mediaId = media.length + 1;
    const is4k = plan.is4k ?? false;
    const release = plan.release ?? 'old';

    let tmdbId: number;
    let tvdbId: number | null = null;
    let imdbId: string | null = null;
    let jellyfinId: string | null = null;
    let title: string;
    let seasonNumbers: number[] = [];
    let folderAdded: number | null = null;
    // A title already in the library: TMDB dates it in the library's own year (one id, one title, one year).
    let libraryYear: number | null = null;
    if (plan.type === 'movie') {
      const i =
        plan.link === 'library' && counts.movies > 0 ? pickUnused(rng, counts.movies, usedMovies, () => true) : null;
      if (i !== null) {
        const m = library.movie(i);
        tmdbId = movieTmdb(i);
        imdbId = movieImdb(i);
        jellyfinId = m.id;
        title = m.name;
        libraryYear = m.year;
      } else {
        tmdbId = externalTmdb++;
        imdbId = rng.chance(0.5) ? `tt${9_000_000 + r}` : null;
        title = `${orderedPhrase(r, counts.requests)} Requested`;
      }
    } else {
      const j =
        plan.link === 'library'
          ? pickUnused(rng, counts.series, usedSeries, (c) => {
              const s = library.series(c);
              const regular = s.layout.some((slot) => !slot.virtual && (slot.season ?? 0) > 0);
              return regular && (!plan.freshSeries || s.scenario.created === 'veryRecent');
            })
          : null;
      if (j !== null) {
        const s = library.series(j);
        tmdbId = seriesTmdb(j);
        tvdbId = seriesTvdb(j);
        jellyfinId = s.id;
        title = s.name;
        libraryYear = s.year;
        seasonNumbers = [...new Set(s.layout.filter((l) => (l.season ?? 0) > 0).map((l) => l.season as number))];
        folderAdded = typeof s.folderCreated === 'number' ? s.folderCreated : null;
      } else {
        tmdbId = externalTmdb++;
        tvdbId = rng.chance(0.7) ? 700_000 + r : null;
        title = `${orderedPhrase(r, counts.requests)} Show`;
        seasonNumbers = Array.from({ length: rng.int(1, 5) }, (_, k) => k + 1);
      }
    }

    // Requested seasons and the media's per-season rows.
    const lastSeason = seasonNumbers[seasonNumbers.length - 1] ?? 1;
    const requested =
      plan.type === 'movie'
        ? []
        : plan.seasons === 'empty'
          ? []
          : plan.seasons === 'last' || plan.seasons === 'noRow'
            ? [lastSeason]
            : seasonNumbers;
    const seasonStatus = (n: number): number => {
      const isRequested = requested.length === 0 || requested.includes(n);
      switch (plan.media) {
        case 5:
          return 5;
        case 4:
          if (!isRequested) return 5;
          if (n === (requested[0] ?? lastSeason)) return 5;
          return plan.missingPartial ? 4 : 3;
        case 3:
          return isRequested ? 3 : rng.chance(0.5) ? 5 : 1;
        case 2:
          return isRequested ? 2 : 1;
        case 7:
          return 7;
        default:
          return 1;
      }
    };
    const seasons: SeerrSeason[] =
      plan.type === 'movie'
        ? []
        : seasonNumbers
            .filter((n) => !(plan.seasons === 'noRow' && n === lastSeason))
            .map((n) => {
              const st = seasonStatus(n);
              return {
                id: seasonRowId++,
                seasonNumber: n,
                status: is4k ? (plan.regularAvailable ? 5 : 1) : st,
                status4k: is4k ? st : 1,
              };
            });
    if (plan.type === 'tv' && plan.media === 4 && requested.length === 1 && !is4k) {
      // A single requested season can't be both available and missing: keep the media partial via
      // another season instead.
      for (const s of seasons) s.status = s.seasonNumber === requested[0] ? (plan.missingPartial ? 4 : 3) : 5;
    }

    let mediaAddedAt: number | null = createdAt;
    if (plan.media === 4 || plan.media === 5) {
      const kind = plan.added ?? 'old';
      mediaAddedAt =
        plan.type === 'tv' && folderAdded !== null
          ? folderAdded
          : kind === 'recent'
            ? Math.floor(now - rng.range(0.2, 6) * DAY)
            : kind === 'null'
              ? null
              : Math.floor(createdAt + rng.range(0, 20) * DAY);
      if (kind === 'null') updatedAt = Math.floor(now - rng.range(0.2, 6) * DAY);
    }
    const available = plan.media === 5 || plan.media === 4;
    media.push({
      id: mediaId,
      mediaType: plan.type,
      tmdbId,
      tvdbId,
      imdbId,
      status: is4k ? (plan.regularAvailable ? 5 : 1) : plan.media,
      status4k: is4k ? plan.media : 1,
      createdAt,
      updatedAt,
      mediaAddedAt,
      jellyfinMediaId: !is4k && available ? jellyfinId : null,
      jellyfinMediaId4k: is4k && available ? jellyfinId : null,
      seasons,
    });
    const requester = rng.chance(0.1) ? 1 : rng.int(2, users.length);
    const modified = plan.status === 1 ? null : 1;
    requests.push({
      id: r + 1,
      status: plan.status,
      type: plan.type,
      is4k,
      mediaId,
      requestedBy: Math.min(requester, users.length),
      modifiedBy: modified,
      createdAt,
      updatedAt,
      seasons: requested.map((n) => ({ id: requestSeasonId++, seasonNumber: n, status: plan.status })),
    });

    const drawn = releaseDate(rng, now, release);
    const aligned = release === 'old' && libraryYear !== null ? inYear(drawn, libraryYear, now) : null;
    const releaseStr = aligned ?? drawn;
    // Seasons air a year apart, the last one on the decided date; a show's release is its first air date.
    // A library show instead starts in its library year and the seasons follow (never later than "old").
    const airDate = (n: number, index: number) =>
      aligned !== null
        ? calendarDate(Math.min(Date.parse(aligned) + index * 365 * DAY, now - OLD_MIN_DAYS * DAY))
        : releaseStr === ''
          ? null
          : calendarDate(Date.parse(releaseStr) - (lastSeason - n) * 365 * DAY);
    const tvSeasons = seasonNumbers.map((n, index) => ({
      seasonNumber: n,
      airDate: airDate(n, index),
      episodeCount: rng.int(6, 13),
    }));
    details.set(`${plan.type}:${tmdbId}`, {
      mediaType: plan.type,
      tmdbId,
      title,
      originalTitle: title,
      originalLanguage: rng.pick(['en', 'en', 'fr', 'ja']),
      releaseDate: plan.type === 'movie' ? releaseStr : (tvSeasons[0]?.airDate ?? releaseStr),
      seasons: tvSeasons,
    });
  }
  return { profile, users, media, requests, details };
}
