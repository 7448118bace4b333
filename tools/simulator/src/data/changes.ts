import type { MovieFacts, SourceFacts, WatchFacts } from './facts';

/**
 * Changes scripted on top of the generated library (tests and benches of incremental syncs), and the
 * DateLastSaved bookkeeping Jellyfin does for them. Jellyfin stamps an item's DateLastSaved whenever it
 * writes the item (scan, metadata or file change); user data (plays) live in another table and move
 * no item date.
 */
export class LibraryChanges {
  /** Every generated item was last saved by the initial library scan, a day before the reference. */
  readonly baseSaved: number;
  /** The server's clock relative to the reference instant (clock-skew scenarios move it). */
  clockOffsetMs = 0;
  private ticks = 0;
  readonly movieSaved = new Map<number, number>();
  readonly addedSaved: number[] = [];
  /** Added entry k re-downloads base movie i under a new id (k -> i). */
  readonly redownloadOf = new Map<number, number>();
  readonly streamChanged = new Set<number>();
  /** movie -> user -> the user's new watch state (null: marked unplayed). */
  readonly watch = new Map<number, Map<number, WatchFacts | null>>();

  constructor(private readonly now: number) {
    this.baseSaved = now - 24 * 3600_000;
  }

  /** The server's "now" for a write: strictly increasing, a second apart, so `>=` filters are exact. */
  stamp(): number {
    this.ticks += 1;
    return this.now + this.clockOffsetMs + this.ticks * 1000;
  }

  /** Applies the overlay to a base movie's facts. */
  movie(facts: MovieFacts): MovieFacts {
    const i = facts.index;
    const saved = this.movieSaved.get(i) ?? this.baseSaved;
    let sources = facts.sources;
    if (this.streamChanged.has(i)) sources = sources.map((s, n) => (n === 0 ? withoutSubtitles(s) : s));
    return { ...facts, saved, sources, watch: this.watchOf(i, facts.watch) };
  }

  watchOf(i: number, base: WatchFacts[]): WatchFacts[] {
    const changed = this.watch.get(i);
    if (!changed) return base;
    const kept = base.filter((w) => !changed.has(w.user));
    return [...kept, ...[...changed.values()].filter((w): w is WatchFacts => w !== null)];
  }
}

/** A new release of the file: same item, its subtitles gone (a stream change the rules see). */
function withoutSubtitles(s: SourceFacts): SourceFacts {
  return { ...s, tracks: s.tracks.filter((t) => t.type !== 'Subtitle') };
}
