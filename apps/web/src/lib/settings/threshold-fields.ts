import { SETTINGS_BOUNDS, type IntegerBounds } from '@mj/contracts';
import type { SettingsPatch } from '@mj/contracts';

/** The numeric settings edited on the analysis page, with the API's own bounds (one source of truth). */
export const THRESHOLD_FIELDS = [
  'oldAfterMonths',
  'minAgeMonths',
  'largeMovieGiB',
  'largeSeasonGiB',
  'releaseGraceDays',
  'languageCheckAddedWithinDays',
  'purgeExpiredAfterDays',
] as const satisfies readonly (keyof typeof SETTINGS_BOUNDS)[];
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number];

export function boundsOf(field: keyof typeof SETTINGS_BOUNDS): IntegerBounds {
  return SETTINGS_BOUNDS[field];
}

/**
 * A form value as the API expects it. Out-of-range and non-integer numbers are sent as typed so the API
 * (the only validator) answers with its field error; text that is not a number at all is sent as text
 * for the same reason, rather than silently becoming 0.
 */
export function formNumber(raw: string): number | string {
  const trimmed = raw.trim();
  if (trimmed === '') return trimmed;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** `purgeExpiredAfterDays` is optional: an empty field means "never purge" (null). */
const NULLABLE_WHEN_EMPTY = new Set<string>(['purgeExpiredAfterDays']);

/** Builds the PATCH body for the given numeric fields plus the checkboxes present in `booleans`. */
export function thresholdPatch(
  data: FormData,
  fields: readonly (keyof typeof SETTINGS_BOUNDS)[],
  booleans: readonly string[] = [],
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = data.get(field);
    if (typeof raw !== 'string') continue;
    patch[field] = raw.trim() === '' && NULLABLE_WHEN_EMPTY.has(field) ? null : formNumber(raw);
  }
  // An unchecked checkbox is absent from the form data: that is its "false".
  for (const name of booleans) patch[name] = data.get(name) === 'on';
  return patch;
}

/** The values the form shows back after a failed save: what the user typed, not the stored settings. */
export function echoValues(data: FormData, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const raw = data.get(field);
    if (typeof raw === 'string') values[field] = raw;
  }
  return values;
}

export type { SettingsPatch };
