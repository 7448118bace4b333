import { makeId } from '../core/ids';
import { Rng, Stream, hash32 } from '../core/prng';
import { DAY, GiB, TICKS_PER_MS } from '../core/time';
import type { GenContext } from './context';
import { LIB, catalogueEntry } from './context';
import { createdAt } from './movies';
import type {
  DateFact,
  EpisodeFacts,
  EpisodeSlot,
  SeriesFacts,
  SeriesScenario,
  SourceFacts,
  TrackFacts,
  WatchFacts,
} from './facts';
import type { Lang } from './languages';
import { audio, goodAudio, makeSource, someSubtitles } from './sources';
import { sortNameOf } from './titles';
import { pickWatchers, played } from './users';
import { orderedPhrase } from './words';

export const SERIES_CATALOGUE: readonly Partial<SeriesScenario>[] = [
  { size: 'large', watch: 'none', created: 'old' },
  { lang: 'someNoFre', created: 'recent' },
  { watch: 'recent', created: 'veryRecent' },
  { size: 'exactSeason' },
  { watch: 'old', lang: 'ancientProblem', created: 'ancient' },
  { created: 'onlyVirtual' },
  { watch: 'partialRecent', size: 'bigTotalSmallSeasons' },
  { watch: 'none', created: 'sentinel', lang: 'noStreams' },
  { watch: 'oldAndRecent', size: 'unknownSizes' },
  { watch: 'noDate', lang: 'someNoEng' },
];

const EPISODE_WORDS = ['Begins', 'Returns', 'Falls', 'Rises', 'Burns', 'Waits', 'Wakes', 'Breaks', 'Turns', 'Ends'];

function drawScenario(rng: Rng, forced: Partial<SeriesScenario> | undefined, users: number): SeriesScenario {
  let created =
    forced?.created ??
    rng.weighted({ veryRecent: 0.06, recent: 0.12, old: 0.65, ancient: 0.1, sentinel: 0.03, onlyVirtual: 0.04 });
  let watch =
    forced?.watch ??
    rng.weighted({ none: 0.6, old: 0.14, recent: 0.18, partialRecent: 0.04, noDate: 0.02, oldAndRecent: 0.02 });
  let size =
    forced?.size ??
    rng.weighted({ normal: 0.75, large: 0.12, exactSeason: 0.02, bigTotalSmallSeasons: 0.08, unknownSizes: 0.03 });
  let lang =
    forced?.lang ?? rng.weighted({ ok: 0.72, someNoFre: 0.12, someNoEng: 0.06, ancientProblem: 0.05, noStreams: 0.05 });
  if (watch === 'oldAndRecent' && users < 2) watch = 'recent';
  // Problem episodes of an "ancient" series fall outside the 1500-day language window by construction;
  // the other problem kinds keep every episode inside it.
  if (lang === 'ancientProblem') created = 'ancient';
  else if ((lang === 'someNoFre' || lang === 'someNoEng') && created === 'ancient') created = 'old';
  if (created === 'onlyVirtual') {
    watch = 'none';
    size = 'normal';
    lang = 'ok';
  }
  return { watch, created, size, lang };
}

