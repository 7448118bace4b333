import type { WatchFacts } from '../data/facts';
import type { Library } from '../data/library';
import { movieLibrary } from '../data/movies';
import { seriesLayout, seriesLibrary, seriesWatch } from '../data/series';
import type { ItemsQuery } from './items-query';
import { sequenceKey } from './items-query';

/**
 * A query's matching items in SortName order, as compact entries (4 bytes per item): episodes first
 * (their sort names start with digits), then movies added at run time ("Aardvark ..."), then the
 * shared movie/series title sequence. Built by one scan, cached per query shape and library version.
 */
export const ADDED_BASE = 1 << 27;
export const TITLE_BASE = 1 << 28;

export type Entry =
  { kind: 'episode'; canonical: number } | { kind: 'added'; index: number } | { kind: 'title'; slot: number };

export function decodeEntry(e: number): Entry {
  if (e >= TITLE_BASE) return { kind: 'title', slot: e - TITLE_BASE };
  if (e >= ADDED_BASE) return { kind: 'added', index: e - ADDED_BASE };
  return { kind: 'episode', canonical: e };
}

type WatchPredicate = (w: WatchFacts | undefined) => boolean;

function watchPredicate(q: ItemsQuery, user: number | null): WatchPredicate | null {
  // Jellyfin ignores user-data filters when no user is given (API key without userId).
  if (user === null) return null;
  const checks: WatchPredicate[] = [];
  if (q.played !== undefined) checks.push((w) => (w?.played ?? false) === q.played);
  if (q.resumable) checks.push((w) => (w?.positionTicks ?? 0) > 0);
  if (q.favorite) checks.push(() => false);
  if (checks.length === 0) return null;
  return (w) => checks.every((c) => c(w));
}

