// The weekly digest's slot (RULES §10): a day of the week and an hour in the tenant's time zone. The
// slot is compared in local wall-clock time, so it stays at "Monday 09:00" across DST changes.

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      hourCycle: 'h23',
      weekday: 'long',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The ISO week (`yyyy-Www`) of a calendar date. */
export function isoWeek(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const isoYear = d.getUTCFullYear();
  const yearStart = Date.UTC(isoYear, 0, 1);
  const week = Math.floor((d.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/**
 * Whether this ISO week's digest slot has passed at `now` (local time in `timeZone`), and the week's
 * id for the event key. `day` is 0 (Sunday) to 6; weeks start on Monday, so a Sunday slot is the
 * week's last moment.
 */
export function digestSlot(now: number, timeZone: string, day: number, hour: number): { week: string; due: boolean } {
  const parts = formatter(timeZone).formatToParts(new Date(now));
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = WEEKDAYS.indexOf(get('weekday').toLowerCase() as (typeof WEEKDAYS)[number]);
  const localHour = Number(get('hour'));
  const idx = (weekday + 6) % 7;
  const slotIdx = (day + 6) % 7;
  const due = idx > slotIdx || (idx === slotIdx && localHour >= hour);
  return { week: isoWeek(Number(get('year')), Number(get('month')), Number(get('day'))), due };
}
