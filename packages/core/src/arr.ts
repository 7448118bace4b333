// Radarr / Sonarr items as the product keeps them (RULES.md §9 targets): which *arr item holds a title,
// with what it needs to delete it and, later, to add it back (restore).

export type ArrApp = 'radarr' | 'sonarr';

export interface ArrSeason {
  seasonNumber: number;
  monitored: boolean;
}

export interface ArrItem {
  app: ArrApp;
  /** The item's id in Radarr/Sonarr. */
  arrId: number;
  title: string;
  year: number | null;
  tmdbId: number | null;
  tvdbId: number | null;
  imdbId: string | null;
  qualityProfileId: number;
  rootFolderPath: string;
  path: string | null;
  monitored: boolean;
  tags: number[];
  /** Sonarr only: per-season monitoring. */
  seasons: ArrSeason[];
  sizeOnDisk: number;
}

const key = (value: string | number | null | undefined): string | null =>
  value == null || String(value).trim() === '' || String(value) === '0' ? null : String(value).trim().toLowerCase();

/**
 * Finds the *arr item of a library title: a movie in Radarr by TMDB id, else IMDb; a series in Sonarr
 * by TVDB id, else TMDB (RULES §9 "Targets").
 */
export function buildArrIndex(items: readonly ArrItem[]) {
  const maps = new Map<string, ArrItem>();
  for (const item of items) {
    const entries: [string, string | number | null][] =
      item.app === 'radarr'
        ? [
            ['movie:tmdb', item.tmdbId],
            ['movie:imdb', item.imdbId],
          ]
        : [
            ['series:tvdb', item.tvdbId],
            ['series:tmdb', item.tmdbId],
          ];
    for (const [prefix, value] of entries) {
      const v = key(value);
      if (v !== null && !maps.has(`${prefix}:${v}`)) maps.set(`${prefix}:${v}`, item);
    }
  }
  const get = (prefix: string, value: string | number | null | undefined) => {
    const v = key(value);
    return v === null ? undefined : maps.get(`${prefix}:${v}`);
  };
  return {
    match(title: {
      kind: 'movie' | 'series';
      providerIds: { tmdb?: string | null; tvdb?: string | null; imdb?: string | null };
    }): ArrItem | null {
      const { tmdb, tvdb, imdb } = title.providerIds;
      if (title.kind === 'movie') return get('movie:tmdb', tmdb) ?? get('movie:imdb', imdb) ?? null;
      return get('series:tvdb', tvdb) ?? get('series:tmdb', tmdb) ?? null;
    },
  };
}