class GrowableInt32 {
  private buf = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  done(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}

export function buildSequence(library: Library, q: ItemsQuery, user: number | null): Int32Array {
  const { seed } = library.ctx;
  const out = new GrowableInt32();
  const parent = q.parent;
  if (parent?.kind === 'unknown') return out.done();
  const pred = watchPredicate(q, user);
  const folderOk = (isFolder: boolean) => q.folder === undefined || q.folder === isFolder;
  const recursive = q.recursive || parent?.kind === 'series' || parent?.kind === 'season';

  const wantEpisodes = q.types.has('Episode') && recursive && folderOk(false) && library.episodeCount > 0;
  if (wantEpisodes) {
    const seriesOk = (j: number) =>
      !parent ||
      (parent.kind === 'library' && seriesLibrary(seed, j) === parent.index) ||
      (parent.kind === 'series' && parent.index === j) ||
      (parent.kind === 'season' && parent.series === j);
    let matches: Uint8Array | null = null;
    if (pred && user !== null) {
      // User filters: the user's episode states, read once per library version (see userStates).
      const states = userStates(library, user).episodes;
      matches = new Uint8Array(library.episodeCount);
      for (let c = 0; c < states.length; c++) if (pred(stateFacts(states[c] as number, user))) matches[c] = 1;
    }
    for (let p = 0; p < library.episodeOrder.length; p++) {
      const c = library.episodeOrder[p] as number;
      if (q.excludeVirtual && library.episodeVirtual[c] === 1) continue;
      if (matches && matches[c] === 0) continue;
      const j = library.episodeSeries[c] as number;
      if (library.isEpisodeRemoved(c)) continue;
      if (!seriesOk(j)) continue;
      if (parent?.kind === 'season' && library.episodeSeason[c] !== (parent.season ?? -1)) continue;
      if (q.minSaved !== null && library.savedAt('episode', c) < q.minSaved) continue;
      out.push(c);
    }
  }

  const libraryParent = parent?.kind === 'library' ? parent.index : null;
  const titlesAllowed = !parent || libraryParent !== null;
  if (titlesAllowed && q.types.has('Movie') && folderOk(false)) {
    for (let k = 0; k < library.addedCount; k++) {
      const of = library.redownloadOf(k);
      const addedLibrary = of === undefined ? 0 : movieLibrary(seed, of);
      if (libraryParent !== null && libraryParent !== addedLibrary) continue;
      if (pred && !pred(undefined)) continue;
      if (q.minSaved !== null && library.savedAt('added', k) < q.minSaved) continue;
      out.push(ADDED_BASE + k);
    }
  }
  if (titlesAllowed) {
    const titles = library.ctx.titles;
    const states = pred && user !== null ? userStates(library, user) : null;
    for (let t = 0; t < titles.total; t++) {
      const at = titles.at(t);
      if (at.kind === 'movie') {
        if (!q.types.has('Movie') || !folderOk(false) || library.isMovieRemoved(at.index)) continue;
        if (libraryParent !== null && movieLibrary(seed, at.index) !== libraryParent) continue;
        if (pred && user !== null && !pred(stateFacts(states!.movies[at.index] as number, user))) continue;
        if (q.minSaved !== null && library.savedAt('movie', at.index) < q.minSaved) continue;
      } else {
        if (!q.types.has('Series') || !folderOk(true) || library.isSeriesRemoved(at.index)) continue;
        if (libraryParent !== null && seriesLibrary(seed, at.index) !== libraryParent) continue;
        if (pred && user !== null && !pred(stateFacts(states!.series[at.index] as number, user))) continue;
        if (q.minSaved !== null && library.savedAt('series', at.index) < q.minSaved) continue;
      }
      out.push(TITLE_BASE + t);
    }
  }
  return out.done();
}

/**
 * What a user filter looks at of one user's record for an item, as bits: 1 = a record exists, 2 = played,
 * 4 = a playback position. The predicates read only these, so they answer exactly as on the records.
 */
const HAS = 1;
const PLAYED = 2;
const RESUMABLE = 4;

function stateOf(w: WatchFacts | undefined): number {
  return w ? HAS | (w.played ? PLAYED : 0) | (w.positionTicks > 0 ? RESUMABLE : 0) : 0;
}

function stateFacts(state: number, user: number): WatchFacts | undefined {
  if (!(state & HAS)) return undefined;
  return {
    user,
    played: (state & PLAYED) !== 0,
    positionTicks: state & RESUMABLE ? 1 : 0,
    playCount: 0,
    lastPlayed: null,
  };
}

interface UserStates {
  /** By canonical episode index. */
  episodes: Uint8Array;
  movies: Uint8Array;
  series: Uint8Array;
}

/**
 * Every user's watch state per item, derived once per library version: the watch sweep asks two filters
 * for each user, and regenerating every series' watch records for each of those queries was most of the
 * simulator's time in a `large` sweep. A few bytes per user and item.
 */
const statesCache = new WeakMap<Library, { version: number; users: UserStates[] }>();

function userStates(library: Library, user: number): UserStates {
  let cached = statesCache.get(library);
  if (!cached || cached.version !== library.version) {
    cached = { version: library.version, users: buildUserStates(library) };
    statesCache.set(library, cached);
  }
  return (
    cached.users[user] ?? {
      episodes: new Uint8Array(library.episodeCount),
      movies: new Uint8Array(0),
      series: new Uint8Array(0),
    }
  );
}

function buildUserStates(library: Library): UserStates[] {
  const { ctx } = library;
  const users = ctx.users.map(() => ({
    episodes: new Uint8Array(library.episodeCount),
    movies: new Uint8Array(ctx.counts.movies),
    series: new Uint8Array(library.seriesCount),
  }));
  for (let j = 0; j < library.seriesCount; j++) {
    const { scenario, layout } = seriesLayout(ctx, j);
    const watch = seriesWatch(ctx, j, scenario, layout);
    const start = library.seriesStart[j] as number;
    const real = layout.flatMap((s, k) => (s.virtual ? [] : [k]));
    users.forEach((states, user) => {
      layout.forEach((_slot, k) => {
        states.episodes[start + k] = stateOf(watch.get(k)?.find((w) => w.user === user));
      });
      // A series counts as played for a user when every real episode is (Jellyfin's folder semantics).
      const all = real.length > 0 && real.every((k) => watch.get(k)?.some((w) => w.user === user && w.played));
      states.series[j] = all ? HAS | PLAYED : 0;
    });
  }
  for (let i = 0; i < ctx.counts.movies; i++) {
    const watch = library.movieWatch(i);
    users.forEach((states, user) => (states.movies[i] = stateOf(watch.find((w) => w.user === user))));
  }
  return users;
}

/** Small cache of built sequences: a paging client asks for the same shape page after page. */
export class SequenceCache {
  private entries = new Map<string, { version: number; seq: Int32Array }>();
  constructor(private readonly max = 16) {}

  clear(): void {
    this.entries.clear();
  }

  get(library: Library, q: ItemsQuery, user: number | null): Int32Array {
    const key = sequenceKey(q, user);
    const hit = this.entries.get(key);
    if (hit && hit.version === library.version) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.seq;
    }
    const seq = buildSequence(library, q, user);
    this.entries.set(key, { version: library.version, seq });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return seq;
  }
}
