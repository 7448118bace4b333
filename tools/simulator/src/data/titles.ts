import { orderedPhrase } from './words';

/**
 * Movies and series share one alphabetical sequence of T = movies + series title slots. Series sit at
 * evenly spread slots, movies fill the rest, so the n-th movie, the n-th series and the slot of any title
 * are all computed arithmetically: SortBy=SortName never needs an in-memory sort.
 */
export class TitleSequence {
  readonly total: number;
  constructor(
    readonly movies: number,
    readonly series: number,
  ) {
    this.total = movies + series;
  }

  seriesSlot(j: number): number {
    return Math.floor(((2 * j + 1) * this.total) / (2 * this.series));
  }

  /** Number of series whose slot is < t. */
  private seriesBefore(t: number): number {
    if (this.series === 0) return 0;
    const num = 2 * t * this.series - this.total;
    if (num <= 0) return 0;
    return Math.min(this.series, Math.floor((num - 1) / (2 * this.total)) + 1);
  }

  /** What sits at slot t. */
  at(t: number): { kind: 'movie' | 'series'; index: number } {
    const before = this.seriesBefore(t);
    if (before < this.series && this.seriesSlot(before) === t) return { kind: 'series', index: before };
    return { kind: 'movie', index: t - before };
  }

  /** The slot of movie i: the smallest t with i + 1 movies among slots [0, t]. */
  movieSlot(i: number): number {
    let lo = i;
    let hi = i + this.series;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mid + 1 - this.seriesBefore(mid + 1) < i + 1) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  title(t: number): string {
    return orderedPhrase(t, this.total);
  }
}

/** Jellyfin's SortName: lower case, leading articles removed (our titles never start with one). */
export function sortNameOf(name: string): string {
  return name.toLowerCase();
}
