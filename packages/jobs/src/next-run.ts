import { Cron } from 'croner';

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
 * The next instant after `now` whose local time in `timeZone` is hour:minute. croner does the time-zone
 * and DST arithmetic. On the day a DST jump skips hour:minute, croner fires at the first instant after
 * the gap (03:00 for 02:30 in Paris); we keep the schedule's promise of "at hh:mm local" instead and
 * take the next day that has it, so a nightly sync never runs at a time the user did not pick.
 */
export function nextRunAt(now: number, hour: number, minute: number, timeZone: string): number {
  const cron = new Cron(`${minute} ${hour} * * *`, { timezone: timeZone, paused: true });
  let from = new Date(now);
  // Two tries are enough: at most one day a year lacks the local time.
  for (let i = 0; i < 3; i++) {
    const next = cron.nextRun(from);
    if (next === null) break;
    const local = localHourMinute(next.getTime(), timeZone);
    if (local.hour === hour && local.minute === minute) return next.getTime();
    from = next;
  }
  return Math.floor(now / 60_000) * 60_000 + 24 * 60 * 60_000;
}
