import { describe, expect, it } from 'vitest';
import type { TitleFacts } from '../src/facts';
import type { WhitelistEntry } from '../src/whitelists';
import type { SeerrRequest } from '../src/model';
import {
  checkRequest,
  missingSeasons,
  passesReleaseRule,
  releaseDateOf,
  requestedSeasons,
  unavailableRequests,
} from '../src/analysis/requests';
import { buildLibraryIndex } from '../src/library-index';
import { DEFAULT_SETTINGS } from '../src/settings';
import { buildWhitelistMatcher } from '../src/whitelists';
import { NOW, days, entry, episodeFacts, media, movieFacts, request, seriesFacts, tvRequest } from './fixtures';

function ctx(
  options: {
    titles?: TitleFacts[];
    whitelists?: WhitelistEntry[];
    settings?: Partial<typeof DEFAULT_SETTINGS>;
    now?: number;
  } = {},
) {
  const now = options.now ?? NOW;
  return {
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    matcher: buildWhitelistMatcher(options.whitelists ?? [], now),
    library: buildLibraryIndex(options.titles ?? []),
    nicknames: new Map<string, string>(),
    now,
  };
}

const withMedia = (r: SeerrRequest, patch: Partial<SeerrRequest['media']>) => ({
  ...r,
  media: { ...r.media, ...patch },
});

describe('requests: exclusions (RULES §5 rules 1–2)', () => {
  it('requests: an approved request whose media is processing is unavailable', () => {
    expect(checkRequest(request(), ctx())).not.toBeNull();
  });

  it('requests: a hidden request (request whitelist) is excluded', () => {
    const hidden = entry({ type: 'request', kind: 'request', jellyfinId: null, requestId: 1 });
    expect(checkRequest(request(), ctx({ whitelists: [hidden] }))).toBeNull();
  });

  it('requests: an expired request whitelist no longer hides the request', () => {
    const hidden = entry({ type: 'request', kind: 'request', jellyfinId: null, requestId: 1, expiresAt: NOW - 1 });
    expect(checkRequest(request(), ctx({ whitelists: [hidden] }))).not.toBeNull();
  });

  it('requests: a declined request is excluded', () => {
    expect(checkRequest(request({ status: 3 }), ctx())).toBeNull();
  });

  it.each([5, 6] as const)('requests: media status %i (available / blocklisted) is excluded', (status) => {
    expect(checkRequest(withMedia(request(), { status }), ctx())).toBeNull();
  });

  it('requests: availability comes from the media status, not the request status', () => {
    expect(checkRequest(request({ status: 5 }), ctx())).not.toBeNull();
  });

  it('requests: deleted media with a completed request is excluded', () => {
    expect(checkRequest(withMedia(request({ status: 5 }), { status: 7 }), ctx())).toBeNull();
  });

  it.each([1, 2, 4] as const)('requests: deleted media with an open request (status %i) is included', (status) => {
    expect(checkRequest(withMedia(request({ status }), { status: 7 }), ctx())).not.toBeNull();
  });

  it('requests: 4K requests are judged on status4k', () => {
    const fourK = withMedia(request({ is4k: true }), { status: 5, status4k: 3 });
    expect(checkRequest(fourK, ctx())?.mediaStatus).toBe(3);
    expect(checkRequest(withMedia(request({ is4k: true }), { status: 3, status4k: 5 }), ctx())).toBeNull();
  });
});

