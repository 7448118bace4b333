/** Local wall-clock hour and minute of an instant in a time zone. */
function localHourMinute(ms: number, timeZone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: get('hour'), minute: get('minute') };
}

/**
 * The next instant after `now` whose local time in `timeZone` is hour:minute. Scans minute-aligned
 * candidates over 48 h, which handles DST gaps (a skipped local time falls to the next day).
 */
export function nextRunAt(now: number, hour: number, minute: number, timeZone: string): number {
  const MIN = 60_000;
  const start = Math.floor(now / MIN) * MIN + MIN;
  for (let t = start; t < start + 48 * 60 * MIN; t += MIN) {
    const local = localHourMinute(t, timeZone);
    if (local.hour === hour && local.minute === minute) return t;
  }
  return start + 24 * 60 * MIN;
}