/** Scenario and episode layout of series j: cheap, used to index every episode at start-up. */
export function seriesLayout(ctx: GenContext, j: number): { scenario: SeriesScenario; layout: EpisodeSlot[] } {
  const { seed, counts } = ctx;
  const scenario = drawScenario(
    new Rng(seed, Stream.series, j, 1),
    catalogueEntry(SERIES_CATALOGUE, j, counts.series),
    ctx.users.length,
  );
  const rng = new Rng(seed, Stream.layout, j);
  const layout: EpisodeSlot[] = [];
  if (scenario.created === 'onlyVirtual') {
    for (let e = 1, m = rng.int(2, 4); e <= m; e++) layout.push({ season: 1, episode: e, virtual: true });
    return { scenario, layout };
  }
  // Slightly above the target: placeholders and virtual-only series take some slots away.
  const avg = counts.series > 0 ? (1.07 * counts.episodes) / counts.series : 0;
  const n = Math.max(1, Math.round(avg * rng.range(0.5, 1.5)));
  const seasons = Math.min(15, Math.max(1, Math.round(n / rng.range(8, 14))));
  if (rng.chance(0.03)) {
    // Files without a season number; their numbers stay below 10 (see the episode sort order).
    for (let e = 1, m = rng.int(1, 2); e <= m; e++) layout.push({ season: null, episode: e, virtual: false });
  }
  if (rng.chance(0.15)) {
    for (let e = 1, m = rng.int(1, 3); e <= m; e++) layout.push({ season: 0, episode: e, virtual: false });
  }
  for (let s = 1; s <= seasons; s++) {
    const count = Math.floor(n / seasons) + (s <= n % seasons ? 1 : 0);
    // A rare missing episode in the middle is a placeholder, not a file.
    for (let e = 1; e <= count; e++) layout.push({ season: s, episode: e, virtual: e > 1 && rng.chance(0.02) });
  }
  if (rng.chance(0.3)) {
    const last = Math.floor(n / seasons) + (seasons <= n % seasons ? 1 : 0);
    for (let e = 1, m = rng.int(1, 3); e <= m; e++) layout.push({ season: seasons, episode: last + e, virtual: true });
  }
  // Layout order is also added-date order: the last regular season holds the newest episode.
  return { scenario, layout };
}

export function seriesLibrary(seed: number, j: number): number {
  return hash32(seed, Stream.series, j, 77) % 8 === 0 ? LIB.kids : LIB.shows;
}

