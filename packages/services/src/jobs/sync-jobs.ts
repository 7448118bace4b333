import { DEFAULT_SETTINGS } from '@mj/core';
import { findActiveRun, insertSyncRun, listQueuedRuns, listSchedulableTenants, newId, requeueSilentRuns } from '@mj/db';
import { scheduledSyncJob, scheduleMinute, syncTenantJob, type JobRunner, type PayloadOf } from '@mj/jobs';
import { recomputeTenant } from '../analysis/recompute-tenant';
import { loadSettings } from '../analysis/inputs';
import { runSync } from '../sync/run-sync';
import { SYNC_DEFAULTS, type SyncDeps, type SyncQueue } from '../sync/sync-context';

const syncJobId = (p: { tenantId: string; runId: string }) => `sync:${p.tenantId}:${p.runId}`;

/**
 * Hands every run still `queued` in the database to the queue again. After a Redis restart without
 * persistence the jobs are gone but the runs are not; job ids are deterministic, so a job that still
 * exists is not added twice.
 */
export async function requeueQueuedRuns(deps: Pick<SyncDeps, 'db'>, runner: JobRunner): Promise<number> {
  const runs = await listQueuedRuns(deps.db);
  for (const run of runs) await runner.enqueue(syncTenantJob, run, { jobId: syncJobId(run) });
  return runs.length;
}

/**
 * Issue 16: runs whose worker died (heartbeat silent for `resumeAfterMs`) go back to the queue under
 * the same run id instead of failing. The job id carries the silent heartbeat: the dead worker's job
 * may still exist in Redis (active, completed or failed), and a reused id would be a silent no-op.
 * One conditional UPDATE hands each run to one caller, however many workers look at once.
 */
export async function resumeSilentRuns(
  deps: Pick<SyncDeps, 'db' | 'clock' | 'resumeAfterMs'>,
  runner: JobRunner,
): Promise<number> {
  const runs = await requeueSilentRuns(deps.db, {
    now: deps.clock.now(),
    staleAfterMs: deps.resumeAfterMs ?? SYNC_DEFAULTS.resumeAfterMs,
  });
  for (const r of runs) {
    await runner.enqueue(
      syncTenantJob,
      { tenantId: r.tenantId, runId: r.runId },
      { jobId: `${syncJobId(r)}:resume${r.heartbeatAt}` },
    );
  }
  return runs.length;
}

/** The queue the API hands sync requests to; the job id dedupes double clicks and retries. */
export function syncQueueOn(runner: JobRunner, deps: Pick<SyncDeps, 'db'>, jitterMinutes = 30): SyncQueue {
  return {
    enqueueSync: (payload) => runner.enqueue(syncTenantJob, payload, { jobId: syncJobId(payload) }),
    async refreshSchedule(tenantId) {
      const scheduled = await syncSchedules(deps, runner, jitterMinutes, tenantId);
      if (scheduled === 0) await runner.removeSchedule(tenantId);
    },
  };
}

/**
 * Job handlers, bound once for the BullMQ worker and the embedded in-process runner alike. They
 * receive ids only and load everything (connection, decrypted key) themselves.
 */
export function syncJobHandlers(base: SyncDeps) {
  const deps = withAnalysis(base);
  return {
    [syncTenantJob.name]: async (payload: unknown) => {
      const { tenantId, runId } = payload as PayloadOf<typeof syncTenantJob>;
      await runSync(deps, { tenantId, runId });
      await deps.onSynced?.(tenantId).catch(() => undefined);
    },
    [scheduledSyncJob.name]: async (payload: unknown) => {
      const { tenantId } = payload as PayloadOf<typeof scheduledSyncJob>;
      // A manual sync already under way makes the nightly one redundant.
      if (await findActiveRun(deps.db, tenantId)) return;
      if ((await listSchedulableTenants(deps.db, tenantId)).length === 0) return;
      const now = deps.clock.now();
      const runId = newId(now);
      await insertSyncRun(deps.db, {
        id: runId,
        tenantId,
        status: 'queued',
        trigger: 'schedule',
        allowShrink: false,
        done: 0,
        createdAt: now,
      });
      await runSync(deps, { tenantId, runId });
      await deps.onSynced?.(tenantId).catch(() => undefined);
    },
  };
}

/** By default a sync re-derives the tenant's analyses and looks titles up in the tenant's language. */
export function withAnalysis(deps: SyncDeps): SyncDeps {
  const system = (tenantId: string) => ({ db: deps.db, clock: deps.clock, log: deps.log, tenantId, userId: 'system' });
  return {
    ...deps,
    afterSync: deps.afterSync ?? (async (tenantId) => void (await recomputeTenant(system(tenantId)))),
    titleLanguageOf: deps.titleLanguageOf ?? (async (tenantId) => (await loadSettings(system(tenantId))).titleLanguage),
    preSyncRefreshOf:
      deps.preSyncRefreshOf ?? (async (tenantId) => (await loadSettings(system(tenantId))).preSyncRefresh),
  };
}

/**
 * Re-creates every tenant's nightly scheduler from the database (schedules live there; a Redis
 * restart without persistence loses the queue's copy). Idempotent: scheduler ids are stable.
 */
export async function syncSchedules(
  deps: Pick<SyncDeps, 'db'>,
  runner: JobRunner,
  jitterMinutes: number,
  tenantId?: string,
) {
  const tenants = await listSchedulableTenants(deps.db, tenantId);
  for (const t of tenants) {
    const settings = { ...DEFAULT_SETTINGS, ...(t.settings ?? {}) };
    await runner.upsertSchedule({
      tenantId: t.tenantId,
      hour: settings.syncHour,
      minute: scheduleMinute(t.tenantId, jitterMinutes),
      timeZone: settings.timeZone,
    });
  }
  return tenants.length;
}
