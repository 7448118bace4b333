import {
  GIB,
  type Library,
  type LibraryEpisode,
  type LibraryMovie,
  type LibrarySeries,
  type MediaStatus,
  type SeerrRequest,
  type SeerrUser,
  type StreamFacts,
  type WatchRecord,
} from '@mj/core';

// A deterministic library with every situation the analyses distinguish (watched or not, old, large,
// missing languages, unknown streams, sentinel dates, requests in every status), at any size. Shared by
// the parity tests and the API benchmark.

const DAY = 86_400_000;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  movies: number;
  series: number;
  episodesPerSeries: number;
  users: number;
  requests: number;
  seed?: number;
  now: number;
}

const WORDS = [
  'Alpha',
  'Été',
  'the Return',
  'Ocean',
  'Night',
  'Crème',
  'Zero',
  'Rocky',
  'Les Misérables',
  'Star',
  'Δelta',
  'Garden',
];
const hex = (prefix: string, i: number) =>
  `${prefix}${i.toString(16).padStart(31 - prefix.length, '0')}`.slice(0, 32).padEnd(32, '0');

export function generateLibrary(opts: GenerateOptions): {
  library: Library;
  requests: SeerrRequest[];
  seerrUsers: SeerrUser[];
} {
  const rnd = prng(opts.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const { now } = opts;
  const name = (i: number) => `${pick(WORDS)} ${pick(WORDS)} ${i % 7 === 0 ? i : ''}`.trim();
  const date = () => {
    const r = rnd();
    if (r < 0.03) return Date.UTC(1, 0, 1); // sentinel 0001-01-01: unknown
    if (r < 0.05) return null;
    return now - Math.floor(rnd() * 1000) * DAY;
  };
  const streams = (): StreamFacts | null => {
    const r = rnd();
    if (r < 0.04) return null;
    const audio = rnd() < 0.85 ? ['eng'] : [];
    if (rnd() < 0.7) audio.push('fre');
    if (rnd() < 0.1) audio.push('ger');
    return { audio, subtitles: rnd() < 0.5 ? ['fre'] : [], forcedSubtitles: rnd() < 0.2 ? ['eng'] : [] };
  };
  const libraries = [
    { id: 'lib-movies', name: 'Movies', collectionType: 'movies' },
    { id: 'lib-shows', name: 'Shows', collectionType: 'tvshows' },
    { id: 'lib-music', name: 'Music', collectionType: 'music' },
  ];
  const users = Array.from({ length: opts.users }, (_, i) => ({
    id: hex('u', i),
    name: `User ${String.fromCharCode(65 + (i % 26))}${i}`,
  }));
  const watches: WatchRecord[] = [];
  const watch = (itemId: string) => {
    for (const user of users) {
      if (rnd() > 0.15) continue;
      const r = rnd();
      watches.push({
        userId: user.id,
        itemId,
        played: r < 0.7,
        playbackPositionTicks: r >= 0.7 && r < 0.9 ? 1_000_000 : 0,
        playCount: r < 0.7 ? 1 + Math.floor(rnd() * 3) : 0,
        lastPlayedAt: rnd() < 0.05 ? null : now - Math.floor(rnd() * 400) * DAY,
      });
    }
  };

  const movies: LibraryMovie[] = [];
  for (let i = 0; i < opts.movies; i += 1) {
    const id = hex('m', i);
    const sizeRoll = rnd();
    movies.push({
      kind: 'movie',
      id,
      name: name(i),
      year: 1950 + Math.floor(rnd() * 75),
      libraryId: rnd() < 0.02 ? 'lib-music' : 'lib-movies',
      providerIds: { tmdb: rnd() < 0.95 ? String(10_000 + i) : null, imdb: `tt${1_000_000 + i}` },
      addedAt: date(),
      sizeBytes: sizeRoll < 0.03 ? null : Math.floor((sizeRoll < 0.2 ? 13 + rnd() * 40 : 0.5 + rnd() * 12.4) * GIB),
      streams: streams(),
    });
    watch(id);
  }
  const series: LibrarySeries[] = [];
  const episodes: LibraryEpisode[] = [];
  for (let s = 0; s < opts.series; s += 1) {
    const id = hex('s', s);
    series.push({
      kind: 'series',
      id,
      name: name(s + 1),
      year: 1990 + Math.floor(rnd() * 35),
      libraryId: 'lib-shows',
      providerIds: { tmdb: String(10_000 + s), tvdb: String(70_000 + s) },
      addedAt: date(),
    });
    const count = rnd() < 0.05 ? 0 : opts.episodesPerSeries;
    const big = rnd() < 0.2;
    for (let e = 0; e < count; e += 1) {
      const epId = hex(`e${s.toString(16)}x`, e);
      episodes.push({
        kind: 'episode',
        id: epId,
        seriesId: id,
        name: `Episode ${e + 1}`,
        seasonNumber: rnd() < 0.02 ? null : Math.floor(e / 8) + (rnd() < 0.05 ? 0 : 1),
        episodeNumber: (e % 8) + 1,
        libraryId: 'lib-shows',
        addedAt: date(),
        sizeBytes: rnd() < 0.02 ? null : Math.floor((big ? 2.5 : 0.3 + rnd()) * GIB),
        streams: streams(),
        virtual: rnd() < 0.03,
      });
      watch(epId);
    }
  }

  const seerrUsers: SeerrUser[] = Array.from({ length: Math.max(1, Math.ceil(opts.users / 2)) }, (_, i) => ({
    id: i + 1,
    displayName: i % 3 === 2 ? null : `Friend ${i + 1}`,
    jellyfinUserId: users[i]?.id ?? null,
  }));
  const requests: SeerrRequest[] = [];
  for (let r = 0; r < opts.requests; r += 1) {
    const isTv = rnd() < 0.4;
    const inLibrary = rnd() < 0.3;
    const tmdbId = inLibrary ? 10_000 + Math.floor(rnd() * Math.max(1, isTv ? opts.series : opts.movies)) : 500_000 + r;
    const status = pick([1, 2, 3, 4, 5] as const);
    const mediaStatus = pick([1, 2, 3, 4, 5, 6, 7] as const) as MediaStatus;
    const seasons = isTv ? [1, 2, 3].filter(() => rnd() < 0.6) : [];
    const releaseRoll = rnd();
    const release = new Date(now + (releaseRoll < 0.2 ? 30 : releaseRoll < 0.4 ? -30 : -400) * DAY)
      .toISOString()
      .slice(0, 10);
    requests.push({
      id: r + 1,
      type: isTv ? 'tv' : 'movie',
      status,
      is4k: rnd() < 0.05,
      createdAt: now - Math.floor(rnd() * 300) * DAY,
      updatedAt: now - Math.floor(rnd() * 20) * DAY,
      requestedBy: rnd() < 0.9 ? pick(seerrUsers) : null,
      seasons,
      media: {
        id: r + 1,
        mediaType: isTv ? 'tv' : 'movie',
        tmdbId,
        tvdbId: isTv ? 70_000 + (tmdbId - 10_000) : null,
        imdbId: null,
        status: mediaStatus,
        status4k: pick([1, 4, 5] as const),
        mediaAddedAt: rnd() < 0.5 ? now - Math.floor(rnd() * 40) * DAY : null,
        seasons: isTv
          ? [1, 2, 3].map((n) => ({ seasonNumber: n, status: pick([1, 4, 5] as const), status4k: 1 as const }))
          : [],
      },
      info:
        rnd() < 0.9
          ? {
              title: rnd() < 0.9 ? `Requested ${pick(WORDS)} ${r}` : null,
              originalTitle: `Original ${r}`,
              releaseDate: release,
              seasonAirDates: isTv ? [1, 2, 3].map((n) => ({ seasonNumber: n, airDate: release })) : [],
            }
          : null,
    });
  }
  return { library: { libraries, movies, series, episodes, users, watches }, requests, seerrUsers };
}
