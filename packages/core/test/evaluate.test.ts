import { describe, expect, it } from 'vitest';
import type { Library } from '../src/model';
import { computeTotals, evaluateTenant, issuesAt } from '../src/evaluate';
import { deriveTitleFacts } from '../src/facts';
import { DEFAULT_SETTINGS } from '../src/settings';
import { GIB } from '../src/sizes';
import { MONTH_MS } from '../src/dates';
import {
  NOW,
  days,
  entry,
  episodeFacts,
  media,
  movieFacts,
  request,
  seriesFacts,
  streams,
  tvRequest,
} from './fixtures';

const settings = DEFAULT_SETTINGS;

describe('evaluateTenant', () => {
  const titles = [
    movieFacts({ id: 'old-big', name: 'The Big One', sizeBytes: 20 * GIB, addedAt: NOW - days(200) }),
    movieFacts({ id: 'fresh', name: 'Fresh', sizeBytes: GIB, watched: true, lastWatchedAt: NOW - days(1) }),
    movieFacts({
      id: 'dubbed',
      name: 'Dubbed',
      sizeBytes: 2 * GIB,
      watched: true,
      lastWatchedAt: NOW - days(1),
      streams: streams(['jpn']),
    }),
    seriesFacts({
      id: 'show',
      name: 'Show',
      sizeBytes: 3 * GIB,
      largestSeasonBytes: 2 * GIB,
      addedAt: NOW - days(10),
      episodes: [episodeFacts({ id: 'e1', streams: streams(['eng']) })],
    }),
    movieFacts({ id: 'kept', name: 'Kept', sizeBytes: GIB, addedAt: null }),
  ];
  const requests = [
    request({ id: 1 }),
    request({ id: 2, status: 5, media: media({ tmdbId: 9, status: 5, mediaAddedAt: NOW - days(1) }) }),
  ];
  const whitelists = [entry({ type: 'content', jellyfinId: 'kept' })];
  const result = evaluateTenant({ titles, requests, settings, whitelists, now: NOW });
  const row = (id: string) => result.titles.find((t) => t.id === id);

  it('evaluate: rows carry the issues found at now', () => {
    expect(row('old-big')?.issues).toEqual([{ kind: 'old' }, { kind: 'large' }]);
    expect(row('dubbed')?.issues).toEqual([{ kind: 'language', codes: ['missing_audio:eng', 'missing_audio:fre'] }]);
    expect(row('show')?.issues).toEqual([{ kind: 'language', codes: ['missing_audio:fre'] }]);
    expect(row('show')?.problemEpisodes.map((e) => e.id)).toEqual(['e1']);
  });

  it('evaluate: titles without issues stay listed while they can still become old', () => {
    expect(row('fresh')?.issues).toEqual([]);
    expect(row('fresh')?.oldSince).toBe(NOW - days(1) + 4 * MONTH_MS + 1);
  });

  it('evaluate: protected titles without other issues are left out', () => {
    expect(row('kept')).toBeUndefined();
  });

  it('evaluate: rows are ordered by size, largest first', () => {
    expect(result.titles.map((t) => t.id)).toEqual(['old-big', 'show', 'dubbed', 'fresh']);
  });

  it('evaluate: totals count issues and reclaimable size', () => {
    expect(result.totals).toEqual({
      old: { count: 1, sizeBytes: 20 * GIB },
      large: { count: 1, sizeBytes: 20 * GIB },
      language: { count: 2 },
      requests: { count: 1, stale: 0 },
      recent: { count: 1 },
    });
  });

  it('evaluate: request rows are shaped like issue items and never merged with library rows', () => {
    expect(result.requests).toHaveLength(1);
    expect(result.requests[0]).toMatchObject({
      id: 'request:1',
      mediaType: 'movie',
      issues: [{ kind: 'request' }],
      request: { requestId: 1, requestedBy: 'Dave', missingSeasons: [], staleInJellyseerr: false },
    });
  });

  it('evaluate: nicknames rename requesters', () => {
    const renamed = evaluateTenant({
      titles: [],
      requests,
      settings,
      whitelists: [],
      nicknames: new Map([['7', 'Davy']]),
      now: NOW,
    });
    expect(renamed.requests[0]?.request.requestedBy).toBe('Davy');
    expect(renamed.recent[0]?.requester).toBe('Davy');
  });

  it('evaluate: setting changes apply on the next evaluation', () => {
    const relaxed = evaluateTenant({
      titles,
      requests: [],
      settings: { ...settings, requiredAudioLanguages: ['jpn'] },
      whitelists,
      now: NOW,
    });
    expect(relaxed.titles.find((t) => t.id === 'dubbed')?.issues).toEqual([]);
    // Every other title now lacks Japanese, the content-protected one included (it only escapes "old").
    expect(relaxed.totals.language.count).toBe(4);
    expect(relaxed.titles.find((t) => t.id === 'kept')?.issues).toEqual([
      { kind: 'language', codes: ['missing_audio:jpn'] },
    ]);
  });

  it('evaluate: the old issue is re-evaluated at read time from oldSince', () => {
    const fresh = row('fresh')!;
    expect(issuesAt(fresh, NOW)).toEqual([]);
    expect(issuesAt(fresh, fresh.oldSince!)).toEqual([{ kind: 'old' }]);
    const later = computeTotals(result.titles, result.requests, 0, fresh.oldSince!);
    // By then the other watched movie and the show (added 10 days ago, min age 3 months) are old too.
    expect(later.old).toEqual({ count: 4, sizeBytes: 26 * GIB });
  });

  it('evaluate: a stale TV request is counted as stale', () => {
    const show = seriesFacts({ providerIds: { tmdb: '200' }, episodes: [episodeFacts({ seasonNumber: 2 })] });
    const stale = evaluateTenant({ titles: [show], requests: [tvRequest()], settings, whitelists: [], now: NOW });
    expect(stale.totals.requests).toEqual({ count: 1, stale: 1 });
    expect(stale.requests[0]?.mediaType).toBe('series');
  });

  it('evaluate: re-whitelisting after expiry protects again', () => {
    const expired = entry({ type: 'content', jellyfinId: 'old-big', expiresAt: NOW - 1 });
    const renewed = entry({ type: 'content', jellyfinId: 'old-big', expiresAt: NOW + days(30) });
    const before = evaluateTenant({ titles, requests: [], settings, whitelists: [expired], now: NOW });
    const after = evaluateTenant({ titles, requests: [], settings, whitelists: [expired, renewed], now: NOW });
    expect(before.titles.find((t) => t.id === 'old-big')?.issues[0]).toEqual({ kind: 'old' });
    expect(after.titles.find((t) => t.id === 'old-big')?.issues).toEqual([{ kind: 'large' }]);
  });
});

