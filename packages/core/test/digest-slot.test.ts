import { describe, expect, it } from 'vitest';
import { digestSlot, isoWeek } from '../src/digest-slot';

// RULES §10: the weekly digest's slot is a local day and hour in the tenant's time zone.

describe('digest slot', () => {
  it('numbers ISO weeks (Monday start, the Thursday decides the year)', () => {
    expect(isoWeek(2026, 10, 26)).toBe('2026-W44');
    expect(isoWeek(2026, 1, 1)).toBe('2026-W01');
    expect(isoWeek(2027, 1, 1)).toBe('2026-W53');
    expect(isoWeek(2024, 12, 30)).toBe('2025-W01');
  });

  it('Monday 09:00 in Europe/Paris is 08:00 UTC after the October change and 07:00 before it', () => {
    // 2026-10-25 (Sunday) Paris leaves summer time. Monday 2026-10-26 09:00 Paris = 08:00 UTC.
    const paris = (iso: string) => digestSlot(Date.parse(iso), 'Europe/Paris', 1, 9);
    expect(paris('2026-10-26T07:59:00Z')).toEqual({ week: '2026-W44', due: false });
    expect(paris('2026-10-26T08:00:00Z')).toEqual({ week: '2026-W44', due: true });
    // The week before (summer time): Monday 2026-10-19 09:00 Paris = 07:00 UTC.
    expect(paris('2026-10-19T06:59:00Z').due).toBe(false);
    expect(paris('2026-10-19T07:00:00Z')).toEqual({ week: '2026-W43', due: true });
    // A Sunday slot is the end of its ISO week; the night the clocks go back is still Sunday in Paris.
    expect(digestSlot(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Paris', 0, 2)).toEqual({
      week: '2026-W43',
      due: true,
    });
    expect(digestSlot(Date.parse('2026-10-24T23:30:00Z'), 'Europe/Paris', 0, 2).due).toBe(false);
  });

  it('stays due for the rest of the week and is not due before the slot day', () => {
    expect(digestSlot(Date.parse('2026-10-29T12:00:00Z'), 'UTC', 1, 9)).toEqual({ week: '2026-W44', due: true });
    expect(digestSlot(Date.parse('2026-10-27T12:00:00Z'), 'UTC', 3, 9).due).toBe(false);
    // Local midnight crossing: Sunday 23:30 UTC is already Monday in Tokyo.
    expect(digestSlot(Date.parse('2026-10-25T23:30:00Z'), 'Asia/Tokyo', 1, 8)).toEqual({
      week: '2026-W44',
      due: true,
    });
  });
});
