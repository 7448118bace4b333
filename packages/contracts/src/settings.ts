import {
  KEEP_REQUEST_ACTIONS,
  SETTINGS_BOUNDS,
  WEEKDAYS,
  THEMES,
  type IntegerBounds,
  type KeepRequestAction,
} from '@mj/core';
import { z } from 'zod';

const bounded = (field: string, { min, max }: IntegerBounds) =>
  z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be between ${min} and ${max}`)
    .max(max, `${field} must be between ${min} and ${max}`);

const B = SETTINGS_BOUNDS;
const LanguageList = z.array(z.string().trim().min(1).max(50)).max(50);

export const SettingsResponse = z.object({
  oldAfterMonths: z.number().int(),
  minAgeMonths: z.number().int(),
  largeMovieGiB: z.number().int(),
  largeSeasonGiB: z.number().int(),
  requiredAudioLanguages: z.array(z.string()),
  requiredSubtitleLanguages: z.array(z.string()),
  countForcedSubtitles: z.boolean(),
  languageCheckAddedWithinDays: z.number().int(),
  showUnreleasedRequests: z.boolean(),
  releaseGraceDays: z.number().int(),
  recentDays: z.number().int(),
  timeZone: z.string(),
  titleLanguage: z.string(),
  theme: z.enum(THEMES as [string, ...string[]]),
  excludedUsers: z.array(z.string()),
  includedLibraries: z.array(z.string()).nullable(),
  syncHour: z.number().int(),
  purgeExpiredAfterDays: z.number().int().nullable(),
  preSyncRefresh: z.boolean(),
  leavingSoonDays: z.number().int(),
  leavingSoonCollection: z.boolean(),
  leavingSoonCollectionName: z.string(),
  allowJellyfinDelete: z.boolean(),
  clearJellyseerrMedia: z.boolean(),
  maxDeletionGiBPerDay: z.number().int(),
  autoSchedule: z.boolean(),
  cleanupPaused: z.boolean(),
  keepRequestAction: z.enum(KEEP_REQUEST_ACTIONS as [KeepRequestAction, ...KeepRequestAction[]]),
  digestDay: z.number().int(),
  digestHour: z.number().int(),
  notifyRequesters: z.boolean(),
});
export type SettingsResponse = z.infer<typeof SettingsResponse>;

/**
 * A partial update. Languages accept every code form streams use (stored as ISO 639-2/B; an unknown
 * code is a 400), `timeZone` must be an IANA zone known to the runtime.
 */
export const SettingsPatch = z
  .object({
    oldAfterMonths: bounded('oldAfterMonths', B.oldAfterMonths),
    minAgeMonths: bounded('minAgeMonths', B.minAgeMonths),
    largeMovieGiB: bounded('largeMovieGiB', B.largeMovieGiB),
    largeSeasonGiB: bounded('largeSeasonGiB', B.largeSeasonGiB),
    requiredAudioLanguages: LanguageList,
    requiredSubtitleLanguages: LanguageList,
    countForcedSubtitles: z.boolean(),
    languageCheckAddedWithinDays: bounded('languageCheckAddedWithinDays', B.languageCheckAddedWithinDays),
    showUnreleasedRequests: z.boolean(),
    releaseGraceDays: bounded('releaseGraceDays', B.releaseGraceDays),
    recentDays: bounded('recentDays', B.recentDays),
    timeZone: z.string().trim().min(1).max(100),
    titleLanguage: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'titleLanguage must be a TMDB language such as en, fr or pt-BR'),
    theme: z.enum(THEMES as [string, ...string[]]),
    excludedUsers: z.array(z.string().min(1).max(100)).max(500),
    includedLibraries: z.array(z.string().min(1).max(100)).max(500).nullable(),
    syncHour: bounded('syncHour', B.syncHour),
    purgeExpiredAfterDays: bounded('purgeExpiredAfterDays', B.purgeExpiredAfterDays).nullable(),
    preSyncRefresh: z.boolean(),
    leavingSoonDays: bounded('leavingSoonDays', B.leavingSoonDays),
    leavingSoonCollection: z.boolean(),
    leavingSoonCollectionName: z.string().trim().min(1, 'leavingSoonCollectionName is required').max(100),
    allowJellyfinDelete: z.boolean(),
    clearJellyseerrMedia: z.boolean(),
    maxDeletionGiBPerDay: bounded('maxDeletionGiBPerDay', B.maxDeletionGiBPerDay),
    autoSchedule: z.boolean(),
    cleanupPaused: z.boolean(),
    keepRequestAction: z.enum(KEEP_REQUEST_ACTIONS as [KeepRequestAction, ...KeepRequestAction[]]),
    // 0 (Sunday) to 6, or the day's English name.
    digestDay: z.union([
      bounded('digestDay', B.digestDay),
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.enum(WEEKDAYS, { error: 'digestDay must be 0-6 or a day name such as monday' }))
        .transform((d) => WEEKDAYS.indexOf(d)),
    ]),
    digestHour: bounded('digestHour', B.digestHour),
    notifyRequesters: z.boolean(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** The Jellyfin libraries of the last successful sync, for choosing `includedLibraries`. */
export const MediaLibraryList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), collectionType: z.string().nullable() })),
});
export type MediaLibraryList = z.infer<typeof MediaLibraryList>;
