import { ScheduledSyncJobPayload, SyncTenantJobPayload } from '@mj/contracts';
import { DEFAULT_SETTINGS } from '@mj/core';
import { findActiveRun, insertSyncRun, listQueuedRuns, listSchedulableTenants, newId, requeueSilentRuns } from '@mj/db';
import { bindJob, defineJob, scheduleMinute, type BoundJob, type JobRunner } from '@mj/jobs';
import type { ServiceContext } from '../context';
import { runSync } from './run-sync';
import { SYNC_DEFAULTS, type SyncDeps, type SyncQueue } from './sync-context';

// The sync's jobs: their definitions, their handlers and every enqueue, next to `runSync` (ADR 0008).

/** A sync the user (or a connection) asked for; its run row already exists. */
export const syncTenantJob = defineJob('sync.tenant', SyncTenantJobPayload, { priority: 1 });

/** The nightly sync: the handler creates the run itself, so a lost schedule tick leaves no stale row. */
export const scheduledSyncJob = defineJob('sync.scheduled', ScheduledSyncJobPayload, { priority: 10 });

const syncJobId = (p: { tenantId: string; runId: string }) => `sync:${p.tenantId}:${p.runId}`;

/**
 * Hands every run still `queued` in the database to the queue again. After a Redis restart without
 * persistence the jobs are gone but the runs are not; job ids are deterministic, so a job that still
 * exists is not added twice.
 */
export async function requeueQueuedRuns(ctx: Pick<ServiceContext, 'db'>, runner: JobRunner): Promise<number> {
  const runs = await listQueuedRuns(ctx.db);
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
  ctx: Pick<SyncDeps, 'db' | 'clock' | 'resumeAfterMs'>,
  runner: JobRunner,
): Promise<number> {
  const runs = await requeueSilentRuns(ctx.db, {
    now: ctx.clock.now(),
    staleAfterMs: ctx.resumeAfterMs ?? SYNC_DEFAULTS.resumeAfterMs,
  });
  for (const run of runs) {
    await runner.enqueue(
      syncTenantJob,
      { tenantId: run.tenantId, runId: run.runId },
      { jobId: `${syncJobId(run)}:resume${run.heartbeatAt}` },
    );
  }
  return runs.length;
}

/** The queue the API hands sync requests to; the job id dedupes double clicks and retries. */
export function syncQueueOn(runner: JobRunner, ctx: Pick<ServiceContext, 'db'>, jitterMinutes = 30): SyncQueue {
  return {
    enqueueSync: (payload) => runner.enqueue(syncTenantJob, payload, { jobId: syncJobId(payload) }),
    async refreshSchedule(tenantId) {
      const scheduled = await syncSchedules(ctx, runner, jitterMinutes, tenantId);
      if (scheduled === 0) await runner.removeSchedule(tenantId);
    },
  };
}

/**
 * The sync's job handlers, bound once for the BullMQ worker and the embedded in-process runner alike.
 * They receive ids only and load everything (connection, decrypted key, settings) themselves.
 */
export function syncJobHandlers(deps: SyncDeps): BoundJob[] {
  return [
    bindJob(syncTenantJob, async ({ tenantId, runId }) => void (await runSync({ ...deps, tenantId }, { runId }))),
    bindJob(scheduledSyncJob, async ({ tenantId }) => {
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
      await runSync({ ...deps, tenantId }, { runId });
    }),
  ];
}

/**
 * Re-creates every tenant's nightly scheduler from the database (schedules live there; a Redis
 * restart without persistence loses the queue's copy). Idempotent: scheduler ids are stable.
 */
export async function syncSchedules(
  ctx: Pick<ServiceContext, 'db'>,
  runner: JobRunner,
  jitterMinutes: number,
  tenantId?: string,
) {
  const tenants = await listSchedulableTenants(ctx.db, tenantId);
  for (const tenant of tenants) {
    const settings = { ...DEFAULT_SETTINGS, ...(tenant.settings ?? {}) };
    await runner.upsertSchedule({
      tenantId: tenant.tenantId,
      hour: settings.syncHour,
      minute: scheduleMinute(tenant.tenantId, jitterMinutes),
      timeZone: settings.timeZone,
      job: scheduledSyncJob,
    });
  }
  return tenants.length;
}
