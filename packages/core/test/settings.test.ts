import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_BOUNDS, defaultIncludedLibraries, resolveSettings } from '../src/settings';

describe('settings', () => {
  it('settings: defaults are those of RULES.md', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      oldAfterMonths: 4,
      minAgeMonths: 3,
      largeMovieGiB: 13,
      largeSeasonGiB: 15,
      requiredAudioLanguages: ['eng', 'fre'],
      requiredSubtitleLanguages: [],
      countForcedSubtitles: false,
      languageCheckAddedWithinDays: 1500,
      showUnreleasedRequests: false,
      releaseGraceDays: 90,
      recentDays: 7,
      timeZone: 'UTC',
      titleLanguage: 'en',
      theme: 'system',
      excludedUsers: [],
      includedLibraries: null,
      syncHour: 3,
      purgeExpiredAfterDays: null,
      preSyncRefresh: false,
    });
  });

  it('settings: bounds are those of RULES.md', () => {
    expect(SETTINGS_BOUNDS.oldAfterMonths).toEqual({ min: 1, max: 24 });
    expect(SETTINGS_BOUNDS.minAgeMonths).toEqual({ min: 0, max: 12 });
    expect(SETTINGS_BOUNDS.largeMovieGiB).toEqual({ min: 1, max: 100 });
    expect(SETTINGS_BOUNDS.largeSeasonGiB).toEqual({ min: 1, max: 100 });
    expect(SETTINGS_BOUNDS.releaseGraceDays).toEqual({ min: 0, max: 365 });
    expect(SETTINGS_BOUNDS.recentDays).toEqual({ min: 1, max: 30 });
    expect(SETTINGS_BOUNDS.syncHour).toEqual({ min: 0, max: 23 });
    expect(SETTINGS_BOUNDS.languageCheckAddedWithinDays.min).toBe(0);
  });

  it('settings: stored partial settings are completed with defaults without sharing arrays', () => {
    const resolved = resolveSettings({ oldAfterMonths: 6 });
    expect(resolved.oldAfterMonths).toBe(6);
    expect(resolved.largeMovieGiB).toBe(13);
    resolved.requiredAudioLanguages.push('spa');
    expect(DEFAULT_SETTINGS.requiredAudioLanguages).toEqual(['eng', 'fre']);
  });

  it('libraries: default includes movies, tvshows and mixed libraries only', () => {
    const ids = defaultIncludedLibraries([
      { id: 'a', name: 'Movies', collectionType: 'movies' },
      { id: 'b', name: 'Shows', collectionType: 'tvshows' },
      { id: 'c', name: 'Mixed', collectionType: 'mixed' },
      { id: 'd', name: 'Mixed (old server)', collectionType: null },
      { id: 'e', name: 'Music', collectionType: 'music' },
      { id: 'f', name: 'Books', collectionType: 'books' },
    ]);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });
});
