// RULES.md §1 "Added": when Jellyfin gives no usable date (movie/episode `DateCreated` missing or a
// sentinel), the matched Jellyseerr media's `mediaAddedAt` is used. Matching is by provider id, the
// same way requests are matched to the library (movie: TMDB, else IMDb; series: TMDB, else TVDB).
import { validDateOrNull } from './dates';
import type { Ms, ProviderIds, SeerrMedia } from './model';

export interface AddedFallback {
  /** The Jellyseerr "added" date for a title, or null when no media matches or it has none. */
  addedAt(title: { kind: 'movie' | 'series'; providerIds: ProviderIds }): Ms | null;
}

const key = (value: string | number | null | undefined): string | null =>
  value == null || String(value).trim() === '' ? null : String(value).trim().toLowerCase();

export const NO_ADDED_FALLBACK: AddedFallback = { addedAt: () => null };

export function buildAddedFallback(
  media: readonly Pick<SeerrMedia, 'mediaType' | 'tmdbId' | 'tvdbId' | 'imdbId' | 'mediaAddedAt'>[],
  now: Ms,
): AddedFallback {
  const byKey = new Map<string, Ms>();
  const put = (prefix: string, value: string | number | null, at: Ms) => {
    const k = key(value);
    if (k === null) return;
    const existing = byKey.get(`${prefix}:${k}`);
    // Several requests can share one media: they carry the same date; keep the newest if not.
    if (existing === undefined || at > existing) byKey.set(`${prefix}:${k}`, at);
  };
  for (const m of media) {
    const at = validDateOrNull(m.mediaAddedAt, now);
    if (at === null) continue;
    if (m.mediaType === 'movie') {
      put('movie:tmdb', m.tmdbId, at);
      put('movie:imdb', m.imdbId, at);
    } else {
      put('tv:tmdb', m.tmdbId, at);
      put('tv:tvdb', m.tvdbId, at);
    }
  }
  if (byKey.size === 0) return NO_ADDED_FALLBACK;
  const find = (prefix: string, value: string | null | undefined) => {
    const k = key(value);
    return k === null ? undefined : byKey.get(`${prefix}:${k}`);
  };
  return {
    addedAt({ kind, providerIds }) {
      const found =
        kind === 'movie'
          ? (find('movie:tmdb', providerIds.tmdb) ?? find('movie:imdb', providerIds.imdb))
          : (find('tv:tmdb', providerIds.tmdb) ?? find('tv:tvdb', providerIds.tvdb));
      return found ?? null;
    },
  };
}
