import { describe, expect, it } from 'vitest';
import {
  buildWhitelistMatcher,
  findDuplicate,
  isActive,
  isValidExpiry,
  originalLanguagesOf,
  purgeCutoff,
} from '../src/whitelists';
import { NOW, days, entry } from './fixtures';

const movieRef = { kind: 'movie' as const, id: 'm1', providerIds: { tmdb: '1399', imdb: 'tt0001' } };
const seriesRef = { kind: 'series' as const, id: 's1', providerIds: { tmdb: '1399', tvdb: '121361' } };

describe('whitelists: expiry', () => {
  it('whitelist: a permanent entry (no expiry) is active', () => {
    expect(isActive({ expiresAt: null }, NOW)).toBe(true);
  });

  it('whitelist: an entry is active until its expiry, expired at that instant', () => {
    expect(isActive({ expiresAt: NOW + 1 }, NOW)).toBe(true);
    expect(isActive({ expiresAt: NOW }, NOW)).toBe(false);
  });

  it('whitelist: expiresAt must be in the future when set', () => {
    expect(isValidExpiry(null, NOW)).toBe(true);
    expect(isValidExpiry(NOW + 1000, NOW)).toBe(true);
    expect(isValidExpiry(NOW, NOW)).toBe(false);
    expect(isValidExpiry(NOW - days(1), NOW)).toBe(false);
  });

  it('whitelist: an expired whitelist no longer protects', () => {
    const matcher = buildWhitelistMatcher([entry({ expiresAt: NOW - 1 })], NOW);
    expect(matcher.has('content', movieRef)).toBe(false);
  });
});

describe('whitelists: matching', () => {
  it('whitelist: matches the same Jellyfin id', () => {
    const matcher = buildWhitelistMatcher([entry({ jellyfinId: 'm1' })], NOW);
    expect(matcher.has('content', movieRef)).toBe(true);
  });

  it('whitelist: protection survives a re-download with a new Jellyfin id (provider id match)', () => {
    const matcher = buildWhitelistMatcher([entry({ jellyfinId: 'old-id', providerIds: { imdb: 'TT0001' } })], NOW);
    expect(matcher.has('content', movieRef)).toBe(true);
  });

  it('whitelist: a movie with TMDB 1399 is not the series with TMDB 1399', () => {
    const matcher = buildWhitelistMatcher(
      [entry({ kind: 'series', jellyfinId: 'x', providerIds: { tmdb: '1399' } })],
      NOW,
    );
    expect(matcher.has('content', seriesRef)).toBe(true);
    expect(matcher.has('content', movieRef)).toBe(false);
  });

  it('whitelist: an entry only protects from its own type', () => {
    const matcher = buildWhitelistMatcher([entry({ type: 'large' })], NOW);
    expect(matcher.has('large', movieRef)).toBe(true);
    expect(matcher.has('content', movieRef)).toBe(false);
  });

  it('whitelist: an entry of another item does not match', () => {
    const matcher = buildWhitelistMatcher([entry({ jellyfinId: 'm2', providerIds: { tmdb: '5' } })], NOW);
    expect(matcher.has('content', movieRef)).toBe(false);
  });

  it('whitelist: original-language-only defaults to French and unions matching entries', () => {
    expect(originalLanguagesOf({ languages: null })).toEqual(['fre']);
    expect(originalLanguagesOf({ languages: [] })).toEqual(['fre']);
    const matcher = buildWhitelistMatcher(
      [
        entry({ type: 'original-language-only', languages: ['jpn'] }),
        entry({ type: 'original-language-only', jellyfinId: null, providerIds: { tmdb: '1399' }, languages: ['eng'] }),
      ],
      NOW,
    );
    expect(matcher.originalLanguages(movieRef)?.sort()).toEqual(['eng', 'jpn']);
    expect(matcher.originalLanguages({ ...movieRef, id: 'other', providerIds: {} })).toBeNull();
  });

  it('whitelist: episode-exempt matches the episode id', () => {
    const matcher = buildWhitelistMatcher([entry({ type: 'episode-exempt', kind: 'episode', jellyfinId: 'e5' })], NOW);
    expect(matcher.isEpisodeExempt(seriesRef, { id: 'e5', seasonNumber: 1, episodeNumber: 5 })).toBe(true);
    expect(matcher.isEpisodeExempt(seriesRef, { id: 'e6', seasonNumber: 1, episodeNumber: 6 })).toBe(false);
  });

  it('whitelist: episode-exempt matches the series by provider id plus season/episode after a re-download', () => {
    const matcher = buildWhitelistMatcher(
      [
        entry({
          type: 'episode-exempt',
          kind: 'episode',
          jellyfinId: 'old-episode',
          seriesJellyfinId: 'old-series',
          providerIds: { tvdb: '121361' },
          seasonNumber: 1,
          episodeNumber: 5,
        }),
      ],
      NOW,
    );
    expect(matcher.isEpisodeExempt(seriesRef, { id: 'new-episode', seasonNumber: 1, episodeNumber: 5 })).toBe(true);
    expect(matcher.isEpisodeExempt(seriesRef, { id: 'new-other', seasonNumber: 2, episodeNumber: 5 })).toBe(false);
  });

  it('whitelist: a request entry matches the request id, or the same TMDB id and media type', () => {
    const matcher = buildWhitelistMatcher(
      [
        entry({ type: 'request', kind: 'request', jellyfinId: null, requestId: 12 }),
        entry({ type: 'request', kind: 'request', jellyfinId: null, tmdbId: 1399, mediaType: 'tv' }),
      ],
      NOW,
    );
    expect(matcher.isRequestHidden({ id: 12, type: 'movie', media: { tmdbId: 1 } })).toBe(true);
    expect(matcher.isRequestHidden({ id: 99, type: 'tv', media: { tmdbId: 1399 } })).toBe(true);
    expect(matcher.isRequestHidden({ id: 98, type: 'movie', media: { tmdbId: 1399 } })).toBe(false);
  });
});

