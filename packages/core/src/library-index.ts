// Matches Jellyseerr media to library titles by provider id (RULES.md §5 stale detection, §6 titles).
import type { SeerrMedia } from './model';
import type { TitleFacts } from './facts';

export interface LibraryIndex {
  /** Movie by TMDB id, else IMDb id; series by TMDB id, else TVDB id. */
  match(media: Pick<SeerrMedia, 'mediaType' | 'tmdbId' | 'tvdbId' | 'imdbId'>): TitleFacts | null;
  /** Season numbers holding at least one (non-virtual) library episode of a series. */
  seasonsWithEpisodes(seriesId: string): ReadonlySet<number>;
}

const key = (value: string | number | null | undefined): string | null =>
  value == null || String(value).trim() === '' ? null : String(value).trim().toLowerCase();

function put(map: Map<string, TitleFacts>, value: string | null | undefined, title: TitleFacts): void {
  const k = key(value);
  // First one wins: a duplicate copy of a title must not change which item a request points to.
  if (k !== null && !map.has(k)) map.set(k, title);
}

export function buildLibraryIndex(titles: readonly TitleFacts[]): LibraryIndex {
  const movieByTmdb = new Map<string, TitleFacts>();
  const movieByImdb = new Map<string, TitleFacts>();
  const seriesByTmdb = new Map<string, TitleFacts>();
  const seriesByTvdb = new Map<string, TitleFacts>();
  const seasons = new Map<string, Set<number>>();
  for (const title of titles) {
    if (title.kind === 'movie') {
      put(movieByTmdb, title.providerIds.tmdb, title);
      put(movieByImdb, title.providerIds.imdb, title);
    } else {
      put(seriesByTmdb, title.providerIds.tmdb, title);
      put(seriesByTvdb, title.providerIds.tvdb, title);
      seasons.set(title.id, new Set(title.episodes.flatMap((e) => (e.seasonNumber === null ? [] : [e.seasonNumber]))));
    }
  }
  const find = (map: Map<string, TitleFacts>, value: string | number | null) => {
    const k = key(value);
    return k === null ? undefined : map.get(k);
  };
  return {
    match(media) {
      if (media.mediaType === 'movie')
        return find(movieByTmdb, media.tmdbId) ?? find(movieByImdb, media.imdbId) ?? null;
      return find(seriesByTmdb, media.tmdbId) ?? find(seriesByTvdb, media.tvdbId) ?? null;
    },
    seasonsWithEpisodes: (seriesId) => seasons.get(seriesId) ?? new Set(),
  };
}