/** A deterministic synthetic library: every `i`-th item gets a known trait so the counts are exact. */
function syntheticLibrary(movies: number, seriesCount: number, episodesPerSeries: number): Library {
  const lib: Library = { movies: [], series: [], episodes: [], users: [], watches: [] };
  for (let u = 0; u < 20; u += 1) lib.users.push({ id: `u${u}`, name: `User ${u}` });
  for (let i = 0; i < movies; i += 1) {
    lib.movies.push({
      kind: 'movie',
      id: `m${i}`,
      name: `Movie ${i}`,
      year: 2000 + (i % 20),
      libraryId: 'movies',
      providerIds: { tmdb: String(i) },
      addedAt: NOW - days(200),
      sizeBytes: i % 10 === 0 ? 20 * GIB : GIB,
      streams: { audio: i % 4 === 0 ? ['eng'] : ['eng', 'fre'], subtitles: [], forcedSubtitles: [] },
    });
    // Half the movies are watched recently by one user: they are not old.
    if (i % 2 === 1) {
      lib.watches.push({
        userId: `u${i % 20}`,
        itemId: `m${i}`,
        played: true,
        playbackPositionTicks: 0,
        playCount: 1,
        lastPlayedAt: NOW - days(5),
      });
    }
  }
  for (let s = 0; s < seriesCount; s += 1) {
    lib.series.push({
      kind: 'series',
      id: `s${s}`,
      name: `Series ${s}`,
      year: 2010,
      libraryId: 'shows',
      providerIds: { tvdb: String(s) },
      addedAt: NOW - days(900),
    });
    for (let e = 0; e < episodesPerSeries; e += 1) {
      lib.episodes.push({
        kind: 'episode',
        id: `s${s}e${e}`,
        seriesId: `s${s}`,
        name: `Episode ${e}`,
        seasonNumber: 1 + Math.floor(e / 10),
        episodeNumber: 1 + (e % 10),
        libraryId: 'shows',
        addedAt: NOW - days(300),
        sizeBytes: 2 * GIB,
        streams: { audio: s % 3 === 0 && e === 0 ? ['fre'] : ['eng', 'fre'], subtitles: [], forcedSubtitles: [] },
      });
    }
    if (s % 2 === 0) {
      lib.watches.push({
        userId: 'u0',
        itemId: `s${s}e0`,
        played: true,
        playbackPositionTicks: 0,
        playCount: 1,
        lastPlayedAt: NOW - days(3),
      });
    }
  }
  return lib;
}

describe('evaluate at scale', () => {
  it('evaluate: a 20k-movie / 3k-series / 150k-episode library gives exact counts', () => {
    const lib = syntheticLibrary(20_000, 3_000, 50);
    const titles = deriveTitleFacts(lib, { excludedUsers: [], includedLibraries: null }, NOW);
    expect(titles).toHaveLength(23_000);
    const result = evaluateTenant({ titles, requests: [], settings, whitelists: [], now: NOW });
    // Old: 10k unwatched movies + 1.5k unwatched series.
    expect(result.totals.old.count).toBe(11_500);
    // Large: every 10th movie (20 GiB) and every series (10 episodes × 2 GiB = 20 GiB per season).
    expect(result.totals.large.count).toBe(2_000 + 3_000);
    // Language: every 4th movie lacks French; every 3rd series has one episode lacking English.
    expect(result.totals.language.count).toBe(5_000 + 1_000);
    const firstSeries = titles.find((t) => t.id === 's0')!;
    expect(firstSeries.sizeBytes).toBe(100 * GIB);
    expect(firstSeries.largestSeasonBytes).toBe(20 * GIB);
  });
});
