import { describe, expect, it } from 'vitest';
import { clockMovedRanges, DAY_MS, isInLanguageWindow, validDateOrNull, type InstantRange } from '../src';

const inAny = (ranges: readonly InstantRange[], ms: number) => ranges.some(({ from, to }) => ms > from && ms <= to);

describe('clockMovedRanges', () => {
  const since = Date.UTC(2025, 0, 10, 12);
  const now = since + 3 * DAY_MS + 7;
  const days = 30;
  const settings = { languageCheckAddedWithinDays: days } as Parameters<typeof isInLanguageWindow>[1];

  it('is empty when the clock did not move forward', () => {
    expect(clockMovedRanges(now, now, days)).toEqual({ added: [], played: [] });
    expect(clockMovedRanges(now, since, days)).toEqual({ added: [], played: [] });
  });

  it('holds exactly the dates whose window or validity changed between the two instants', () => {
    const { added, played } = clockMovedRanges(since, now, days);
    // Every millisecond around both boundaries: in a range iff the evaluation differs.
    const probes: number[] = [];
    for (const edge of [since - days * DAY_MS, now - days * DAY_MS, since + DAY_MS, now + DAY_MS])
      for (let d = -3; d <= 3; d += 1) probes.push(edge + d);
    probes.push(since, now, since - 40 * DAY_MS, now + 5 * DAY_MS);
    for (const ms of probes) {
      const windowMoved = isInLanguageWindow(ms, settings, since) !== isInLanguageWindow(ms, settings, now);
      const validMoved = validDateOrNull(ms, since) !== validDateOrNull(ms, now);
      expect(inAny(added, ms), `addedAt ${ms - since}`).toBe(windowMoved || validMoved);
      expect(inAny(played, ms), `lastPlayedAt ${ms - since}`).toBe(validMoved);
    }
  });

  it('has no window range when every item is checked', () => {
    const { added } = clockMovedRanges(since, now, 0);
    expect(added).toEqual([{ from: since + DAY_MS, to: now + DAY_MS }]);
  });
});
