import { describe, expect, it } from 'vitest';
import { reclaimedByWeek } from '$lib/cleanup/reclaimed';

describe('space reclaimed per week', () => {
  it('sums done deletions into the week they ran, ignoring older and undated ones', () => {
    const now = Date.UTC(2026, 5, 30);
    const day = 86_400_000;
    const weeks = reclaimedByWeek(
      [
        { executedAt: new Date(now - day).toISOString(), sizeBytes: 5 },
        { executedAt: new Date(now - 2 * day).toISOString(), sizeBytes: 7 },
        { executedAt: new Date(now - 10 * day).toISOString(), sizeBytes: 11 },
        { executedAt: new Date(now - 100 * day).toISOString(), sizeBytes: 1000 },
        { executedAt: null, sizeBytes: 1000 },
      ],
      now,
      4,
    );
    expect(weeks.map((w) => w.bytes)).toEqual([0, 0, 11, 12]);
    expect(weeks).toHaveLength(4);
  });
});
