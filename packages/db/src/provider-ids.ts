import type { ProviderIds } from '@mj/core';

// Core `providerIds` <-> the three text columns of the `providerIds` column set (schema/columns.ts).

/** For a write: an absent id is stored as null. */
export function providerIdColumns(ids: ProviderIds) {
  return { tmdbId: ids.tmdb ?? null, tvdbId: ids.tvdb ?? null, imdbId: ids.imdb ?? null };
}

/** For a read: a row's provider id columns as core `providerIds`. */
export function providerIdsOf(row: {
  tmdbId: string | null;
  tvdbId: string | null;
  imdbId: string | null;
}): Required<ProviderIds> {
  return { tmdb: row.tmdbId, tvdb: row.tvdbId, imdb: row.imdbId };
}
