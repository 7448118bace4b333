import { describe, expect, it } from 'vitest';
import { formatDate } from '$lib/client/format';

describe('formatDate', () => {
  // 23:30 UTC on 31 December is already 1 January in Paris.
  const lateEvening = '2024-12-31T23:30:00Z';

  it('shows an instant on its day in the given time zone', () => {
    expect(formatDate(lateEvening, 'en', 'Europe/Paris')).toBe('Jan 1, 2025');
    expect(formatDate(lateEvening, 'en', 'America/New_York')).toBe('Dec 31, 2024');
  });

  it('keeps UTC by default, so calendar dates never shift a day', () => {
    expect(formatDate(lateEvening, 'en')).toBe('Dec 31, 2024');
    expect(formatDate('2025-03-01', 'en')).toBe('Mar 1, 2025');
  });

  it('shows a dash for a missing date', () => {
    expect(formatDate(null, 'en', 'Europe/Paris')).toBe('—');
  });
});
