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
      // User filters: one pass per series over its watch records, then the sort order pass below.
      matches = new Uint8Array(library.episodeCount);
      for (let j = 0; j < library.seriesCount; j++) {
        if (!seriesOk(j)) continue;
        const { scenario, layout } = seriesLayout(library.ctx, j);
        const watch = seriesWatch(library.ctx, j, scenario, layout);
        const start = library.seriesStart[j] as number;
        layout.forEach((_slot, k) => {
          if (pred(watch.get(k)?.find((w) => w.user === user))) matches![start + k] = 1;
        });
      }
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
    for (let t = 0; t < titles.total; t++) {
      const at = titles.at(t);
      if (at.kind === 'movie') {
        if (!q.types.has('Movie') || !folderOk(false) || library.isMovieRemoved(at.index)) continue;
        if (libraryParent !== null && movieLibrary(seed, at.index) !== libraryParent) continue;
        if (pred && user !== null && !pred(library.movieWatch(at.index).find((w) => w.user === user))) continue;
        if (q.minSaved !== null && library.savedAt('movie', at.index) < q.minSaved) continue;
      } else {
        if (!q.types.has('Series') || !folderOk(true) || library.isSeriesRemoved(at.index)) continue;
        if (libraryParent !== null && seriesLibrary(seed, at.index) !== libraryParent) continue;
        if (pred && user !== null && !pred(seriesUserState(library, at.index, user))) continue;
        if (q.minSaved !== null && library.savedAt('series', at.index) < q.minSaved) continue;
      }
      out.push(TITLE_BASE + t);
    }
  }
  return out.done();
}

/** A series counts as played for a user when every real episode is (Jellyfin's folder semantics). */
function seriesUserState(library: Library, j: number, user: number): WatchFacts | undefined {
  const { scenario, layout } = seriesLayout(library.ctx, j);
  const watch = seriesWatch(library.ctx, j, scenario, layout);
  const real = layout.flatMap((s, k) => (s.virtual ? [] : [k]));
  const all = real.length > 0 && real.every((k) => watch.get(k)?.some((w) => w.user === user && w.played));
  return all ? { user, played: true, positionTicks: 0, playCount: 1, lastPlayed: null } : undefined;
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
