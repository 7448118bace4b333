export const SECOND = 1000;
export const HOUR = 3600 * SECOND;
export const DAY = 24 * HOUR;
export const GiB = 1024 ** 3;
/** Jellyfin ticks are 100 ns. */
export const TICKS_PER_MS = 10_000;

/** Jellyfin's "no date" value, which real servers return in place of null. */
export const JELLYFIN_SENTINEL_DATE = '0001-01-01T00:00:00.0000000Z';

/**
 * Jellyfin writes dates with 7 fractional digits (.NET ticks). The extra 4 digits are sub-millisecond
 * noise derived from the value itself, so the same instant always prints the same way.
 */
export function jellyfinDate(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2024-01-02T03:04:05.678Z
  const subMs = String(Math.abs(Math.floor(ms * 7919) % 10_000)).padStart(4, '0');
  return `${iso.slice(0, 23)}${subMs}Z`;
}

/** Jellyseerr (TypeORM + SQLite) dates: millisecond ISO strings. */
export function seerrDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** A calendar date (YYYY-MM-DD) in UTC, as TMDB gives release dates. */
export function calendarDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
