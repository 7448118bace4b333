// Whitelists (RULES.md §7). An entry remembers the item's Jellyfin id AND its provider ids, so that
// protection survives a re-download that gives the item a new Jellyfin id. Matching is kind-aware:
// TMDB reuses numbers across movies and TV, so a movie with TMDB 1399 is not the series with TMDB 1399.
import type { Ms, ProviderIds, SeerrRequest } from './model';
import { DAY_MS } from './dates';

export type WhitelistType =
  | 'content'
  | 'large'
  | 'language-exempt'
  | 'original-language-only'
  | 'subtitles-suffice'
  | 'episode-exempt'
  | 'request';

export const WHITELIST_TYPES: readonly WhitelistType[] = [
  'content',
  'large',
  'language-exempt',
  'original-language-only',
  'subtitles-suffice',
  'episode-exempt',
  'request',
];

/** Types whose entries protect a movie or a series. */
export type TitleWhitelistType = Exclude<WhitelistType, 'episode-exempt' | 'request'>;

export type WhitelistKind = 'movie' | 'series' | 'episode' | 'request';

/** `original-language-only` without languages means the original script's "French only". */
export const DEFAULT_ORIGINAL_LANGUAGES: readonly string[] = ['fre'];

export interface WhitelistEntry {
  id: string;
  type: WhitelistType;
  /** movie/series for title entries, episode for episode-exempt, request for request entries. */
  kind: WhitelistKind;
  /** The item's Jellyfin id (episode-exempt: the episode's). Null for request entries. */
  jellyfinId: string | null;
  /** The item's provider ids (episode-exempt: the series' ones). */
  providerIds: ProviderIds;
  /** Title at creation, shown even when the item has left the library. */
  title: string;
  /** episode-exempt: the series' Jellyfin id and the episode's position. */
  seriesJellyfinId?: string | null;
  seasonNumber?: number | null;
  episodeNumber?: number | null;
  /** request entries. */
  requestId?: number | null;
  tmdbId?: number | null;
  mediaType?: 'movie' | 'tv' | null;
  /** original-language-only: ISO 639-2/B codes; null or empty = DEFAULT_ORIGINAL_LANGUAGES. */
  languages?: string[] | null;
  /** Null = permanent. */
  expiresAt: Ms | null;
  createdAt: Ms;
}

/** Active iff permanent or expiring strictly after `now`. */
export function isActive(entry: Pick<WhitelistEntry, 'expiresAt'>, now: Ms): boolean {
  return entry.expiresAt === null || entry.expiresAt > now;
}

/** A new or changed expiry must be null (permanent) or in the future. */
export function isValidExpiry(expiresAt: Ms | null, now: Ms): boolean {
  return expiresAt === null || (Number.isFinite(expiresAt) && expiresAt > now);
}

/** The languages an original-language-only entry allows. */
export function originalLanguagesOf(entry: Pick<WhitelistEntry, 'languages'>): readonly string[] {
  return entry.languages && entry.languages.length > 0 ? entry.languages : DEFAULT_ORIGINAL_LANGUAGES;
}

// ---- keys --------------------------------------------------------------------------------------

const PROVIDERS = ['tmdb', 'tvdb', 'imdb'] as const;

/** Provider id values compare trimmed and case-insensitively (IMDb ids arrive as tt…/TT…). */
function providerKeys(ids: ProviderIds): string[] {
  const keys: string[] = [];
  for (const provider of PROVIDERS) {
    const value = ids[provider];
    if (value != null && String(value).trim() !== '') keys.push(`${provider}:${String(value).trim().toLowerCase()}`);
  }
  return keys;
}

/** Keys identifying a movie or series: its Jellyfin id and each provider id, all scoped by kind. */
function titleKeys(kind: string, jellyfinId: string | null, providerIds: ProviderIds): string[] {
  const keys = providerKeys(providerIds).map((key) => `${kind}|${key}`);
  if (jellyfinId) keys.push(`${kind}|jf:${jellyfinId}`);
  return keys;
}

function episodeKeys(entry: WhitelistEntry): string[] {
  const keys = entry.jellyfinId ? [`ep|jf:${entry.jellyfinId}`] : [];
  if (entry.seasonNumber == null || entry.episodeNumber == null) return keys;
  const position = `${entry.seasonNumber}x${entry.episodeNumber}`;
  for (const key of titleKeys('series', entry.seriesJellyfinId ?? null, entry.providerIds))
    keys.push(`ep|${key}|${position}`);
  return keys;
}

function requestKeys(
  requestId: number | null | undefined,
  tmdbId: number | null | undefined,
  mediaType: string | null | undefined,
): string[] {
  const keys: string[] = [];
  if (requestId != null) keys.push(`req|id:${requestId}`);
  if (tmdbId != null && mediaType) keys.push(`req|${mediaType}|tmdb:${tmdbId}`);
  return keys;
}

