import { makeId } from '../core/ids';
import { Rng, Stream, hash32 } from '../core/prng';
import { DAY, GiB, TICKS_PER_MS } from '../core/time';
import type { GenContext } from './context';
import { LIB, catalogueEntry } from './context';
import type {
  CreatedKind,
  DateFact,
  MovieFacts,
  MovieLangKind,
  MovieScenario,
  MovieSizeKind,
  MovieWatchKind,
  SourceFacts,
  TrackFacts,
  WatchFacts,
} from './facts';
import type { Lang } from './languages';
import { audio, goodAudio, makeSource, otherAudio, someSubtitles, subtitle, unknownAudio } from './sources';
import { sortNameOf } from './titles';
import { pickWatchers, played } from './users';

export const MOVIE_CATALOGUE: readonly Partial<MovieScenario>[] = [
  { size: 'exact' },
  { size: 'justBelow' },
  { size: 'multiLarge' },
  { size: 'unknown' },
  { lang: 'noFre', created: 'old' },
  { lang: 'noEng', created: 'old' },
  { lang: 'undOnly', created: 'old' },
  { lang: 'commentaryFre', created: 'old' },
  { lang: 'noAudio', created: 'old' },
  { lang: 'noSources', created: 'old' },
  { lang: 'emptyStreams', created: 'old' },
  { lang: 'secondVersionFre', size: 'multiSmall', created: 'old' },
  { lang: 'noFre', watch: 'none', created: 'ancient' },
  { lang: 'noFre', watch: 'none', created: 'sentinel' },
  { watch: 'old' },
  { watch: 'recent' },
  { watch: 'partialRecent' },
  { watch: 'partialOld' },
  { watch: 'noDate' },
  { watch: 'sentinelDate' },
  { watch: 'oldAndRecent' },
  { watch: 'markedUnplayed', created: 'recent' },
  { watch: 'none', created: 'recent' },
  { watch: 'none', created: 'sentinel' },
  { watch: 'none', created: 'future' },
  { watch: 'recent', created: 'veryRecent' },
  { size: 'huge' },
  { lang: 'missingTag', created: 'old' },
  { size: 'large', lang: 'ok' },
  { watch: 'none', created: 'old', lang: 'ok', size: 'normal' },
];

function drawScenario(rng: Rng, forced: Partial<MovieScenario> | undefined, users: number): MovieScenario {
  let watch: MovieWatchKind =
    forced?.watch ??
    rng.weighted({
      none: 0.68,
      old: 0.09,
      recent: 0.11,
      partialRecent: 0.03,
      partialOld: 0.02,
      noDate: 0.015,
      sentinelDate: 0.01,
      oldAndRecent: 0.025,
      markedUnplayed: 0.02,
    });
  if (watch === 'oldAndRecent' && users < 2) watch = 'recent';
  const created: CreatedKind =
    forced?.created ??
    rng.weighted({ veryRecent: 0.03, recent: 0.12, old: 0.7, ancient: 0.1, sentinel: 0.03, future: 0.02 });
  let size: MovieSizeKind =
    forced?.size ??
    rng.weighted({
      normal: 0.78,
      large: 0.08,
      huge: 0.02,
      multiSmall: 0.05,
      multiLarge: 0.03,
      unknown: 0.02,
      exact: 0.01,
      justBelow: 0.01,
    });
  let lang: MovieLangKind =
    forced?.lang ??
    rng.weighted({
      ok: 0.78,
      noFre: 0.08,
      noEng: 0.04,
      undOnly: 0.015,
      missingTag: 0.02,
      commentaryFre: 0.015,
      noAudio: 0.01,
      noSources: 0.01,
      emptyStreams: 0.01,
      secondVersionFre: 0.02,
    });
  // A second version needs two sources; a movie without sources has no size at all.
  if (lang === 'secondVersionFre' && size !== 'multiSmall' && size !== 'multiLarge') size = 'multiSmall';
  if (lang === 'noSources') size = 'unknown';
  if (size === 'unknown' && lang === 'secondVersionFre') lang = 'noFre';
  return { watch, created, size, lang };
}

