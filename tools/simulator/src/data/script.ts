import { Rng, Stream } from '../core/prng';
import type { Library } from './library';

/** A batch of scripted changes, as between two nightly syncs. Counts are of items or (movie, user) pairs. */
export interface ChangeScript {
  add?: number;
  remove?: number;
  /** Movies replaced by a new download (new id, no user data). */
  redownload?: number;
  /** Movies whose file changed in place (streams differ, DateLastSaved moves). */
  streams?: number;
  /** Unwatched (movie, user) pairs played to the end. */
  plays?: number;
  /** Played (movie, user) pairs marked unplayed. */
  unplays?: number;
  /** Moves the server's clock for later writes (clock-skew scenarios). */
  clockOffsetMs?: number;
}

export interface ChangeSummary {
  version: number;
  changed: number;
}

/**
 * Applies a script with deterministic picks (seeded by the library and the batch number), so a test
 * and a bench get the same changes for the same seed. Only live base movies are picked.
 */
export function applyChangeScript(library: Library, script: ChangeScript, batch: number): ChangeSummary {
  const rng = new Rng(library.ctx.seed, Stream.fault, 100 + batch);
  const users = library.ctx.users.length;
  const pickMovie = () => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const i = rng.int(0, library.movieCount - 1);
      if (!library.isMovieRemoved(i)) return i;
    }
    return -1;
  };
  let changed = 0;
  if (script.clockOffsetMs !== undefined) library.changes.clockOffsetMs = script.clockOffsetMs;
  if (script.add) {
    library.addMovies(script.add);
    changed += script.add;
  }
  for (let n = 0; n < (script.remove ?? 0); n++, changed++) library.removeMovie(pickMovie());
  for (let n = 0; n < (script.redownload ?? 0); n++, changed++) library.redownloadMovie(pickMovie());
  for (let n = 0; n < (script.streams ?? 0); n++, changed++) library.changeMovieStreams(pickMovie());
  const pickPair = (played: boolean): [number, number] | null => {
    for (let attempt = 0; attempt < 10_000 && users > 0; attempt++) {
      const i = pickMovie();
      const u = rng.int(0, users - 1);
      const w = library.movieWatch(i).find((x) => x.user === u);
      if ((w?.played ?? false) === played) return [i, u];
    }
    return null;
  };
  for (let n = 0; n < (script.plays ?? 0); n++) {
    const pair = pickPair(false);
    if (!pair) continue;
    library.playMovie(...pair);
    changed++;
  }
  for (let n = 0; n < (script.unplays ?? 0); n++) {
    const pair = pickPair(true);
    if (!pair) continue;
    library.unplayMovie(...pair);
    changed++;
  }
  return { version: library.version, changed };
}
