import { makeId, parseId } from '../core/ids';
import type { GenContext } from './context';
import { LIB } from './context';
import { LibraryChanges } from './changes';
import type { EpisodeFacts, MovieFacts, SeriesFacts, WatchFacts } from './facts';
import { addedMovieFacts, movieFacts, movieWatch } from './movies';
import type { SeriesBase } from './series';
import { episodeFacts, seriesBase, seriesFacts, seriesLayout } from './series';

export interface LibraryFolder {
  index: number;
  id: string;
  name: string;
  collectionType: 'movies' | 'tvshows' | 'mixed' | 'music';
  path: string;
}

const FOLDERS: readonly Omit<LibraryFolder, 'id'>[] = [
  { index: LIB.movies, name: 'Movies', collectionType: 'movies', path: '/media/movies' },
  { index: LIB.shows, name: 'TV Shows', collectionType: 'tvshows', path: '/media/tv' },
  { index: LIB.kids, name: 'Kids', collectionType: 'mixed', path: '/media/kids' },
  { index: LIB.music, name: 'Music', collectionType: 'music', path: '/media/music' },
];

/** Bounded cache: series facts are rebuilt on demand, never all kept. */
class Lru<V> {
  private map = new Map<number, V>();
  constructor(private readonly max: number) {}
  get(key: number, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = make();
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as number);
    return value;
  }
}

/**
 * The generated library. Only compact episode indexes (a few bytes per episode) are held; every item's
 * facts are derived from (seed, index) when asked for.
 */
export class Library {
  readonly folders: LibraryFolder[];
  /** seriesStart[j] = canonical index of series j's first episode; seriesStart[S] = episode count. */
  readonly seriesStart: Int32Array;
  readonly episodeSeries: Int32Array;
  readonly episodeVirtual: Uint8Array;
  /** Season number per episode; -1 when the file has none. */
  readonly episodeSeason: Int16Array;
  /** Canonical episode indexes in Jellyfin's SortName order (season, episode number, then name). */
  readonly episodeOrder: Int32Array;
  // Episode pages jump between series (they sort by season and number first): the compact per-series
  // bases are cached for all series of a large library; whole series (with every episode) only a few.
  private readonly baseCache = new Lru<SeriesBase>(4096);
  private readonly seriesCache = new Lru<SeriesFacts>(32);
  private readonly removedMovies = new Set<number>();
  private readonly removedSeries = new Set<number>();
  private readonly removedEpisodes = new Set<number>();
  private added = 0;
  readonly changes: LibraryChanges;
  /** Bumped on every mutation, so cached query indexes can tell they are stale. */
  version = 0;

  constructor(readonly ctx: GenContext) {
    this.changes = new LibraryChanges(ctx.now);
    this.folders = FOLDERS.map((f) => ({ ...f, id: makeId(ctx.seed, 'library', f.index) }));
    const S = ctx.counts.series;
    this.seriesStart = new Int32Array(S + 1);
    const groups = new Map<number, number[]>();
    const layouts: { virtual: boolean; season: number }[][] = [];
    let total = 0;
    for (let j = 0; j < S; j++) {
      this.seriesStart[j] = total;
      const { layout } = seriesLayout(ctx, j);
      layouts.push(layout.map((s) => ({ virtual: s.virtual, season: s.season ?? -1 })));
      layout.forEach((slot, k) => {
        // Season 0 sorts first, then episodes without a season ("0005 - ..."), then seasons 1, 2 ...
        const seasonKey = slot.season === null ? 1 : slot.season === 0 ? 0 : slot.season + 1;
        const key = seasonKey * 10_000 + slot.episode;
        let list = groups.get(key);
        if (!list) groups.set(key, (list = []));
        list.push(total + k);
      });
      total += layout.length;
    }
    this.seriesStart[S] = total;
    this.episodeSeries = new Int32Array(total);
    this.episodeVirtual = new Uint8Array(total);
    this.episodeSeason = new Int16Array(total);
    layouts.forEach((slots, j) => {
      const start = this.seriesStart[j] as number;
      slots.forEach((slot, k) => {
        this.episodeSeries[start + k] = j;
        this.episodeVirtual[start + k] = slot.virtual ? 1 : 0;
        this.episodeSeason[start + k] = slot.season;
      });
    });
    this.episodeOrder = new Int32Array(total);
    let p = 0;
    for (const key of [...groups.keys()].sort((a, b) => a - b)) {
      for (const c of groups.get(key) as number[]) this.episodeOrder[p++] = c;
    }
  }

  get movieCount(): number {
    return this.ctx.counts.movies;
  }
  get seriesCount(): number {
    return this.ctx.counts.series;
  }
  get episodeCount(): number {
    return this.episodeSeries.length;
  }
  get addedCount(): number {
    return this.added;
  }