export function seriesTmdb(j: number): number {
  return 200_000 + j;
}
export function seriesTvdb(j: number): number {
  return 300_000 + j;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Everything decided at series level (dates, sizes, problem episodes, watch records) as compact
 * arrays; single episodes are then built on demand from it by `episodeFacts`.
 */
export interface SeriesBase extends Omit<SeriesFacts, 'episodes'> {
  start: number;
  prefix: string;
  created: DateFact[];
  sizes: (number | null)[];
  problem: ReadonlySet<number>;
  watch: ReadonlyMap<number, WatchFacts[]>;
}

/** Full facts of series j and its episodes; `start` is the canonical index of its first episode. */
export function seriesFacts(ctx: GenContext, j: number, start: number): SeriesFacts {
  const base = seriesBase(ctx, j, start);
  return { ...base, episodes: base.layout.map((_slot, k) => episodeFacts(ctx, base, k)) };
}

export function seriesBase(ctx: GenContext, j: number, start: number): SeriesBase {
  const { seed, now, counts, titles } = ctx;
  const { scenario, layout } = seriesLayout(ctx, j);
  const rng = new Rng(seed, Stream.series, j, 2);
  const name = titles.title(titles.seriesSlot(j));
  const id = makeId(seed, 'series', j);
  const nonVirtual = layout.flatMap((slot, k) => (slot.virtual ? [] : [k]));

  // Added dates: the newest non-virtual episode carries the decided "last media added" date.
  const last = scenario.created === 'onlyVirtual' ? null : createdAt(rng, now, scenario.created);
  const created: DateFact[] = layout.map(() => null);
  if (last !== null) {
    const ageDays = typeof last === 'number' ? (now - last) / DAY : 0;
    const span =
      scenario.created === 'ancient'
        ? 400
        : scenario.created === 'old'
          ? Math.max(0, Math.min(700, 1490 - ageDays))
          : 700;
    nonVirtual.forEach((k, r) => {
      created[k] =
        typeof last === 'number'
          ? Math.floor(last - (span * DAY * (nonVirtual.length - 1 - r)) / Math.max(1, nonVirtual.length - 1))
          : last;
    });
  }
  const validCreated = created.filter((d): d is number => typeof d === 'number');
  const folderCreated: DateFact =
    last === 'sentinel'
      ? 'sentinel'
      : validCreated.length > 0
        ? Math.floor(Math.min(...validCreated) - rng.range(1, 30) * DAY)
        : createdAt(rng, now, 'old');

  const sizes = episodeSizes(rng, scenario, layout);
  const problem = new Set<number>();
  if (scenario.lang === 'someNoFre' || scenario.lang === 'someNoEng' || scenario.lang === 'ancientProblem') {
    const want = Math.min(nonVirtual.length, rng.int(1, 3));
    while (problem.size < want) problem.add(rng.pick(nonVirtual));
  }
  const watch = seriesWatch(ctx, j, scenario, layout);
  const prefix = orderedPhrase(j, counts.series);
  const year = new Date(typeof last === 'number' ? last : now).getUTCFullYear() - rng.int(0, 10);

  const hasTmdb = rng.chance(0.9);
  return {
    kind: 'series',
    index: j,
    id,
    name,
    sortName: sortNameOf(name),
    year,
    library: seriesLibrary(seed, j),
    tmdb: hasTmdb ? seriesTmdb(j) : null,
    tvdb: !hasTmdb || rng.chance(0.95) ? seriesTvdb(j) : null,
    imdb: rng.chance(0.7) ? `tt${2_000_000 + j}` : null,
    originalLanguage: rng.pick(['eng', 'eng', 'fre', 'jpn'] as const),
    folderCreated,
    layout,
    scenario,
    start,
    prefix,
    created,
    sizes,
    problem,
    watch,
  };
}

export function episodeFacts(ctx: GenContext, base: SeriesBase, k: number): EpisodeFacts {
  const { seed, now } = ctx;
  const { index: j, start, prefix, created, sizes, problem, watch, scenario, name } = base;
  const slot = base.layout[k];
  if (!slot) throw new Error(`series ${j} has no episode ${k}`);
  const erng = new Rng(seed, Stream.episode, j, k);
  const epName = `${prefix} ${EPISODE_WORDS[(slot.episode * 7 + (slot.season ?? 0)) % EPISODE_WORDS.length]}`;
  const canonical = start + k;
  const epId = makeId(seed, 'episode', canonical);
  const sn = slot.season === null ? '' : `${pad(slot.season, 3)} - `;
  const runTimeTicks = Math.floor(erng.range(20, 60) * 60_000 * TICKS_PER_MS);
  let source: SourceFacts | null = null;
  let epCreated: DateFact = created[k] ?? null;
  if (slot.virtual) {
    // Placeholders are "added" when the guide lists them: recent dates that must not count as new media.
    epCreated = Math.floor(now - erng.range(0.5, 3) * DAY);
  } else {
    const lang: Lang | null = problem.has(k) ? (scenario.lang === 'someNoEng' ? 'fre' : 'eng') : null;
    const tracks: TrackFacts[] = [...(lang ? [audio(erng, lang)] : goodAudio(erng)), ...someSubtitles(erng)];
    const season = slot.season === null ? 'Specials' : `Season ${pad(slot.season, 2)}`;
    const code = `S${pad(slot.season ?? 0, 2)}E${pad(slot.episode, 2)}`;
    source = makeSource(erng, {
      id: epId,
      pathBase: `/media/tv/${name}/${season}/${name} - ${code} - ${epName}`,
      version: 0,
      sizeBytes: sizes[k] ?? null,
      tracks,
      emptyStreams: scenario.lang === 'noStreams',
    });
  }
  return {
    kind: 'episode',
    canonical,
    seriesIndex: j,
    ordinal: k,
    id: epId,
    seasonId: makeId(seed, 'season', j * 64 + (slot.season === null ? 63 : Math.min(slot.season, 62))),
    name: epName,
    sortName: `${sn}${pad(slot.episode, 4)} - ${sortNameOf(epName)}`,
    season: slot.season,
    episode: slot.episode,
    virtual: slot.virtual,
    created: epCreated,
    premiere: slot.virtual
      ? Math.floor(now + erng.range(3, 60) * DAY)
      : Math.floor((typeof epCreated === 'number' ? Math.min(epCreated, now) : now) - erng.range(1, 30) * DAY),
    runTimeTicks,
    source,
    watch: watch.get(k) ?? [],
  };
}

/** Per-season totals decided on the right side of the 15 GiB threshold, split over the episodes. */
function episodeSizes(rng: Rng, scenario: SeriesScenario, layout: EpisodeSlot[]): (number | null)[] {
  const out: (number | null)[] = layout.map(() => null);
  if (scenario.size === 'unknownSizes') return out;
  const buckets = new Map<string, number[]>();
  layout.forEach((slot, k) => {
    if (slot.virtual) return;
    const key = slot.season === null ? 'none' : String(slot.season);
    buckets.set(key, [...(buckets.get(key) ?? []), k]);
  });
  const regular = [...buckets.keys()].filter((key) => key !== 'none' && key !== '0');
  const special = regular.length > 0 ? rng.pick(regular) : undefined;
  for (const [key, members] of buckets) {
    const gib = (lo: number, hi: number) => Math.floor(rng.range(lo, hi) * GiB);
    let total: number;
    if (key === 'none' || key === '0') total = gib(0.3, 3);
    else if (scenario.size === 'large' && key === special) total = gib(16, 60);
    else if (scenario.size === 'exactSeason' && key === special) total = 15 * GiB;
    else if (scenario.size === 'bigTotalSmallSeasons') total = gib(12, 14.5);
    else total = gib(1.5, 13.5);
    const base = Math.floor(total / members.length);
    members.forEach((k, r) => {
      out[k] = base + (r === 0 ? total - base * members.length : 0);
    });
  }
  return out;
}

/**
 * Watch records per layout position (its own random stream, so the per-user passes get them without
 * building episodes); dates respect the same margins as movies.
 */
export function seriesWatch(
  ctx: GenContext,
  j: number,
  scenario: SeriesScenario,
  layout: EpisodeSlot[],
): Map<number, WatchFacts[]> {
  const rng = new Rng(ctx.seed, Stream.watch, 10_000_000 + j);
  const nonVirtual = layout.flatMap((slot, k) => (slot.virtual ? [] : [k]));
  const out = new Map<number, WatchFacts[]>();
  const add = (k: number, w: WatchFacts) => out.set(k, [...(out.get(k) ?? []), w]);
  const { now, users } = ctx;
  const first = nonVirtual[0];
  if (first === undefined) return out;
  const old = () => Math.floor(now - rng.range(125, 900) * DAY);
  const recent = () => Math.floor(now - rng.range(1, 110) * DAY);
  const watchers = pickWatchers(rng, users);
  const primary = watchers[0] ?? 0;
  const watchedCount = rng.int(1, nonVirtual.length);
  const run = (user: number, latest: number | null, count = watchedCount) => {
    for (let r = 0; r < count; r++) {
      const k = nonVirtual[r] as number;
      const at = latest === null ? null : Math.floor(latest - (count - 1 - r) * 0.1 * DAY);
      add(k, played(user, at, rng));
    }
  };
  switch (scenario.watch) {
    case 'none':
      if (rng.chance(0.1))
        add(first, { user: primary, played: false, positionTicks: 0, playCount: 1, lastPlayed: recent() });
      break;
    case 'old':
      for (const u of watchers) run(u, old());
      break;
    case 'recent':
      watchers.forEach((u, n) => run(u, n === 0 || rng.chance(0.5) ? recent() : old()));
      break;
    case 'partialRecent':
      add(first, { user: primary, played: false, positionTicks: 9_000_000_000, playCount: 0, lastPlayed: recent() });
      break;
    case 'noDate':
      for (const u of watchers) run(u, null);
      break;
    case 'oldAndRecent':
      run(primary, old());
      add(first, played((primary + 1) % users.length, recent(), rng));
      break;
  }
  return out;
}
