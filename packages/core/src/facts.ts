// Per-title facts derived from a synced library (RULES.md §1). Everything the analyses need is computed
// here once per sync, in one pass over each collection (maps, never nested scans: 170k items and 20
// users must stay fast), so that settings and whitelist changes re-evaluate cheaply at read time.
import type { Library, LibraryEpisode, Ms, ProviderIds, StreamFacts, WatchRecord } from './model';
import { validDateOrNull } from './dates';
import { defaultIncludedLibraries } from './settings';
import { sumKnownSizes } from './sizes';
import { NO_ADDED_FALLBACK, type AddedFallback } from './added-fallback';

export interface Watcher {
  id: string;
  name: string;
}

export interface EpisodeFacts {
  id: string;
  name: string;
  seasonNumber: number | null;
  episodeNumber: number | null;
  /** Valid DateCreated, else null. */
  addedAt: Ms | null;
  sizeBytes: number | null;
  streams: StreamFacts | null;
}

export interface TitleFacts {
  id: string;
  kind: 'movie' | 'series';
  name: string;
  year: number | null;
  libraryId: string | null;
  providerIds: ProviderIds;
  /** The whole item: a movie's versions, or every episode of a series (specials included). */
  sizeBytes: number | null;
  /** Series only: the largest season bucket; null for movies and when no size is known. */
  largestSeasonBytes: number | null;
  /** Movie: valid DateCreated. Series: "last media added" (newest valid episode DateCreated). */
  addedAt: Ms | null;
  watched: boolean;
  watchedBy: Watcher[];
  lastWatchedAt: Ms | null;
  playCount: number;
  /** Movie streams; null for series (see `episodes`) and for movies that cannot be judged. */
  streams: StreamFacts | null;
  /** Series: its non-virtual episodes, by season then episode number. Empty for movies. */
  episodes: EpisodeFacts[];
}

export interface FactsSettings {
  excludedUsers: readonly string[];
  includedLibraries: readonly string[] | null;
}

/** Watch activity of one item, merged over the users that count. */
interface ItemWatch {
  /** userId → that user's record; one user can be returned by both the IsPlayed and IsResumable passes. */
  byUser: Map<string, { playCount: number; lastPlayedAt: Ms | null }>;
}

function isWatched(record: WatchRecord): boolean {
  return record.played || record.playbackPositionTicks > 0;
}

function indexWatches(records: readonly WatchRecord[], excluded: ReadonlySet<string>, now: Ms): Map<string, ItemWatch> {
  const byItem = new Map<string, ItemWatch>();
  for (const record of records) {
    if (!isWatched(record) || excluded.has(record.userId)) continue;
    let item = byItem.get(record.itemId);
    if (!item) {
      item = { byUser: new Map() };
      byItem.set(record.itemId, item);
    }
    const lastPlayedAt = validDateOrNull(record.lastPlayedAt, now);
    const previous = item.byUser.get(record.userId);
    item.byUser.set(record.userId, {
      playCount: Math.max(previous?.playCount ?? 0, record.playCount || 0),
      lastPlayedAt: newest(previous?.lastPlayedAt ?? null, lastPlayedAt),
    });
  }
  return byItem;
}

function newest(a: Ms | null, b: Ms | null): Ms | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

interface WatchSummary {
  watched: boolean;
  watchedBy: Watcher[];
  lastWatchedAt: Ms | null;
  playCount: number;
}

/** One collator for every title: `localeCompare` with options builds a new one per call (~1 s at `large`). */
const byUserName = new Intl.Collator(undefined, { sensitivity: 'base' });

function summarise(watches: readonly (ItemWatch | undefined)[], userNames: ReadonlyMap<string, string>): WatchSummary {
  const users = new Set<string>();
  let lastWatchedAt: Ms | null = null;
  let playCount = 0;
  for (const watch of watches) {
    if (!watch) continue;
    for (const [userId, record] of watch.byUser) {
      users.add(userId);
      lastWatchedAt = newest(lastWatchedAt, record.lastPlayedAt);
      playCount += record.playCount;
    }
  }
  const watchedBy = [...users]
    .map((id) => ({ id, name: userNames.get(id) ?? id }))
    .sort((a, b) => byUserName.compare(a.name, b.name) || a.id.localeCompare(b.id));
  return { watched: users.size > 0, watchedBy, lastWatchedAt, playCount };
}

/** Library filter: null = every item; otherwise items of the listed libraries only. */
export function includedLibraryIds(library: Library, settings: FactsSettings): ReadonlySet<string> | null {
  if (settings.includedLibraries) return new Set(settings.includedLibraries);
  return library.libraries ? new Set(defaultIncludedLibraries(library.libraries)) : null;
}

