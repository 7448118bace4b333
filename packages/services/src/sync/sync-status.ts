import { failStaleRuns, findActiveRun, listSyncRuns, type SyncRunRow } from '@mj/db';
import type { TenantContext } from '../context';
import { SYNC_DEFAULTS } from './sync-context';

export interface SyncRunView {
  id: string;
  status: SyncRunRow['status'];
  trigger: SyncRunRow['trigger'];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  mode: SyncRunRow['mode'];
  counts: SyncRunRow['counts'];
  progress: { step: string | null; done: number; total: number | null };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function runView(run: SyncRunRow): SyncRunView {
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    createdAt: new Date(run.createdAt).toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    error: run.error,
    mode: run.mode ?? null,
    counts: run.counts ?? null,
    progress: { step: run.step, done: run.done, total: run.total },
  };
}

/** Fails this tenant's runs whose worker died: the check must not depend on the worker that crashed. */
export async function failTenantStaleRuns(ctx: TenantContext & { staleAfterMs?: number }): Promise<void> {
  await failStaleRuns(ctx.db, {
    now: ctx.clock.now(),
    tenantId: ctx.tenantId,
    staleAfterMs: ctx.staleAfterMs ?? SYNC_DEFAULTS.staleAfterMs,
    queuedTimeoutMs: SYNC_DEFAULTS.queuedTimeoutMs,
  });
}

/** Current state and the last finished run, after the stale-run check. */
export async function getSyncStatus(ctx: TenantContext & { staleAfterMs?: number }) {
  await failTenantStaleRuns(ctx);
  return readSyncStatus(ctx);
}

/** Current state and the last finished run, read only (the live stream polls this). */
export async function readSyncStatus(ctx: TenantContext) {
  const active = await findActiveRun(ctx.db, ctx.tenantId);
  const [last] = await listSyncRuns(ctx.db, ctx.tenantId, 1, true);
  return {
    state: (active?.status ?? 'idle') as 'idle' | 'queued' | 'running',
    runId: active?.id ?? null,
    progress: { step: active?.step ?? null, done: active?.done ?? 0, total: active?.total ?? null },
    lastRun: last
      ? {
          id: last.id,
          status: last.status as 'success' | 'partial' | 'failed',
          startedAt: iso(last.startedAt),
          finishedAt: iso(last.finishedAt),
          error: last.error,
          mode: last.mode ?? null,
          counts: last.counts ?? null,
        }
      : null,
  };
}

export async function listRuns(ctx: TenantContext, limit = 20): Promise<SyncRunView[]> {
  return (await listSyncRuns(ctx.db, ctx.tenantId, limit)).map(runView);
}
