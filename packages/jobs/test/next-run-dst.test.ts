import { describe, expect, it } from 'vitest';
import { nextRunAt } from '../src';

const at = (iso: string, hour: number, minute: number, zone: string) =>
  new Date(nextRunAt(Date.parse(iso), hour, minute, zone)).toISOString();

describe('next run across time zones and DST', () => {
  it('is strictly after now, even when now is the scheduled minute', () => {
    expect(at('2026-06-01T03:15:00.000Z', 3, 15, 'UTC')).toBe('2026-06-02T03:15:00.000Z');
    expect(at('2026-06-01T03:14:59.500Z', 3, 15, 'UTC')).toBe('2026-06-01T03:15:00.000Z');
  });

  it('a local time that happens twice when clocks go back runs once, at its first occurrence', () => {
    // 2026-10-25 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET) in Paris.
    expect(at('2026-10-24T12:00:00Z', 2, 30, 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-25T00:30:00Z', 2, 30, 'Europe/Paris')).toBe('2026-10-26T01:30:00.000Z');
  });

  it('follows the offset change on the days after DST starts and ends', () => {
    expect(at('2026-03-29T12:00:00Z', 4, 0, 'Europe/Paris')).toBe('2026-03-30T02:00:00.000Z');
    expect(at('2026-10-25T12:00:00Z', 4, 0, 'Europe/Paris')).toBe('2026-10-26T03:00:00.000Z');
  });

  it('skips the DST gap in American and southern-hemisphere zones too', () => {
    // New York springs forward 2026-03-08 02:00 -> 03:00; 02:30 exists again on the 9th (EDT, UTC-4).
    expect(at('2026-03-07T12:00:00Z', 2, 30, 'America/New_York')).toBe('2026-03-09T06:30:00.000Z');
    // Sydney springs forward 2026-10-04 02:00 -> 03:00; on the 5th 02:30 AEDT is 15:30 UTC on the 4th.
    expect(at('2026-10-03T00:00:00Z', 2, 30, 'Australia/Sydney')).toBe('2026-10-04T15:30:00.000Z');
  });

  it('handles zones with a non-hour offset', () => {
    // Kolkata is UTC+05:30 all year: 03:15 local is 21:45 UTC the day before.
    expect(at('2026-06-01T10:00:00Z', 3, 15, 'Asia/Kolkata')).toBe('2026-06-01T21:45:00.000Z');
  });
});