describe('requests: TV seasons (rule 3)', () => {
  it('requests: requested seasons exclude season 0', () => {
    expect(requestedSeasons(tvRequest({ seasons: [0, 2, 1] }))).toEqual([1, 2]);
  });

  it('requests: an empty season list means every season > 0 known to the media', () => {
    const r = tvRequest({ seasons: [] });
    expect(
      requestedSeasons(withMedia(r, { seasons: [{ seasonNumber: 0, status: 1, status4k: 1 }, ...r.media.seasons] })),
    ).toEqual([1, 2]);
  });

  it('requests: missing seasons are those not available; no media row means missing', () => {
    expect(missingSeasons(tvRequest({ seasons: [1, 2, 3] }))).toEqual([2, 3]);
  });

  it('requests: a TV request with every requested season available is excluded', () => {
    expect(checkRequest(tvRequest({ seasons: [1] }), ctx())).toBeNull();
  });

  it('requests: a partially available show lists its missing seasons', () => {
    expect(checkRequest(tvRequest(), ctx())?.missingSeasons).toEqual([2]);
  });

  it('requests: 4K TV requests read the per-season status4k', () => {
    const r = tvRequest({ is4k: true });
    const fourK = withMedia(r, {
      status4k: 4,
      seasons: [
        { seasonNumber: 1, status: 3, status4k: 5 },
        { seasonNumber: 2, status: 5, status4k: 3 },
      ],
    });
    expect(checkRequest(fourK, ctx())?.missingSeasons).toEqual([2]);
  });
});

describe('requests: release dates (rule 4)', () => {
  const s = { ...DEFAULT_SETTINGS };

  it('requests: an unknown release date is included', () => {
    expect(passesReleaseRule(null, s, NOW)).toBe(true);
    expect(checkRequest(request({ info: null }), ctx())?.releaseDate).toBeNull();
  });

  it('requests: an invalid or sentinel release date is treated as unknown and included', () => {
    expect(
      releaseDateOf(
        request({ info: { title: 'x', originalTitle: null, releaseDate: '0001-01-01', seasonAirDates: [] } }),
        [],
      ),
    ).toBeNull();
    expect(passesReleaseRule('not a date', s, NOW)).toBe(true);
  });

  it('requests: a future release is hidden unless showUnreleasedRequests', () => {
    expect(passesReleaseRule('2024-06-16', s, NOW)).toBe(false);
    expect(passesReleaseRule('2024-06-16', { ...s, showUnreleasedRequests: true }, NOW)).toBe(true);
  });

  it('requests: released today is within the grace period (excluded)', () => {
    expect(passesReleaseRule('2024-06-15', s, NOW)).toBe(false);
  });

  it('requests: released exactly releaseGraceDays ago is included, one day less is excluded', () => {
    expect(passesReleaseRule('2024-03-17', s, NOW)).toBe(true); // 90 days before 2024-06-15
    expect(passesReleaseRule('2024-03-18', s, NOW)).toBe(false); // 89 days
  });

  it('requests: releaseGraceDays 0 includes a release of today', () => {
    expect(passesReleaseRule('2024-06-15', { ...s, releaseGraceDays: 0 }, NOW)).toBe(true);
  });

  it('requests: today is the date of now in the tenant time zone', () => {
    const now = Date.UTC(2024, 5, 15, 23, 30); // already 2024-06-16 in Paris
    const grace = { ...s, releaseGraceDays: 1 };
    expect(passesReleaseRule('2024-06-15', { ...grace, timeZone: 'UTC' }, now)).toBe(false);
    expect(passesReleaseRule('2024-06-15', { ...grace, timeZone: 'Europe/Paris' }, now)).toBe(true);
    expect(passesReleaseRule('2024-06-16', { ...grace, timeZone: 'UTC' }, now)).toBe(false);
  });

  it('requests: TV uses the earliest air date of the missing seasons', () => {
    const r = tvRequest({ seasons: [1, 2, 3] });
    const info = {
      ...r.info!,
      seasonAirDates: [...r.info!.seasonAirDates, { seasonNumber: 3, airDate: '2021-05-01' }],
    };
    expect(releaseDateOf({ ...r, info }, [2, 3])).toBe('2021-05-01');
  });

  it('requests: TV falls back to the first air date when no missing season has an air date', () => {
    const r = tvRequest();
    expect(releaseDateOf({ ...r, info: { ...r.info!, seasonAirDates: [] } }, [2])).toBe('2020-01-01');
  });

  it('requests: a TV request whose missing season airs in the future is hidden by default', () => {
    const r = tvRequest();
    const info = { ...r.info!, seasonAirDates: [{ seasonNumber: 2, airDate: '2025-01-01' }] };
    expect(checkRequest({ ...r, info }, ctx())).toBeNull();
    expect(checkRequest({ ...r, info }, ctx({ settings: { showUnreleasedRequests: true } }))?.releaseDate).toBe(
      '2025-01-01',
    );
  });
});