/** Every key under which an entry matches items. */
export function entryKeys(entry: WhitelistEntry): string[] {
  if (entry.type === 'request') return requestKeys(entry.requestId, entry.tmdbId, entry.mediaType);
  if (entry.type === 'episode-exempt') return episodeKeys(entry);
  return titleKeys(entry.kind, entry.jellyfinId, entry.providerIds);
}

// ---- matcher -----------------------------------------------------------------------------------

export interface TitleRef {
  kind: 'movie' | 'series';
  id: string;
  providerIds: ProviderIds;
}

export interface EpisodeRef {
  id: string;
  seasonNumber: number | null;
  episodeNumber: number | null;
}

export interface WhitelistMatcher {
  /** The active entries of a title type matching this movie or series. */
  matchTitle(type: TitleWhitelistType, title: TitleRef): WhitelistEntry[];
  has(type: TitleWhitelistType, title: TitleRef): boolean;
  /** Languages allowed by the title's active original-language-only entries; null = none applies. */
  originalLanguages(title: TitleRef): string[] | null;
  isEpisodeExempt(series: TitleRef, episode: EpisodeRef): boolean;
  isRequestHidden(request: Pick<SeerrRequest, 'id' | 'type'> & { media: { tmdbId: number | null } }): boolean;
}

/** Builds the matcher once per evaluation: only entries active at `now`, indexed by type and key. */
export function buildWhitelistMatcher(entries: readonly WhitelistEntry[], now: Ms): WhitelistMatcher {
  const index = new Map<string, WhitelistEntry[]>();
  for (const entry of entries) {
    if (!isActive(entry, now)) continue;
    for (const key of entryKeys(entry)) {
      const fullKey = `${entry.type}#${key}`;
      const list = index.get(fullKey);
      if (list) list.push(entry);
      else index.set(fullKey, [entry]);
    }
  }
  const lookup = (type: WhitelistType, keys: readonly string[]): WhitelistEntry[] => {
    const found = new Set<WhitelistEntry>();
    for (const key of keys) for (const entry of index.get(`${type}#${key}`) ?? []) found.add(entry);
    return [...found];
  };

  const matchTitle = (type: TitleWhitelistType, title: TitleRef) =>
    lookup(type, titleKeys(title.kind, title.id, title.providerIds));

  return {
    matchTitle,
    has: (type, title) => matchTitle(type, title).length > 0,
    originalLanguages(title) {
      const matched = matchTitle('original-language-only', title);
      if (matched.length === 0) return null;
      return [...new Set(matched.flatMap((entry) => originalLanguagesOf(entry)))];
    },
    isEpisodeExempt(series, episode) {
      const keys = [`ep|jf:${episode.id}`];
      if (episode.seasonNumber != null && episode.episodeNumber != null) {
        const position = `${episode.seasonNumber}x${episode.episodeNumber}`;
        for (const key of titleKeys('series', series.id, series.providerIds)) keys.push(`ep|${key}|${position}`);
      }
      return lookup('episode-exempt', keys).length > 0;
    },
    isRequestHidden(request) {
      return lookup('request', requestKeys(request.id, request.media.tmdbId, request.type)).length > 0;
    },
  };
}

// ---- duplicates and purge ----------------------------------------------------------------------

export type DuplicateCheck =
  | { outcome: 'none' }
  /** An active entry already covers the item: the API answers 409. */
  | { outcome: 'conflict'; entry: WhitelistEntry }
  /** Only expired entries cover it: the new entry replaces them. */
  | { outcome: 'replace'; entries: WhitelistEntry[] };

/** Looks for entries of the same type that match the same item as `candidate`. */
export function findDuplicate(entries: readonly WhitelistEntry[], candidate: WhitelistEntry, now: Ms): DuplicateCheck {
  const candidateKeys = new Set(entryKeys(candidate));
  const expired: WhitelistEntry[] = [];
  for (const entry of entries) {
    if (entry.type !== candidate.type || entry.id === candidate.id) continue;
    if (!entryKeys(entry).some((key) => candidateKeys.has(key))) continue;
    if (isActive(entry, now)) return { outcome: 'conflict', entry };
    expired.push(entry);
  }
  return expired.length > 0 ? { outcome: 'replace', entries: expired } : { outcome: 'none' };
}

/**
 * Entries expired for at least `purgeExpiredAfterDays` days (expiry at or before the cutoff) are purged;
 * null when the setting is null (never). The database deletes by the cutoff, so a paged list never has
 * to load every entry to decide.
 */
export function purgeCutoff(now: Ms, purgeExpiredAfterDays: number | null): Ms | null {
  return purgeExpiredAfterDays === null ? null : now - purgeExpiredAfterDays * DAY_MS;
}
