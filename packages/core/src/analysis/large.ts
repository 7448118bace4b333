// Large (RULES.md §3).
import type { Settings } from '../settings';
import type { TitleFacts } from '../facts';
import { GIB } from '../sizes';

export type LargeSettings = Pick<Settings, 'largeMovieGiB' | 'largeSeasonGiB'>;

/**
 * Movies compare their whole size with `largeMovieGiB`, series their largest season with
 * `largeSeasonGiB`; thresholds are inclusive and an unknown size is never large.
 */
export function isLarge(
  facts: Pick<TitleFacts, 'kind' | 'sizeBytes' | 'largestSeasonBytes'>,
  settings: LargeSettings,
  isWhitelisted: boolean,
): boolean {
  if (isWhitelisted) return false;
  const [size, thresholdGiB] =
    facts.kind === 'movie'
      ? [facts.sizeBytes, settings.largeMovieGiB]
      : [facts.largestSeasonBytes, settings.largeSeasonGiB];
  return size !== null && size >= thresholdGiB * GIB;
}
