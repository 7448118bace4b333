// Date handling for the rules (RULES.md conventions). Jellyfin and Jellyseerr send ISO dates with 0–7
// fractional digits (.NET ticks give 7), sometimes without a zone; servers also send sentinel dates such
// as 0001-01-01, which must read as "unknown" rather than as a very old real date.
import type { Ms } from './model';

export const DAY_MS = 86_400_000;
/** A rule "month" is 30 days (RULES.md conventions). */
export const MONTH_MS = 30 * DAY_MS;
export const MIN_VALID_DATE_MS: Ms = Date.UTC(1900, 0, 1);
/**
 * The latest instant any input may name. JavaScript dates end at ±8.64e15 ms and ISO 8601 strings at
 * year 9999; anything later cannot be shown back to the user, so it is refused at the boundary.
 */
export const MAX_INSTANT_MS: Ms = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An ISO string for a stored instant, or null when the stored value cannot be a date (never throws). */
export function isoOrNull(ms: number | null | undefined): string | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
  return new Date(Math.min(Math.max(ms, 0), MAX_INSTANT_MS)).toISOString();
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch ms for a proleptic Gregorian UTC date-time; Date.UTC alone maps years 0–99 to 1900–1999. */
function utcMs(year: number, month: number, day: number, h = 0, m = 0, s = 0, ms = 0): Ms | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || m > 59 || s > 59) return null;
  const date = new Date(Date.UTC(2000, month - 1, day, h, m, s, ms));
  date.setUTCFullYear(year);
  // Rejects impossible days (2023-02-30) instead of letting Date roll them over into March.
  if (date.getUTCDate() !== day) return null;
  return date.getTime();
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

/**
 * Parses an API date (`2024-03-01`, `2024-03-01T10:20:30.1234567Z`, with an offset, or with no zone,
 * which means UTC). Returns null for anything unparseable. Sentinels parse to their real instant:
 * validity against `now` is `isValidDate`'s job.
 */
export function parseApiDate(input: string | null | undefined): Ms | null {
  if (input == null) return null;
  const match = ISO_DATE.exec(input.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  // Sub-millisecond digits are truncated: ticks finer than 1 ms never change a rule's outcome.
  const millis = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  const base = utcMs(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), millis);
  return base === null ? null : base - offsetMs(zone);
}

/** A date is usable iff it is on or after 1900-01-01 and at most one day after `now`. */
export function isValidDate(ms: Ms | null | undefined, now: Ms): ms is Ms {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= MIN_VALID_DATE_MS && ms <= now + DAY_MS;
}

/** The date itself when valid, else null (unknown). */
export function validDateOrNull(ms: Ms | null | undefined, now: Ms): Ms | null {
  return isValidDate(ms, now) ? ms : null;
}

/** `now − n × 30 days`: rule months are instants, not calendar months. */
export function monthsAgo(now: Ms, months: number): Ms {
  return now - months * MONTH_MS;
}

/** `now − n × 24 h`. */
export function daysAgo(now: Ms, days: number): Ms {
  return now - days * DAY_MS;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in an IANA time zone. */
export function calendarDate(ms: Ms, timeZone: string): string {
  const parts = dateFormatter(timeZone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    dateFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * Parses a release/air date (`YYYY-MM-DD`, a trailing time is ignored) into its day number
 * (days since 1970-01-01). Null when missing, malformed or before 1900 (sentinels): such dates are
 * "unknown" for the request rules.
 */
export function calendarDay(date: string | null | undefined): number | null {
  if (!date) return null;
  const match = CALENDAR_DATE.exec(date.trim());
  if (!match) return null;
  const ms = utcMs(Number(match[1]), Number(match[2]), Number(match[3]));
  if (ms === null || ms < MIN_VALID_DATE_MS) return null;
  return Math.round(ms / DAY_MS);
}

/** The day number of `now` in the tenant's zone, comparable with `calendarDay`. */
export function todayDay(now: Ms, timeZone: string): number {
  return calendarDay(calendarDate(now, timeZone)) ?? Math.floor(now / DAY_MS);
}

/** Formats a day number back to `YYYY-MM-DD`. */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
