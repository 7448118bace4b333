import { autoScheduleCandidates, findTitleRow, listArrItems, providerIdsOf } from '@mj/db';
import { buildArrIndex, deletionTarget } from '@mj/core';
import { loadSettings } from '../analysis/inputs';
import type { Clock, Logger } from '../context';
import type { Db } from '@mj/db';
import type { CleanupQueue } from './cleanup-queue';
import { scheduleDeletions } from './deletions';

const BATCH = 500;

/**
 * `autoSchedule` (RULES §9, default off): after a sync, every `old` title is scheduled with the usual
 * delay. Never a title whose added date is unknown, never one that had a deletion before (a cancelled
 * one stays cancelled), never one without a target. Returns how many were scheduled.
 */
export async function autoScheduleOld(
  deps: { db: Db; clock: Clock; log: Logger; queue: CleanupQueue },
  tenantId: string,
): Promise<number> {
  const settings = await loadSettings({ db: deps.db, tenantId });
  if (!settings.autoSchedule || settings.cleanupPaused) return 0;
  const now = deps.clock.now();
  const candidates = await autoScheduleCandidates(deps.db, tenantId, now, 5000);
  if (candidates.length === 0) return 0;
  const arr = buildArrIndex(await listArrItems(deps.db, tenantId));
  const ids: string[] = [];
  for (const id of candidates) {
    const title = await findTitleRow(deps.db, tenantId, id);
    if (!title) continue;
    const ref = { kind: title.mediaType, providerIds: providerIdsOf(title) };
    if (deletionTarget(title.mediaType, arr.match(ref) !== null, settings.allowJellyfinDelete)) ids.push(id);
  }
  const ctx = {
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    tenantId,
    userId: 'system',
    actor: 'schedule',
    queue: deps.queue,
  };
  for (let i = 0; i < ids.length; i += BATCH)
    await scheduleDeletions(ctx, { items: ids.slice(i, i + BATCH).map((itemId) => ({ itemId })) });
  if (ids.length > 0) deps.log.info({ tenantId, scheduled: ids.length }, 'old titles scheduled automatically');
  return ids.length;
}

/** What follows every sync job: the automatic rule, then the "Leaving soon" collection. */
export async function afterSyncCleanup(
  deps: { db: Db; clock: Clock; log: Logger; queue: CleanupQueue },
  tenantId: string,
) {
  try {
    await autoScheduleOld(deps, tenantId);
  } catch (error) {
    deps.log.warn({ tenantId, err: (error as Error).message }, 'automatic scheduling failed');
  }
  await deps.queue.refreshLeavingSoon(tenantId);
}