describe('requests: stale in Jellyseerr (rule 5)', () => {
  it('requests: a movie matched in the library by TMDB id is stale', () => {
    const result = checkRequest(
      request(),
      ctx({ titles: [movieFacts({ id: 'lib-m', providerIds: { tmdb: '100' } })] }),
    );
    expect(result).toMatchObject({ staleInJellyseerr: true, libraryItemId: 'lib-m' });
  });

  it('requests: a movie matched by IMDb id when TMDB does not match is stale', () => {
    const r = withMedia(request(), { tmdbId: 999, imdbId: 'tt123' });
    expect(checkRequest(r, ctx({ titles: [movieFacts({ providerIds: { imdb: 'tt123' } })] }))?.staleInJellyseerr).toBe(
      true,
    );
  });

  it('requests: a movie not in the library is not stale', () => {
    expect(checkRequest(request(), ctx({ titles: [movieFacts({ providerIds: { tmdb: '5' } })] }))).toMatchObject({
      staleInJellyseerr: false,
      libraryItemId: null,
    });
  });

  it('requests: a series with TMDB 100 does not make movie TMDB 100 stale', () => {
    expect(
      checkRequest(request(), ctx({ titles: [seriesFacts({ providerIds: { tmdb: '100' } })] }))?.staleInJellyseerr,
    ).toBe(false);
  });

  const showWithSeason2 = seriesFacts({
    id: 'lib-s',
    providerIds: { tvdb: '300' },
    episodes: [episodeFacts({ seasonNumber: 1 }), episodeFacts({ id: 'e2', seasonNumber: 2 })],
  });

  it('requests: a show matched by TVDB with episodes for every missing season is stale', () => {
    expect(checkRequest(tvRequest(), ctx({ titles: [showWithSeason2] }))).toMatchObject({
      staleInJellyseerr: true,
      libraryItemId: 'lib-s',
    });
  });

  it('requests: a show missing a season in the library is not stale', () => {
    const result = checkRequest(
      tvRequest(),
      ctx({ titles: [seriesFacts({ providerIds: { tmdb: '200' }, episodes: [episodeFacts()] })] }),
    );
    expect(result?.staleInJellyseerr).toBe(false);
  });

  it('requests: a missing season whose media status is partially available is not stale', () => {
    const r = tvRequest();
    const partial = withMedia(r, { seasons: [r.media.seasons[0]!, { seasonNumber: 2, status: 4, status4k: 1 }] });
    expect(checkRequest(partial, ctx({ titles: [showWithSeason2] }))?.staleInJellyseerr).toBe(false);
  });
});

describe('requests: listing', () => {
  it('requests: newest request first', () => {
    const list = unavailableRequests(
      [
        request({ id: 1, createdAt: NOW - days(300) }),
        request({ id: 2, createdAt: NOW - days(100) }),
        request({ id: 3, createdAt: null }),
      ],
      ctx(),
    );
    expect(list.map((r) => r.requestId)).toEqual([2, 1, 3]);
  });

  it('requests: the title is the library name when matched, else the Jellyseerr title, original title, TMDB id', () => {
    expect(
      checkRequest(request(), ctx({ titles: [movieFacts({ name: 'Library Name', providerIds: { tmdb: '100' } })] }))
        ?.title,
    ).toBe('Library Name');
    expect(checkRequest(request(), ctx())?.title).toBe('Requested Movie');
    expect(
      checkRequest(
        request({ info: { title: null, originalTitle: 'Original', releaseDate: null, seasonAirDates: [] } }),
        ctx(),
      )?.title,
    ).toBe('Original');
    expect(checkRequest(request({ info: null, media: media({ tmdbId: 42 }) }), ctx())?.title).toBe('TMDB 42');
  });
});
