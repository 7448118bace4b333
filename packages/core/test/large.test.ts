import { describe, expect, it } from 'vitest';
import { isLarge } from '../src/analysis/large';
import { DEFAULT_SETTINGS } from '../src/settings';
import { GIB } from '../src/sizes';
import { movieFacts, seriesFacts } from './fixtures';

const settings = DEFAULT_SETTINGS;

describe('large (RULES §3)', () => {
  it('large: exactly 13 GiB is large', () => {
    expect(isLarge(movieFacts({ sizeBytes: 13 * GIB }), settings, false)).toBe(true);
  });

  it('large: one byte less than 13 GiB is not large', () => {
    expect(isLarge(movieFacts({ sizeBytes: 13 * GIB - 1 }), settings, false)).toBe(false);
  });

  it('large: a series is large when its largest season reaches 15 GiB', () => {
    expect(isLarge(seriesFacts({ sizeBytes: 40 * GIB, largestSeasonBytes: 15 * GIB }), settings, false)).toBe(true);
  });

  it('large: a series is judged on its largest season, not its total size', () => {
    expect(isLarge(seriesFacts({ sizeBytes: 100 * GIB, largestSeasonBytes: 15 * GIB - 1 }), settings, false)).toBe(
      false,
    );
  });

  it('large: an unknown size is never large', () => {
    expect(isLarge(movieFacts({ sizeBytes: null }), settings, false)).toBe(false);
    expect(isLarge(seriesFacts({ sizeBytes: null, largestSeasonBytes: null }), settings, false)).toBe(false);
  });

  it('large: the large whitelist removes the issue', () => {
    expect(isLarge(movieFacts({ sizeBytes: 50 * GIB }), settings, true)).toBe(false);
  });

  it('large: thresholds follow the settings', () => {
    expect(isLarge(movieFacts({ sizeBytes: 2 * GIB }), { ...settings, largeMovieGiB: 2 }, false)).toBe(true);
    expect(isLarge(seriesFacts({ largestSeasonBytes: 2 * GIB }), { ...settings, largeSeasonGiB: 3 }, false)).toBe(
      false,
    );
  });
});