  movie(i: number): MovieFacts {
    return this.changes.movie(movieFacts(this.ctx, i));
  }
  /** A movie added at run time; a re-download is its original's facts under the new id, unwatched. */
  addedMovie(k: number): MovieFacts {
    const saved = this.changes.addedSaved[k] ?? this.changes.baseSaved;
    const of = this.changes.redownloadOf.get(k);
    if (of === undefined) return { ...addedMovieFacts(this.ctx, k), saved };
    const original = this.movie(of);
    const fresh = addedMovieFacts(this.ctx, k);
    return { ...original, id: fresh.id, index: k, added: true, created: saved, saved, watch: [] };
  }
  /** A base movie's watch records as they stand (the per-user filters read these). */
  movieWatch(i: number): WatchFacts[] {
    return this.changes.watchOf(i, movieWatch(this.ctx, i).watch);
  }
  /** Sort position of added entries: re-downloads keep their original's place among titles. */
  redownloadOf(k: number): number | undefined {
    return this.changes.redownloadOf.get(k);
  }
  /** A series as it stands: episodes whose files were deleted are gone from it. */
  series(j: number): SeriesFacts {
    const facts = this.seriesCache.get(j, () => seriesFacts(this.ctx, j, this.seriesStart[j] as number));
    const saved = this.changes.baseSaved;
    if (this.removedEpisodes.size === 0) return { ...facts, saved };
    return { ...facts, saved, episodes: facts.episodes.filter((e) => !this.removedEpisodes.has(e.canonical)) };
  }
  seriesBase(j: number): SeriesBase {
    return this.baseCache.get(j, () => seriesBase(this.ctx, j, this.seriesStart[j] as number));
  }
  episode(c: number): EpisodeFacts {
    const j = this.episodeSeries[c] as number;
    return {
      ...episodeFacts(this.ctx, this.seriesBase(j), c - (this.seriesStart[j] as number)),
      saved: this.savedAt('episode', c),
    };
  }

  /** DateLastSaved of an item as the /Items filters see it (no facts built for the common case). */
  savedAt(kind: 'movie' | 'added' | 'series' | 'episode', index: number): number {
    if (kind === 'movie') return this.changes.movieSaved.get(index) ?? this.changes.baseSaved;
    if (kind === 'added') return this.changes.addedSaved[index] ?? this.changes.baseSaved;
    return this.changes.baseSaved;
  }

  isMovieRemoved(i: number): boolean {
    return this.removedMovies.has(i);
  }
  isSeriesRemoved(j: number): boolean {
    return this.removedSeries.has(j);
  }
  /** An episode is gone when its file was deleted or its whole series was. */
  isEpisodeRemoved(c: number): boolean {
    return this.removedEpisodes.has(c) || this.removedSeries.has(this.episodeSeries[c] as number);
  }

  /** Deleted through Radarr/Sonarr or Jellyfin: gone from every listing from now on. */
  removeSeries(j: number): void {
    if (j < 0 || j >= this.seriesCount || this.removedSeries.has(j)) return;
    this.removedSeries.add(j);
    this.version++;
  }

  removeEpisode(c: number): void {
    if (c < 0 || c >= this.episodeCount || this.removedEpisodes.has(c)) return;
    this.removedEpisodes.add(c);
    this.version++;
  }

  /** Paging drift: a movie disappears (deleted on disk) while a client pages. */
  removeMovie(i: number): void {
    if (i < 0 || i >= this.movieCount || this.removedMovies.has(i)) return;
    this.removedMovies.add(i);
    this.version++;
  }

  /** Paging drift: new movies appear; their names sort before every other title. */
  addMovies(n: number): void {
    for (let k = 0; k < n; k++) this.changes.addedSaved[this.added + k] = this.changes.stamp();
    this.added += n;
    this.version++;
  }

  // ---- Scripted changes (incremental sync tests and benches) ----

  /** The file was replaced by a new download: Jellyfin sees a new item (new id, no user data). */
  redownloadMovie(i: number): void {
    if (i < 0 || i >= this.movieCount || this.removedMovies.has(i)) return;
    this.removedMovies.add(i);
    this.changes.redownloadOf.set(this.added, i);
    this.addMovies(1);
  }

  /** The file was re-encoded in place: same item, new streams, DateLastSaved moves. */
  changeMovieStreams(i: number): void {
    if (i < 0 || i >= this.movieCount || this.removedMovies.has(i)) return;
    this.changes.streamChanged.add(i);
    this.changes.movieSaved.set(i, this.changes.stamp());
    this.version++;
  }

  /** A user plays a movie to the end (user data only: the item's DateLastSaved stays). */
  playMovie(i: number, user: number): void {
    this.setWatch(i, user, { user, played: true, positionTicks: 0, playCount: 1, lastPlayed: this.changes.stamp() });
  }

  /** A user marks a movie unplayed: Jellyfin clears Played and the position, keeps nothing to list. */
  unplayMovie(i: number, user: number): void {
    this.setWatch(i, user, null);
  }

  private setWatch(i: number, user: number, w: WatchFacts | null): void {
    let perUser = this.changes.watch.get(i);
    if (!perUser) this.changes.watch.set(i, (perUser = new Map()));
    const previous = this.movieWatch(i).find((x) => x.user === user);
    if (w && previous) w = { ...w, playCount: previous.playCount + 1 };
    perUser.set(user, w);
    this.version++;
  }

  /** Resolves any id the simulator handed out (items, folders); null when unknown or removed. */
  resolve(
    id: string,
  ):
    | { kind: 'movie'; facts: MovieFacts }
    | { kind: 'series'; facts: SeriesFacts }
    | { kind: 'episode'; facts: EpisodeFacts }
    | { kind: 'library'; folder: LibraryFolder }
    | null {
    const parsed = parseId(this.ctx.seed, id);
    if (!parsed) return null;
    const { kind, index } = parsed;
    if (kind === 'movie' && index < this.movieCount && !this.removedMovies.has(index)) {
      return { kind: 'movie', facts: this.movie(index) };
    }
    if (kind === 'addedMovie' && index < this.added) return { kind: 'movie', facts: this.addedMovie(index) };
    if (kind === 'series' && index < this.seriesCount && !this.removedSeries.has(index))
      return { kind: 'series', facts: this.series(index) };
    if (kind === 'episode' && index < this.episodeCount && !this.isEpisodeRemoved(index))
      return { kind: 'episode', facts: this.episode(index) };
    if (kind === 'library') {
      const folder = this.folders[index];
      return folder ? { kind: 'library', folder } : null;
    }
    return null;
  }
}