/** Sizes of the versions: chosen on the right side of the 13 GiB threshold, or exactly on it. */
function versionSizes(rng: Rng, kind: MovieSizeKind): (number | null)[] {
  const gib = (lo: number, hi: number) => Math.floor(rng.range(lo, hi) * GiB);
  switch (kind) {
    case 'normal':
      return [gib(0.5, 12.5)];
    case 'large':
      return [gib(13.5, 40)];
    case 'huge':
      return [gib(40, 74.5)];
    case 'exact':
      return [13 * GiB];
    case 'justBelow':
      return [13 * GiB - 1];
    case 'multiSmall':
      return [gib(0.5, 5.5), gib(0.5, 5.5)];
    case 'multiLarge':
      return [gib(7, 12.5), gib(7, 12.5)];
    case 'unknown':
      return [null];
  }
}

function audioFor(rng: Rng, lang: MovieLangKind): TrackFacts[] {
  switch (lang) {
    case 'ok':
    case 'noSources':
    case 'emptyStreams':
      return goodAudio(rng);
    case 'noFre':
    case 'secondVersionFre':
      return [audio(rng, 'eng'), ...otherAudio(rng)];
    case 'noEng':
      return [audio(rng, 'fre'), ...otherAudio(rng)];
    case 'undOnly':
      return [unknownAudio(rng), unknownAudio(rng)];
    case 'missingTag':
      return [audio(rng, 'eng'), { type: 'Audio', tag: null, code: null, codec: 'ac3' }];
    case 'commentaryFre':
      return [audio(rng, 'eng'), audio(rng, 'fre', { title: 'Commentary with the director', commentary: true })];
    case 'noAudio':
      return [];
  }
}

/** Ticks relative to `now`: a random instant between `fromDays` and `toDays` ago. */
function daysAgo(rng: Rng, now: number, fromDays: number, toDays: number): number {
  return Math.floor(now - rng.range(fromDays, toDays) * DAY);
}

export function createdAt(rng: Rng, now: number, kind: CreatedKind): DateFact {
  switch (kind) {
    case 'veryRecent':
      return daysAgo(rng, now, 0.5, 5);
    case 'recent':
      return daysAgo(rng, now, 5, 80);
    case 'old':
      return daysAgo(rng, now, 95, 1400);
    case 'ancient':
      return daysAgo(rng, now, 1600, 4000);
    case 'sentinel':
      return 'sentinel';
    case 'future':
      return Math.floor(now + rng.range(30, 400) * DAY);
  }
}

/**
 * Watch records matching the scenario. "Old" means last played more than 120 days ago, "recent" less
 * than 110, always with days of margin from the 4-month threshold.
 */
function watchFor(rng: Rng, ctx: GenContext, kind: MovieWatchKind, runTimeTicks: number): WatchFacts[] {
  const { now, users } = ctx;
  if (kind === 'none') return [];
  const watchers = pickWatchers(rng, users);
  const primary = watchers[0] ?? 0;
  const old = () => daysAgo(rng, now, 125, 1000);
  const recent = () => daysAgo(rng, now, 1, 110);
  const partial = (user: number, at: number): WatchFacts => ({
    user,
    played: false,
    positionTicks: Math.floor(runTimeTicks * rng.range(0.05, 0.9)),
    playCount: 0,
    lastPlayed: at,
  });
  switch (kind) {
    case 'old':
      return watchers.map((u) => played(u, old(), rng));
    case 'recent':
      return watchers.map((u, k) => played(u, k === 0 ? recent() : rng.chance(0.5) ? old() : recent(), rng));
    case 'partialRecent':
      return [partial(primary, recent())];
    case 'partialOld':
      return [partial(primary, old())];
    case 'noDate':
      return watchers.map((u) => played(u, null, rng));
    case 'sentinelDate':
      return watchers.map((u) => played(u, 'sentinel', rng));
    case 'oldAndRecent': {
      const other = (primary + 1) % users.length;
      return [played(primary, old(), rng), played(other, recent(), rng)];
    }
    case 'markedUnplayed':
      // Marked unplayed after watching: Played and position are cleared, the play count and date stay.
      return [{ user: primary, played: false, positionTicks: 0, playCount: 1, lastPlayed: recent() }];
  }
}

export function movieLibrary(seed: number, index: number): number {
  return hash32(seed, Stream.movie, index, 77) % 10 === 0 ? LIB.kids : LIB.movies;
}

function movieScenario(ctx: GenContext, index: number): MovieScenario {
  const forced = catalogueEntry(MOVIE_CATALOGUE, index, ctx.counts.movies);
  return drawScenario(new Rng(ctx.seed, Stream.movie, index, 1), forced, ctx.users.length);
}

