// Space reclaimed over time, for the dashboard chart: done deletions summed per week (newest last).

const WEEK_MS = 7 * 86_400_000;

export interface ReclaimedWeek {
  /** Start of the week (ISO date, UTC). */
  start: string;
  bytes: number;
}

export function reclaimedByWeek(
  done: readonly { executedAt: string | null; sizeBytes: number; restoredAt?: string | null }[],
  now: number,
  weeks = 8,
): ReclaimedWeek[] {
  const first = now - weeks * WEEK_MS;
  const buckets = Array.from({ length: weeks }, (_, i) => ({
    start: new Date(first + i * WEEK_MS).toISOString().slice(0, 10),
    bytes: 0,
  }));
  for (const d of done) {
    const at = d.executedAt ? Date.parse(d.executedAt) : NaN;
    if (!Number.isFinite(at) || at <= first || at > now) continue;
    const index = Math.min(weeks - 1, Math.floor((at - first) / WEEK_MS));
    buckets[index]!.bytes += d.sizeBytes;
  }
  return buckets;
}
