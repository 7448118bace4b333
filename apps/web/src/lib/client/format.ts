import type { Locale } from '$lib/i18n';

const GIB = 1024 ** 3;
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * Binary sizes labelled as such ("13.2 GiB"; French "13,2 Gio"): the thresholds are entered in GiB, so
 * every size the app shows uses the same unit system (issue 15: "GiB in, GB out").
 */
export function formatBytes(bytes: number | null | undefined, locale: Locale): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(
    value,
  );
  return `${number} ${locale === 'fr' ? UNITS[unit]!.replace('B', 'o') : UNITS[unit]}`;
}

export function bytesToGiB(bytes: number): number {
  return bytes / GIB;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

const RELATIVE_STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 minutes ago" / "il y a 3 minutes" relative to `now`. */
export function formatRelative(iso: string, now: number, locale: Locale): string {
  let value = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) {
      return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(value), unit);
    }
    value /= size;
  }
  return iso;
}

/**
 * How long ago something happened: never in the future tense. A sync that finished a moment after the
 * page's clock last ticked (or on a server a second ahead) reads "now", not "in 1 second".
 */
export function formatSince(iso: string, now: number, locale: Locale): string {
  const at = Date.parse(iso);
  return formatRelative(iso, Number.isFinite(at) ? Math.max(now, at) : now, locale);
}

export function formatDateTime(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A calendar date `YYYY-MM-DD` as a long day name, without letting the viewer's zone shift the day. */
export function formatDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** Instants take the tenant's zone; calendar dates (`YYYY-MM-DD`, read as UTC midnight) keep the default. */
export function formatDate(iso: string | null, locale: Locale, timeZone = 'UTC'): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}
