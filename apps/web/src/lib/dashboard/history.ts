import type { SyncRun } from '@mj/contracts';

export type Run = ReturnType<typeof SyncRun.parse>;

/** Items a run read (movies + series + episodes), or null when it did not get that far. */
export function itemsRead(run: Run): number | null {
  const counts = run.counts;
  if (!counts) return null;
  let total = 0;
  let found = false;
  for (const key of ['movies', 'series', 'episodes'] as const) {
    const value = counts[key];
    if (typeof value === 'number') {
      total += value;
      found = true;
    }
  }
  return found ? total : null;
}

/**
 * The runs that produced a snapshot, oldest first, with what they read. The API's run history does not
 * record reclaimable space, so this is the chart of library size per sync.
 */
export function syncHistory(runs: readonly Run[]): Array<{ at: string; items: number }> {
  return runs
    .filter((run) => run.status === 'success' || run.status === 'partial')
    .flatMap((run) => {
      const items = itemsRead(run);
      const at = run.finishedAt ?? run.createdAt;
      return items === null ? [] : [{ at, items }];
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
