// The library model a sync produces (RULES.md §1) and the Jellyseerr request model (§5, §6).
// Everything here is plain data: dates are epoch milliseconds (`Ms`), parsed once by the mappers in
// packages/media; validity against `now` (sentinels, future dates) is judged by the rules, not here.

export type Ms = number;

export interface ProviderIds {
  tmdb?: string | null;
  tvdb?: string | null;
  imdb?: string | null;
}

/**
 * Languages of the default (first) media source, already normalised to ISO 639-2/B by
 * `normaliseLanguage`; unknown codes are dropped, commentary audio tracks are excluded.
 * `null` on the item means "cannot be judged" (no media source or an empty stream list).
 */
export interface StreamFacts {
  audio: string[];
  /** Non-forced subtitle languages (hearing-impaired ones included). */
  subtitles: string[];
  /** Forced subtitle languages: they count only when the tenant sets `countForcedSubtitles`. */
  forcedSubtitles: string[];
}

/**
 * One media source (version) of an item with several: its name on the server ("Film - 2160p") and its
 * size (null when unknown). Items with a single source keep none: their size is the item's.
 */
export interface MediaVersion {
  name: string | null;
  sizeBytes: number | null;
}

/** What a movie and a series share: the title a person picks from the library. */
export interface LibraryTitleFields {
  id: string;
  name: string;
  year: number | null;
  libraryId: string | null;
  providerIds: ProviderIds;
  /** DateCreated (on a series, its folder's own: the fallback only when it has no non-virtual episodes). */
  addedAt: Ms | null;
}

/** What a movie and an episode share: the files on disk. */
export interface LibraryVideoFields {
  /** Sum of the known sizes of its media sources; null when none is known. */
  sizeBytes: number | null;
  streams: StreamFacts | null;
  /** Set only with two or more versions (the title page lists them); the rules never read it. */
  versions?: MediaVersion[] | null;
}

export interface LibraryMovie extends LibraryTitleFields, LibraryVideoFields {
  kind: 'movie';
}

export interface LibrarySeries extends LibraryTitleFields {
  kind: 'series';
}

export interface LibraryEpisode extends LibraryVideoFields {
  kind: 'episode';
  id: string;
  seriesId: string;
  name: string;
  /** ParentIndexNumber; null forms its own season bucket. */
  seasonNumber: number | null;
  /** IndexNumber. */
  episodeNumber: number | null;
  libraryId: string | null;
  addedAt: Ms | null;
  /**
   * Placeholder ("missing", `LocationType=Virtual`) episode. Mappers may drop them instead; the rules
   * ignore them either way.
   */
  virtual?: boolean;
}

export type LibraryItem = LibraryMovie | LibrarySeries | LibraryEpisode;

export interface JellyfinUser {
  id: string;
  name: string;
}

/** One user's UserData for one item, as returned by the IsPlayed / IsResumable passes. */
export interface WatchRecord {
  userId: string;
  itemId: string;
  played: boolean;
  playbackPositionTicks: number;
  playCount: number;
  lastPlayedAt: Ms | null;
}

/** A Jellyfin library (virtual folder); `collectionType` is e.g. movies, tvshows, mixed, music. */
export interface MediaLibrary {
  id: string;
  name: string;
  collectionType: string | null;
}

export interface Library {
  /** The server's libraries, used for the default `includedLibraries`; absent = analyse every item. */
  libraries?: MediaLibrary[];
  movies: LibraryMovie[];
  series: LibrarySeries[];
  episodes: LibraryEpisode[];
  users: JellyfinUser[];
  watches: WatchRecord[];
}

// ---- Jellyseerr ------------------------------------------------------------------------------

/** Request status: 1 pending, 2 approved, 3 declined, 4 failed, 5 completed. */
export type RequestStatus = 1 | 2 | 3 | 4 | 5;
/** Media status: 1 unknown, 2 pending, 3 processing, 4 partially available, 5 available, 6 blocklisted, 7 deleted. */
export type MediaStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface MediaSeasonStatus {
  seasonNumber: number;
  status: MediaStatus;
  status4k: MediaStatus;
}

export interface SeerrMedia {
  id: number;
  mediaType: 'movie' | 'tv';
  tmdbId: number | null;
  tvdbId: number | null;
  imdbId: string | null;
  status: MediaStatus;
  status4k: MediaStatus;
  mediaAddedAt: Ms | null;
  /** Per-season status (from /media or /request/{id}); empty for movies. */
  seasons: MediaSeasonStatus[];
}

export interface SeerrUser {
  id: number;
  displayName: string | null;
  jellyfinUserId: string | null;
  /** Jellyseerr account email (optional in fixtures): where requesters hear their title arrived. */
  email?: string | null;
}

/** Title and release data from /movie/{id} or /tv/{id}; null fields when enrichment failed. */
export interface SeerrTitleInfo {
  title: string | null;
  originalTitle: string | null;
  /** Movie releaseDate or TV firstAirDate, `YYYY-MM-DD`. */
  releaseDate: string | null;
  /** TV only: airDate per season, `YYYY-MM-DD`. */
  seasonAirDates: { seasonNumber: number; airDate: string | null }[];
}

export interface SeerrRequest {
  id: number;
  type: 'movie' | 'tv';
  status: RequestStatus;
  is4k: boolean;
  createdAt: Ms | null;
  updatedAt: Ms | null;
  requestedBy: SeerrUser | null;
  /** Requested season numbers (TV); empty = every season > 0 known to the media. */
  seasons: number[];
  media: SeerrMedia;
  info: SeerrTitleInfo | null;
}
