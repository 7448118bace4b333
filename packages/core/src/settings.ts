// Tenant settings (RULES.md): types, defaults and bounds as plain data. The zod schemas in
// packages/contracts are built from SETTINGS_BOUNDS so the limits live in one place.
import type { MediaLibrary } from './model';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export interface Settings {
  oldAfterMonths: number;
  minAgeMonths: number;
  largeMovieGiB: number;
  largeSeasonGiB: number;
  /** ISO 639-2/B codes. */
  requiredAudioLanguages: string[];
  requiredSubtitleLanguages: string[];
  countForcedSubtitles: boolean;
  /** 0 = check every item. */
  languageCheckAddedWithinDays: number;
  showUnreleasedRequests: boolean;
  releaseGraceDays: number;
  recentDays: number;
  /** IANA zone for calendar dates (release dates, "today", grouping by day). */
  timeZone: string;
  /** TMDB language form: `en`, `fr`, `pt-BR`. */
  titleLanguage: string;
  theme: Theme;
  /** Jellyfin user ids whose watch activity is ignored. */
  excludedUsers: string[];
  /** Jellyfin library ids to analyse; null = `defaultIncludedLibraries`. */
  includedLibraries: string[] | null;
  syncHour: number;
  /** Days after expiry when expired whitelist entries are deleted; null = never. */
  purgeExpiredAfterDays: number | null;
  preSyncRefresh: boolean;
  // Cleanup (RULES.md §9).
  /** Default delay between scheduling and execution. */
  leavingSoonDays: number;
  /** Keep a Jellyfin collection equal to the scheduled set. */
  leavingSoonCollection: boolean;
  leavingSoonCollectionName: string;
  /** Without a Radarr/Sonarr item, delete through Jellyfin itself. */
  allowJellyfinDelete: boolean;
  /** After a deletion, clear the Jellyseerr media so it can be requested again. */
  clearJellyseerrMedia: boolean;
  /** Daily cap of executed deletions per tenant. */
  maxDeletionGiBPerDay: number;
  /** Schedule `old` titles automatically (never those with an unknown added date). */
  autoSchedule: boolean;
  /** Stops every execution at once. */
  cleanupPaused: boolean;
  // Notifications (RULES.md §10).
  /** What a household keep request does to its deletion: postpone 30 days, cancel it, or nothing. */
  keepRequestAction: KeepRequestAction;
  /** The weekly digest: day of the week (0 = Sunday … 6) and hour, in `timeZone`. */
  digestDay: number;
  digestHour: number;
  /** Also mail each requester, at their Jellyseerr email, when their title becomes available. */
  notifyRequesters: boolean;
}

export type KeepRequestAction = 'postpone' | 'cancel' | 'none';
export const KEEP_REQUEST_ACTIONS: readonly KeepRequestAction[] = ['postpone', 'cancel', 'none'];
/** How far a keep request pushes the deletion back (RULES §10). */
export const KEEP_REQUEST_POSTPONE_DAYS = 30;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  oldAfterMonths: 4,
  minAgeMonths: 3,
  largeMovieGiB: 13,
  largeSeasonGiB: 15,
  requiredAudioLanguages: ['eng', 'fre'],
  requiredSubtitleLanguages: [],
  countForcedSubtitles: false,
  languageCheckAddedWithinDays: 1500,
  showUnreleasedRequests: false,
  releaseGraceDays: 90,
  recentDays: 7,
  timeZone: 'UTC',
  titleLanguage: 'en',
  theme: 'system',
  excludedUsers: [],
  includedLibraries: null,
  syncHour: 3,
  purgeExpiredAfterDays: null,
  preSyncRefresh: false,
  leavingSoonDays: 14,
  leavingSoonCollection: true,
  leavingSoonCollectionName: 'Leaving soon',
  allowJellyfinDelete: false,
  clearJellyseerrMedia: true,
  maxDeletionGiBPerDay: 2000,
  autoSchedule: false,
  cleanupPaused: false,
  keepRequestAction: 'postpone',
  digestDay: 1,
  digestHour: 9,
  notifyRequesters: false,
} satisfies Settings);

export interface IntegerBounds {
  min: number;
  max: number;
}

/** Inclusive integer bounds of the numeric settings. */
export const SETTINGS_BOUNDS = Object.freeze({
  oldAfterMonths: { min: 1, max: 24 },
  minAgeMonths: { min: 0, max: 12 },
  largeMovieGiB: { min: 1, max: 100 },
  largeSeasonGiB: { min: 1, max: 100 },
  // Not bounded by RULES.md beyond "0 = all"; 36 500 days (100 years) keeps the value meaningful.
  languageCheckAddedWithinDays: { min: 0, max: 36_500 },
  releaseGraceDays: { min: 0, max: 365 },
  recentDays: { min: 1, max: 30 },
  syncHour: { min: 0, max: 23 },
  digestDay: { min: 0, max: 6 },
  digestHour: { min: 0, max: 23 },
  // Not bounded by RULES.md; one to 3650 days (ten years).
  purgeExpiredAfterDays: { min: 1, max: 3650 },
  leavingSoonDays: { min: 0, max: 90 },
  // Not bounded by RULES.md; 1 GiB to 1 PiB a day.
  maxDeletionGiBPerDay: { min: 1, max: 1_048_576 },
} satisfies Record<string, IntegerBounds>);

/** A full settings object from stored (possibly older, partial) settings. */
export function resolveSettings(stored: Partial<Settings> | null | undefined): Settings {
  return {
    ...DEFAULT_SETTINGS,
    requiredAudioLanguages: [...DEFAULT_SETTINGS.requiredAudioLanguages],
    requiredSubtitleLanguages: [...DEFAULT_SETTINGS.requiredSubtitleLanguages],
    excludedUsers: [...DEFAULT_SETTINGS.excludedUsers],
    ...stored,
  };
}

/**
 * Library collection types analysed by default. Jellyfin reports a "mixed movies and shows" library
 * either as `mixed` or without a collection type, depending on the version.
 */
const DEFAULT_COLLECTION_TYPES = new Set(['movies', 'tvshows', 'mixed', '']);

/** Ids of the libraries analysed when `includedLibraries` is null: movies, tvshows and mixed ones. */
export function defaultIncludedLibraries(libraries: readonly MediaLibrary[]): string[] {
  return libraries
    .filter((library) => DEFAULT_COLLECTION_TYPES.has((library.collectionType ?? '').toLowerCase()))
    .map((library) => library.id);
}
