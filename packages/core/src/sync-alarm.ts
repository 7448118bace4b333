// RULES §10: "sync failed twice in a row or a key rejected". A single failure is often a blip (a server
// restarting); two in a row, or a key the media server refuses, needs the owner. Pure: the sweep hands
// in the tenant's latest finished runs and gets back the runs worth an event.

export interface FinishedRun {
  id: string;
  status: 'success' | 'partial' | 'failed';
  error: string | null;
  finishedAt: number;
}

/** run-sync words an unauthorized answer as "<Server> rejected the API key" (failed or partial run). */
export function isKeyRejection(run: Pick<FinishedRun, 'error'>): boolean {
  return /rejected the API key/i.test(run.error ?? '');
}

/**
 * The runs that raise a `sync-failed` event, one per streak of bad runs (failed, or a key rejection even
 * in a partial run): the first key rejection of the streak, else its second failure. A streak of ten
 * failures tells the owner once, not nine times; a success or a clean partial run ends the streak.
 * `runs` is newest first (any order is accepted: it is sorted by finish time).
 */
export function syncAlarms(runs: readonly FinishedRun[]): FinishedRun[] {
  const ordered = [...runs].sort((x, y) => x.finishedAt - y.finishedAt || (x.id < y.id ? -1 : 1));
  const alarms: FinishedRun[] = [];
  let failures = 0;
  let told = false;
  for (const run of ordered) {
    const rejected = isKeyRejection(run);
    if (run.status !== 'failed' && !rejected) {
      failures = 0;
      told = false;
      continue;
    }
    failures += 1;
    if (!told && (rejected || failures >= 2)) {
      alarms.push(run);
      told = true;
    }
  }
  return alarms;
}
