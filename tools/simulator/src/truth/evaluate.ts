import { DAY, GiB } from '../core/time';
import type { DateFact, EpisodeFacts, MovieFacts, SeriesFacts, SourceFacts, WatchFacts } from '../data/facts';
import { REQUIRED_AUDIO } from '../data/languages';

/**
 * The RULES.md defaults, applied to the generator's own facts (never to what went on the wire, and
 * never through packages/core): an independent statement of what a correct sync must conclude.
 */
export const DEFAULTS = {
  oldAfterDays: 4 * 30,
  minAgeDays: 3 * 30,
  largeMovieBytes: 13 * GiB,
  largeSeasonBytes: 15 * GiB,
  languageWithinDays: 1500,
  releaseGraceDays: 90,
  recentDays: 7,
} as const;

const YEAR_1900 = Date.UTC(1900, 0, 1);

/** A date counts only when it is a real instant between 1900 and now + 1 day. */
export function validDate(d: DateFact, now: number): number | null {
  return typeof d === 'number' && d >= YEAR_1900 && d <= now + DAY ? d : null;
}

function watchedBy(watch: readonly WatchFacts[]): WatchFacts[] {
  return watch.filter((w) => w.played || w.positionTicks > 0);
}

function newest(dates: (number | null)[]): number | null {
  let best: number | null = null;
  for (const d of dates) if (d !== null && (best === null || d > best)) best = d;
  return best;
}

export function isOld(watch: readonly WatchFacts[], added: number | null, now: number): boolean {
  const watched = watchedBy(watch);
  if (watched.length === 0) return added === null || added <= now - DEFAULTS.minAgeDays * DAY;
  const last = newest(watched.map((w) => validDate(w.lastPlayed, now)));
  return last === null || last < now - DEFAULTS.oldAfterDays * DAY;
}

export function sourcesSize(sources: readonly SourceFacts[]): number | null {
  const known = sources.map((s) => s.sizeBytes).filter((s): s is number => s !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/** Missing-language codes of one item or episode; null when its streams can't be judged. */
export function languageCodes(
  source: SourceFacts | undefined | null,
  added: number | null,
  now: number,
): string[] | null {
  if (added !== null && added < now - DEFAULTS.languageWithinDays * DAY) return [];
  if (!source || source.emptyStreams) return null;
  const audio = new Set(
    source.tracks.filter((t) => t.type === 'Audio' && !t.commentary && t.code !== null).map((t) => t.code),
  );
  return REQUIRED_AUDIO.filter((l) => !audio.has(l)).map((l) => `missing_audio:${l}`);
}

export interface ItemVerdict {
  id: string;
  sizeBytes: number | null;
  old: boolean;
  large: boolean;
  language: string[];
  languageEpisodes?: { id: string; season: number | null; episode: number; codes: string[] }[];
}

/**
 * Jellyseerr's "added" date of the media matching a title (RULES §1 fallback): movies by TMDB, else
 * IMDb; series by TMDB, else TVDB.
 */
export type SeerrAddedLookup = (
  kind: 'movie' | 'tv',
  ids: { tmdb: number | null; other: string | number | null },
) => number | null;

export const NO_SEERR_ADDED: SeerrAddedLookup = () => null;

export function judgeMovie(m: MovieFacts, now: number, seerrAdded: SeerrAddedLookup = NO_SEERR_ADDED): ItemVerdict {
  const size = sourcesSize(m.sources);
  const added = validDate(m.created, now) ?? seerrAdded('movie', { tmdb: m.tmdb, other: m.imdb });
  return {
    id: m.id,
    sizeBytes: size,
    old: isOld(m.watch, added, now),
    large: size !== null && size >= DEFAULTS.largeMovieBytes,
    language: languageCodes(m.sources[0], added, now) ?? [],
  };
}

export function judgeSeries(s: SeriesFacts, now: number, seerrAdded: SeerrAddedLookup = NO_SEERR_ADDED): ItemVerdict {
  const episodes = s.episodes.filter((e) => !e.virtual);
  const buckets = new Map<string, number | null>();
  for (const e of episodes) {
    const key = e.season === null ? 'none' : String(e.season);
    const size = e.source?.sizeBytes ?? null;
    const prev = buckets.get(key) ?? null;
    buckets.set(key, size === null ? prev : (prev ?? 0) + size);
  }
  const known = [...buckets.values()].filter((v): v is number => v !== null);
  // RULES §1: a series' size is the sum over its episodes, so one with none holds 0 bytes.
  const size = episodes.length === 0 ? 0 : known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
  const largestSeason = episodes.length === 0 ? 0 : known.length === 0 ? null : Math.max(...known);
  const added =
    (episodes.length === 0
      ? validDate(s.folderCreated, now)
      : newest(episodes.map((e) => validDate(e.created, now)))) ?? seerrAdded('tv', { tmdb: s.tmdb, other: s.tvdb });
  const problems = episodes.flatMap((e: EpisodeFacts) => {
    const codes = languageCodes(e.source, validDate(e.created, now), now) ?? [];
    return codes.length > 0 ? [{ id: e.id, season: e.season, episode: e.episode, codes }] : [];
  });
  const union = new Set(problems.flatMap((p) => p.codes));
  return {
    id: s.id,
    sizeBytes: size,
    old: isOld(
      episodes.flatMap((e) => e.watch),
      added,
      now,
    ),
    large: largestSeason !== null && largestSeason >= DEFAULTS.largeSeasonBytes,
    language: REQUIRED_AUDIO.map((l) => `missing_audio:${l}`).filter((c) => union.has(c)),
    languageEpisodes: problems,
  };
}