describe('whitelists: duplicates and purge', () => {
  it('whitelist: a duplicate of an active entry is a conflict', () => {
    const existing = entry({ jellyfinId: 'm1' });
    const result = findDuplicate([existing], entry({ jellyfinId: 'm1' }), NOW);
    expect(result).toEqual({ outcome: 'conflict', entry: existing });
  });

  it('whitelist: a duplicate matched only by provider id is still a duplicate', () => {
    const existing = entry({ jellyfinId: 'old', providerIds: { tmdb: '1399' } });
    expect(findDuplicate([existing], entry({ jellyfinId: 'new', providerIds: { tmdb: '1399' } }), NOW).outcome).toBe(
      'conflict',
    );
  });

  it('whitelist: re-whitelisting after expiry replaces the expired entry', () => {
    const expired = entry({ expiresAt: NOW - days(1) });
    expect(findDuplicate([expired], entry(), NOW)).toEqual({ outcome: 'replace', entries: [expired] });
  });

  it('whitelist: another type or another kind is not a duplicate', () => {
    const existing = entry({ type: 'large', providerIds: { tmdb: '1399' } });
    expect(findDuplicate([existing], entry({ type: 'content' }), NOW).outcome).toBe('none');
    const series = entry({ kind: 'series', jellyfinId: 's9', providerIds: { tmdb: '1399' } });
    expect(findDuplicate([series], entry({ jellyfinId: 'm9', providerIds: { tmdb: '1399' } }), NOW).outcome).toBe(
      'none',
    );
  });

  it('whitelist: an entry is not its own duplicate (PATCH of the expiry)', () => {
    const existing = entry();
    expect(findDuplicate([existing], { ...existing, expiresAt: NOW + days(3) }, NOW).outcome).toBe('none');
  });

  it('whitelist: expired entries are purged after purgeExpiredAfterDays, never when null', () => {
    // The database purges entries whose expiry is at or before the cutoff (the API test covers both sides).
    expect(purgeCutoff(NOW, 30)).toBe(NOW - days(30));
    expect(purgeCutoff(NOW, 1)).toBe(NOW - days(1));
    expect(purgeCutoff(NOW, null)).toBeNull();
  });
});
