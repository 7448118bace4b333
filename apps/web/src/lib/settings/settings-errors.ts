import { FieldError } from '@mj/contracts';
import { translateByPattern, type MessagePattern, type Translate } from '$lib/i18n';

// The API words its settings errors in English with the field name first ("largeMovieGiB must be between
// 1 and 100"); these patterns turn them into sentences about the field the user is looking at.
const PATTERNS: readonly MessagePattern[] = [
  [/must be between (-?\d+) and (-?\d+)/, 'settingsError.between', (m) => ({ min: m[1] ?? '', max: m[2] ?? '' })],
  [/must be a whole number/, 'settingsError.wholeNumber', () => ({})],
  [/must be a number|expected number/i, 'settingsError.number', () => ({})],
  [/unknown language/i, 'settingsError.unknownLanguage', () => ({})],
  [/time ?zone/i, 'settingsError.timeZone', () => ({})],
];

export function translateSettingsMessage(message: string, t: Translate): string {
  return translateByPattern(message, PATTERNS, t);
}

/** `body.largeMovieGiB`, `/largeMovieGiB` and `requiredAudioLanguages.0` all name their settings field. */
function settingsField(path: string): string {
  const parts = path.split(/[./]/).filter((part) => part && part !== 'body' && !/^\d+$/.test(part));
  return parts[0] ?? path;
}

/** Per-field messages from a 400's `details` (`[{ field, message }]`); the first message per field wins. */
export function settingsFieldErrors(details: unknown, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(details)) return errors;
  for (const detail of details) {
    const parsed = FieldError.safeParse(detail);
    if (!parsed.success) continue;
    errors[settingsField(parsed.data.field)] ??= translateSettingsMessage(parsed.data.message, t);
  }
  return errors;
}
