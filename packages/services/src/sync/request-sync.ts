import { findActiveRun, findConnection, insertSyncRun, newId, updateSyncRun } from '@mj/db';
import type { TenantContext } from '../context';
import { conflict } from '../errors';
import type { SyncQueue } from './sync-context';
import { failTenantStaleRuns } from './sync-status';

export type SyncTrigger = 'manual' | 'schedule' | 'connect';

/**
 * Queues a sync of the tenant: 409 `not_connected` without Jellyfin, 409 `sync_in_progress` while one
 * is queued or running. The job carries ids only; the worker loads (and decrypts) everything itself.
 */
export async function requestSync(
  ctx: TenantContext & { queue: SyncQueue; staleAfterMs?: number },
  input: { trigger: SyncTrigger; allowShrink?: boolean },
): Promise<{ runId: string }> {
  const now = ctx.clock.now();
  if (!(await findConnection(ctx.db, ctx.tenantId, 'jellyfin'))) {
    throw conflict('not_connected', 'Connect a Jellyfin server before syncing.');
  }
  await failTenantStaleRuns(ctx);
  const active = await findActiveRun(ctx.db, ctx.tenantId);
  if (active) throw conflict('sync_in_progress', 'A sync is already running.', { runId: active.id });
  const runId = newId(now);
  await insertSyncRun(ctx.db, {
    id: runId,
    tenantId: ctx.tenantId,
    status: 'queued',
    trigger: input.trigger,
    allowShrink: input.allowShrink ?? false,
    done: 0,
    createdAt: now,
  });
  try {
    await ctx.queue.enqueueSync({ tenantId: ctx.tenantId, runId });
  } catch (error) {
    await updateSyncRun(ctx.db, ctx.tenantId, runId, {
      status: 'failed',
      finishedAt: ctx.clock.now(),
      error: 'The job queue is unavailable; try again in a minute.',
    });
    throw error;
  }
  return { runId };
}
