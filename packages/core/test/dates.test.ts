import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  calendarDate,
  calendarDay,
  dayToIso,
  isValidDate,
  isValidTimeZone,
  monthsAgo,
  parseApiDate,
  todayDay,
  validDateOrNull,
} from '../src/dates';
import { NOW } from './fixtures';

const T = Date.UTC(2024, 2, 1, 10, 20, 30);

describe('parseApiDate', () => {
  it.each([
    ['2024-03-01T10:20:30Z', T],
    ['2024-03-01T10:20:30.1Z', T + 100],
    ['2024-03-01T10:20:30.12Z', T + 120],
    ['2024-03-01T10:20:30.123Z', T + 123],
    ['2024-03-01T10:20:30.1234Z', T + 123],
    ['2024-03-01T10:20:30.12345Z', T + 123],
    ['2024-03-01T10:20:30.123456Z', T + 123],
    ['2024-03-01T10:20:30.1234567Z', T + 123],
  ])('dates: %s parses with 0–7 fractional digits', (input, expected) => {
    expect(parseApiDate(input)).toBe(expected);
  });

  it('dates: a date without zone is UTC', () => {
    expect(parseApiDate('2024-03-01T10:20:30.0000000')).toBe(T);
  });

  it('dates: an offset is applied', () => {
    expect(parseApiDate('2024-03-01T12:20:30+02:00')).toBe(T);
    expect(parseApiDate('2024-03-01T05:20:30-0500')).toBe(T);
  });

  it('dates: a date-only value is UTC midnight', () => {
    expect(parseApiDate('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
  });

  it('dates: the 0001-01-01 sentinel parses to its real (year 1) instant, not 1901', () => {
    const ms = parseApiDate('0001-01-01T00:00:00.0000000Z');
    expect(ms).not.toBeNull();
    expect(new Date(ms!).getUTCFullYear()).toBe(1);
  });

  it.each([
    null,
    undefined,
    '',
    'yesterday',
    '2024-13-01',
    '2023-02-29',
    '2024-03-01T25:00:00Z',
    '2024-03-01T10:20:30.12345678Z',
  ])('dates: %s is not a date', (input) => {
    expect(parseApiDate(input)).toBeNull();
  });

  it('dates: a leap day parses', () => {
    expect(parseApiDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
});

describe('isValidDate', () => {
  it('dates: a sentinel date 0001-01-01 is invalid (unknown)', () => {
    expect(isValidDate(parseApiDate('0001-01-01T00:00:00Z'), NOW)).toBe(false);
  });

  it('dates: 1900-01-01 is the first valid date, one millisecond before is invalid', () => {
    expect(isValidDate(Date.UTC(1900, 0, 1), NOW)).toBe(true);
    expect(isValidDate(Date.UTC(1900, 0, 1) - 1, NOW)).toBe(false);
  });

  it('dates: up to now + 1 day is valid, later is invalid', () => {
    expect(isValidDate(NOW + DAY_MS, NOW)).toBe(true);
    expect(isValidDate(NOW + DAY_MS + 1, NOW)).toBe(false);
  });

  it('dates: null, NaN and Infinity are invalid', () => {
    expect(isValidDate(null, NOW)).toBe(false);
    expect(isValidDate(Number.NaN, NOW)).toBe(false);
    expect(isValidDate(Number.POSITIVE_INFINITY, NOW)).toBe(false);
    expect(validDateOrNull(Date.UTC(1850, 0, 1), NOW)).toBeNull();
    expect(validDateOrNull(NOW - 5, NOW)).toBe(NOW - 5);
  });
});

describe('windows and calendar dates', () => {
  it('dates: a month is 30 days of 24 h', () => {
    expect(monthsAgo(NOW, 4)).toBe(NOW - 120 * DAY_MS);
  });

  it('dates: calendar date depends on the tenant time zone', () => {
    const lateEvening = Date.UTC(2024, 0, 1, 23, 30);
    expect(calendarDate(lateEvening, 'UTC')).toBe('2024-01-01');
    expect(calendarDate(lateEvening, 'Europe/Paris')).toBe('2024-01-02');
    expect(calendarDate(lateEvening, 'America/New_York')).toBe('2024-01-01');
    expect(calendarDate(Date.UTC(2024, 0, 1, 2, 0), 'America/Los_Angeles')).toBe('2023-12-31');
  });

  it('dates: time zones are checked with Intl', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('dates: calendarDay reads YYYY-MM-DD and rejects sentinels and garbage', () => {
    expect(calendarDay('1970-01-02')).toBe(1);
    expect(calendarDay('2024-03-01T00:00:00.000Z')).toBe(calendarDay('2024-03-01'));
    expect(calendarDay('0001-01-01')).toBeNull();
    expect(calendarDay('soon')).toBeNull();
    expect(calendarDay(null)).toBeNull();
    expect(dayToIso(calendarDay('2024-02-29')!)).toBe('2024-02-29');
  });

  it('dates: today is the date of now in the tenant zone', () => {
    const now = Date.UTC(2024, 0, 1, 23, 30);
    expect(todayDay(now, 'Asia/Tokyo') - todayDay(now, 'UTC')).toBe(1);
  });
});
