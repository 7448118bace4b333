import { WHITELIST_TYPES, type WhitelistType } from '@mj/contracts';
import type { WhitelistEntry } from '@mj/contracts';

export { WHITELIST_TYPES, type WhitelistType };

export function isWhitelistType(value: string | null | undefined): value is WhitelistType {
  return typeof value === 'string' && (WHITELIST_TYPES as readonly string[]).includes(value);
}

/** Only these types protect titles found by name, so only they offer the pasted-list import. */
export const IMPORTABLE_TYPES: readonly WhitelistType[] = [
  'content',
  'large',
  'language-exempt',
  'original-language-only',
  'subtitles-suffice',
];

/**
 * A date input's value (`YYYY-MM-DD`, a day in the user's calendar) as the API's expiry: the end of that
 * day in UTC, so an entry "until the 3rd" still protects on the 3rd. Empty means permanent (null).
 */
export function expiryFromDateInput(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  return `${trimmed}T23:59:59Z`;
}

/** The `YYYY-MM-DD` a date input shows for a stored expiry, or '' for a permanent entry. */
export function dateInputValue(expiresAt: string | null): string {
  return expiresAt ? expiresAt.slice(0, 10) : '';
}

export type ExpiryState = 'permanent' | 'active' | 'expired';

export function expiryState(entry: Pick<WhitelistEntry, 'expiresAt' | 'expired'>): ExpiryState {
  if (entry.expired) return 'expired';
  return entry.expiresAt ? 'active' : 'permanent';
}

/** `S01E05` for an episode entry, '' otherwise. */
export function episodeLabel(entry: Pick<WhitelistEntry, 'season' | 'episode'>): string {
  if (entry.season === null || entry.episode === null) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `S${pad(entry.season)}E${pad(entry.episode)}`;
}