/** Watch records alone (cheap: the per-user passes filter on them without building whole items). */
export function movieWatch(
  ctx: GenContext,
  index: number,
  added = false,
): { watch: WatchFacts[]; runTimeTicks: number } {
  const scenario: MovieScenario = added ? ADDED_SCENARIO : movieScenario(ctx, index);
  const rng = new Rng(ctx.seed, Stream.watch, added ? 1_000_000 + index : index);
  const runTimeTicks = Math.floor(rng.range(80, 170) * 60_000 * TICKS_PER_MS);
  return { watch: watchFor(rng, ctx, scenario.watch, runTimeTicks), runTimeTicks };
}

const ADDED_SCENARIO: MovieScenario = { watch: 'none', created: 'veryRecent', size: 'normal', lang: 'ok' };

export function movieFacts(ctx: GenContext, index: number): MovieFacts {
  const { seed, titles } = ctx;
  const rng = new Rng(seed, Stream.movie, index);
  const scenario = movieScenario(ctx, index);
  const slot = titles.movieSlot(index);
  const name = titles.title(slot) + (rng.chance(0.05) ? ` ${rng.int(2, 4)}` : '');
  return buildMovie(ctx, rng, { index, added: false, name, scenario });
}

/** Movies added while a sync runs (paging drift): new, small, fine, unwatched. */
export function addedMovieFacts(ctx: GenContext, k: number): MovieFacts {
  const rng = new Rng(ctx.seed, Stream.movie, 1_000_000 + k);
  const scenario = ADDED_SCENARIO;
  const name = `Aardvark Arrival ${String(k + 1).padStart(4, '0')}`;
  return buildMovie(ctx, rng, { index: k, added: true, name, scenario });
}

function buildMovie(
  ctx: GenContext,
  rng: Rng,
  o: { index: number; added: boolean; name: string; scenario: MovieScenario },
): MovieFacts {
  const { seed, now } = ctx;
  const { index, scenario } = o;
  const id = makeId(seed, o.added ? 'addedMovie' : 'movie', index);
  const year = rng.int(1950, 2024);
  const { watch, runTimeTicks } = movieWatch(ctx, index, o.added);
  let created = createdAt(rng, now, scenario.created);
  const firstWatch = Math.min(
    ...watch
      .filter((w) => w.played || w.positionTicks > 0)
      .map((w) => (typeof w.lastPlayed === 'number' ? w.lastPlayed : Infinity)),
  );
  // A file is added before anyone plays it (only the deliberate sentinel/future cases break this).
  if (typeof created === 'number' && created > firstWatch && created <= now) {
    created = Math.floor(firstWatch - rng.range(1, 400) * DAY);
  }
  const pathBase = `/media/movies/${o.name} (${year})/${o.name} (${year})`;
  const sizes = versionSizes(rng, scenario.size);
  const sources: SourceFacts[] =
    scenario.lang === 'noSources'
      ? []
      : sizes.map((sizeBytes, v) => {
          let tracks: TrackFacts[] = [...audioFor(rng, scenario.lang), ...someSubtitles(rng)];
          if (v > 0 && scenario.lang === 'secondVersionFre') tracks = [audio(rng, 'eng'), audio(rng, 'fre')];
          if (scenario.lang === 'noFre' && rng.chance(0.5)) tracks.push(subtitle(rng, 'fre'));
          return makeSource(rng, {
            id: v === 0 ? id : makeId(seed, 'alternateVersion', index * 4 + v),
            pathBase,
            version: v,
            sizeBytes,
            tracks,
            emptyStreams: scenario.lang === 'emptyStreams',
          });
        });
  const hasTmdb = rng.chance(0.95) || o.added;
  const originalLanguage: Lang = rng.pick(['eng', 'eng', 'eng', 'fre', 'jpn', 'ger', 'spa'] as const);
  return {
    kind: 'movie',
    index,
    added: o.added,
    id,
    name: o.name,
    sortName: sortNameOf(o.name),
    year,
    library: o.added ? 0 : movieLibrary(seed, index),
    tmdb: hasTmdb ? movieTmdb(index, o.added) : null,
    // Without a TMDB id a movie always keeps its IMDb id, so requests can still match it.
    imdb: !hasTmdb || rng.chance(0.9) ? movieImdb(index, o.added) : null,
    originalLanguage,
    created,
    runTimeTicks,
    sources,
    watch,
    scenario,
  };
}

/** Provider ids are arithmetic in the index so a request can point at a library item and back. */
export function movieTmdb(index: number, added = false): number {
  return (added ? 800_000 : 100_000) + index;
}
export function movieImdb(index: number, added = false): string {
  return `tt${(added ? 8_000_000 : 1_000_000) + index}`;
}
