// Builders for small, readable test libraries. Every builder takes overrides so a test states only
// the fields its rule looks at.
import type {
  Library,
  LibraryEpisode,
  LibraryMovie,
  LibrarySeries,
  SeerrMedia,
  SeerrRequest,
  StreamFacts,
  WatchRecord,
} from '../src/model';
import type { EpisodeFacts, TitleFacts } from '../src/facts';
import type { WhitelistEntry } from '../src/whitelists';
import { DAY_MS } from '../src/dates';

/** 2024-06-15T12:00:00Z: a fixed clock for every test. */
export const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
export const days = (n: number) => n * DAY_MS;

export const streams = (audio: string[], subtitles: string[] = [], forcedSubtitles: string[] = []): StreamFacts => ({
  audio,
  subtitles,
  forcedSubtitles,
});

export function movie(overrides: Partial<LibraryMovie> = {}): LibraryMovie {
  return {
    kind: 'movie',
    id: 'm1',
    name: 'Movie',
    year: 2020,
    libraryId: 'lib-movies',
    providerIds: {},
    addedAt: NOW - days(365),
    sizeBytes: 1000,
    streams: streams(['eng', 'fre']),
    ...overrides,
  };
}

export function series(overrides: Partial<LibrarySeries> = {}): LibrarySeries {
  return {
    kind: 'series',
    id: 's1',
    name: 'Series',
    year: 2020,
    libraryId: 'lib-shows',
    providerIds: {},
    addedAt: NOW - days(1000),
    ...overrides,
  };
}

export function episode(overrides: Partial<LibraryEpisode> = {}): LibraryEpisode {
  return {
    kind: 'episode',
    id: 'e1',
    seriesId: 's1',
    name: 'Episode',
    seasonNumber: 1,
    episodeNumber: 1,
    libraryId: 'lib-shows',
    addedAt: NOW - days(365),
    sizeBytes: 100,
    streams: streams(['eng', 'fre']),
    ...overrides,
  };
}

export function watch(overrides: Partial<WatchRecord> = {}): WatchRecord {
  return {
    userId: 'u1',
    itemId: 'm1',
    played: true,
    playbackPositionTicks: 0,
    playCount: 1,
    lastPlayedAt: NOW - days(10),
    ...overrides,
  };
}

export function library(overrides: Partial<Library> = {}): Library {
  return {
    movies: [],
    series: [],
    episodes: [],
    users: [
      { id: 'u1', name: 'Alice' },
      { id: 'u2', name: 'bob' },
      { id: 'u3', name: 'Carol' },
    ],
    watches: [],
    ...overrides,
  };
}

export function episodeFacts(overrides: Partial<EpisodeFacts> = {}): EpisodeFacts {
  return {
    id: 'e1',
    name: 'Episode',
    seasonNumber: 1,
    episodeNumber: 1,
    addedAt: NOW - days(365),
    sizeBytes: 100,
    streams: streams(['eng', 'fre']),
    ...overrides,
  };
}

export function movieFacts(overrides: Partial<TitleFacts> = {}): TitleFacts {
  return {
    id: 'm1',
    kind: 'movie',
    name: 'Movie',
    year: 2020,
    libraryId: 'lib-movies',
    providerIds: {},
    sizeBytes: 1000,
    largestSeasonBytes: null,
    addedAt: NOW - days(365),
    watched: false,
    watchedBy: [],
    lastWatchedAt: null,
    playCount: 0,
    streams: streams(['eng', 'fre']),
    episodes: [],
    ...overrides,
  };
}

export function seriesFacts(overrides: Partial<TitleFacts> = {}): TitleFacts {
  return {
    ...movieFacts(),
    id: 's1',
    kind: 'series',
    name: 'Series',
    libraryId: 'lib-shows',
    streams: null,
    largestSeasonBytes: 100,
    sizeBytes: 100,
    episodes: [episodeFacts()],
    ...overrides,
  };
}

let entryCounter = 0;
export function entry(overrides: Partial<WhitelistEntry> = {}): WhitelistEntry {
  entryCounter += 1;
  return {
    id: `w${entryCounter}`,
    type: 'content',
    kind: 'movie',
    jellyfinId: 'm1',
    providerIds: {},
    title: 'Movie',
    expiresAt: null,
    createdAt: NOW - days(30),
    ...overrides,
  };
}

export function media(overrides: Partial<SeerrMedia> = {}): SeerrMedia {
  return {
    id: 1,
    mediaType: 'movie',
    tmdbId: 100,
    tvdbId: null,
    imdbId: null,
    status: 3,
    status4k: 1,
    mediaAddedAt: null,
    seasons: [],
    ...overrides,
  };
}

export function request(overrides: Partial<SeerrRequest> = {}): SeerrRequest {
  return {
    id: 1,
    type: 'movie',
    status: 2,
    is4k: false,
    createdAt: NOW - days(200),
    updatedAt: NOW - days(200),
    requestedBy: { id: 7, displayName: 'Dave', jellyfinUserId: 'u7' },
    seasons: [],
    media: media(),
    info: { title: 'Requested Movie', originalTitle: 'Film Demandé', releaseDate: '2023-01-01', seasonAirDates: [] },
    ...overrides,
  };
}

export function tvRequest(overrides: Partial<SeerrRequest> = {}): SeerrRequest {
  return request({
    type: 'tv',
    seasons: [1, 2],
    media: media({
      mediaType: 'tv',
      tmdbId: 200,
      tvdbId: 300,
      status: 4,
      seasons: [
        { seasonNumber: 1, status: 5, status4k: 1 },
        { seasonNumber: 2, status: 3, status4k: 1 },
      ],
    }),
    info: {
      title: 'Requested Show',
      originalTitle: 'Série Demandée',
      releaseDate: '2020-01-01',
      seasonAirDates: [
        { seasonNumber: 1, airDate: '2020-01-01' },
        { seasonNumber: 2, airDate: '2022-01-01' },
      ],
    },
    ...overrides,
  });
}

/** The 0001-01-01 sentinel Jellyfin sends for "no date" (note: Date.UTC(1, …) would mean 1901). */
export const SENTINEL = -62135596800000;