function compareEpisodes(a: EpisodeFacts, b: EpisodeFacts): number {
  // Episodes without numbers sort last so S01E01 stays first.
  const season = (a.seasonNumber ?? Infinity) - (b.seasonNumber ?? Infinity);
  if (season !== 0 && !Number.isNaN(season)) return season;
  const episode = (a.episodeNumber ?? Infinity) - (b.episodeNumber ?? Infinity);
  if (episode !== 0 && !Number.isNaN(episode)) return episode;
  return a.id.localeCompare(b.id);
}

function toEpisodeFacts(episode: LibraryEpisode, now: Ms): EpisodeFacts {
  return {
    id: episode.id,
    name: episode.name,
    seasonNumber: episode.seasonNumber,
    episodeNumber: episode.episodeNumber,
    addedAt: validDateOrNull(episode.addedAt, now),
    sizeBytes: episode.sizeBytes,
    streams: episode.streams,
  };
}

/** Size of the largest season bucket; episodes without a season number form their own bucket. */
export function largestSeasonBytes(episodes: readonly EpisodeFacts[]): number | null {
  const buckets = new Map<number | null, (number | null)[]>();
  for (const episode of episodes) {
    const bucket = buckets.get(episode.seasonNumber);
    if (bucket) bucket.push(episode.sizeBytes);
    else buckets.set(episode.seasonNumber, [episode.sizeBytes]);
  }
  let largest: number | null = null;
  for (const sizes of buckets.values()) {
    const size = sumKnownSizes(sizes);
    if (size !== null && (largest === null || size > largest)) largest = size;
  }
  return largest;
}

/**
 * Derives the facts of every movie and series in the included libraries. `addedFallback` supplies
 * Jellyseerr's "added" date for titles whose Jellyfin date stays unknown (RULES §1).
 */
export function deriveTitleFacts(
  library: Library,
  settings: FactsSettings,
  now: Ms,
  addedFallback: AddedFallback = NO_ADDED_FALLBACK,
): TitleFacts[] {
  const included = includedLibraryIds(library, settings);
  const isIncluded = (libraryId: string | null) => included === null || (libraryId !== null && included.has(libraryId));
  const watches = indexWatches(library.watches, new Set(settings.excludedUsers), now);
  const userNames = new Map(library.users.map((user) => [user.id, user.name]));

  const episodesBySeries = new Map<string, LibraryEpisode[]>();
  for (const episode of library.episodes) {
    if (episode.virtual) continue;
    const list = episodesBySeries.get(episode.seriesId);
    if (list) list.push(episode);
    else episodesBySeries.set(episode.seriesId, [episode]);
  }

  const titles: TitleFacts[] = [];
  for (const movie of library.movies) {
    if (!isIncluded(movie.libraryId)) continue;
    titles.push({
      id: movie.id,
      kind: 'movie',
      name: movie.name,
      year: movie.year,
      libraryId: movie.libraryId,
      providerIds: movie.providerIds,
      sizeBytes: movie.sizeBytes,
      largestSeasonBytes: null,
      addedAt: validDateOrNull(movie.addedAt, now) ?? addedFallback.addedAt(movie),
      ...summarise([watches.get(movie.id)], userNames),
      streams: movie.streams,
      episodes: [],
    });
  }

  for (const series of library.series) {
    if (!isIncluded(series.libraryId)) continue;
    const raw = episodesBySeries.get(series.id) ?? [];
    const episodes = raw.map((episode) => toEpisodeFacts(episode, now)).sort(compareEpisodes);
    let addedAt: Ms | null = null;
    for (const episode of episodes) addedAt = newest(addedAt, episode.addedAt);
    // Only a series without any episode falls back to its folder date: an episode with an unknown
    // date keeps the series' "last media added" unknown rather than borrowing an older folder date.
    if (episodes.length === 0) addedAt = validDateOrNull(series.addedAt, now);
    addedAt ??= addedFallback.addedAt({ kind: 'series', providerIds: series.providerIds });
    titles.push({
      id: series.id,
      kind: 'series',
      name: series.name,
      year: series.year,
      libraryId: series.libraryId,
      providerIds: series.providerIds,
      // §1: the sum over its episodes, so a series with none holds 0 bytes (not "unknown").
      sizeBytes: episodes.length === 0 ? 0 : sumKnownSizes(episodes.map((episode) => episode.sizeBytes)),
      largestSeasonBytes: episodes.length === 0 ? 0 : largestSeasonBytes(episodes),
      addedAt,
      ...summarise(
        raw.map((episode) => watches.get(episode.id)),
        userNames,
      ),
      streams: null,
      episodes,
    });
  }
  return titles;
}
