import type { SyncStatusResponse } from '@mj/contracts';

export type SyncPhase = 'idle' | 'active' | 'success' | 'partial' | 'failed';

/** A 0–100 percentage when the step's total is known; null for an indeterminate bar. */
export function syncPercent(progress: SyncStatusResponse['progress']): number | null {
  if (progress.total === null || progress.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((progress.done / progress.total) * 100)));
}

/**
 * What the sync panel shows. A run started by this page is "active" until a finished run with its id (or
 * a newer one) is reported, so a stale `lastRun` from before does not read as this run's result.
 */
export function syncPhase(
  status: Pick<SyncStatusResponse, 'state' | 'runId' | 'lastRun'>,
  startedRunId: string | null,
): SyncPhase {
  if (status.state !== 'idle') return 'active';
  const last = status.lastRun;
  if (!last) return startedRunId ? 'active' : 'idle';
  if (startedRunId && last.id !== startedRunId) return 'active';
  return last.status;
}

/** Parses one `event: status` payload; null for anything that is not a status object. */
export function parseStatusEvent(
  data: string,
  parse: (value: unknown) => SyncStatusResponse | null,
): SyncStatusResponse | null {
  try {
    return parse(JSON.parse(data));
  } catch {
    return null;
  }
}
