import type { ScaleCounts } from './scale';
import type { TitleSequence } from './titles';
import type { UserFacts } from './users';

export interface GenContext {
  seed: number;
  /** Reference date every generated date is relative to (ms). */
  now: number;
  counts: ScaleCounts;
  users: readonly UserFacts[];
  titles: TitleSequence;
}

/** Library (virtual folder) indexes. */
export const LIB = { movies: 0, shows: 1, kids: 2, music: 3 } as const;

/**
 * Edge cases are placed on purpose at evenly spread indexes (so even the demo scale has every one);
 * the remaining items draw their scenario at random.
 */
export function catalogueEntry<T>(catalogue: readonly T[], index: number, count: number): T | undefined {
  if (catalogue.length === 0 || count === 0) return undefined;
  const n = Math.min(catalogue.length, count);
  // entry k sits at floor(k * count / n); invert that for `index`.
  const k = Math.ceil((index * n) / count);
  if (k >= n || Math.floor((k * count) / n) !== index) return undefined;
  return catalogue[k];
}
