import { randomUUID } from 'node:crypto';
import { dueDeletionIds, findDeletion } from '@mj/db';
import { bindJob, type BoundJob, type JobRunner } from '@mj/jobs';
import { cleanupQueueOn, deletionJob, leavingSoonJob, type CleanupQueue } from './cleanup-queue';
import { executeDeletion, type ExecuteDeps } from './execute-deletion';
import { refreshLeavingSoon } from './leaving-soon';

// The cleanup jobs, bound once for BullMQ workers and the embedded runner alike, and the minute-level
// tick that finds due deletions. The database is the source of truth: a lost queue (Redis restart)
// loses nothing, the next tick enqueues again, and the row lease keeps it to one execution.

/** Every process ticks; job ids are deterministic per due instant, so several ticks add one job. */
export const CLEANUP_TICK_MS = 60_000;

export function cleanupJobHandlers(
  deps: Omit<ExecuteDeps, 'queue'> & { queue?: CleanupQueue },
  runner: JobRunner,
): BoundJob[] {
  const full: ExecuteDeps = { ...deps, queue: deps.queue ?? cleanupQueueOn(runner) };
  // One owner per process: a lease taken by a process that died is recognised as expired, not as ours.
  // The pid tells operators (and the fault drill) which process holds a deletion.
  const owner = `worker:${process.pid}:${randomUUID()}`;
  return [
    bindJob(
      deletionJob,
      async ({ tenantId, deletionId }) => void (await executeDeletion(full, tenantId, deletionId, owner)),
    ),
    bindJob(leavingSoonJob, async ({ tenantId }) => void (await refreshLeavingSoon(full, tenantId))),
  ];
}

/**
 * How often every worker looks for deletions whose executor died (issue 16): with the 30 s lease,
 * such a deletion is resumed about 35 s after the kill instead of at the next minute tick.
 */
export const ABANDONED_DELETION_CHECK_MS = 5_000;

/**
 * Enqueues every due deletion (and those whose executor died); returns how many. `abandonedOnly`: only
 * the executing ones whose lease expired (the frequent check). The job id includes the attempts, which
 * every claim bumps, so a resumed deletion gets a new job rather than the dead worker's.
 */
export async function enqueueDueDeletions(
  deps: Pick<ExecuteDeps, 'db' | 'clock'>,
  queue: CleanupQueue,
  limit = 500,
  opts: { abandonedOnly?: boolean } = {},
) {
  const due = await dueDeletionIds(deps.db, deps.clock.now(), limit, opts);
  for (const d of due) {
    const row = await findDeletion(deps.db, d.tenantId, d.id);
    if (row)
      await queue.executeDeletion({ tenantId: d.tenantId, deletionId: d.id, executeAt: row.executeAt + row.attempts });
  }
  return due.length;
}
