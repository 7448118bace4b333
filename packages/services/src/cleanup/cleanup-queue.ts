import { DeletionJobPayload, LeavingSoonJobPayload } from '@mj/contracts';
import { defineJob, type JobRunner } from '@mj/jobs';

/** One due deletion (RULES §9); its row lease makes a duplicate job harmless. */
export const deletionJob = defineJob('cleanup.deletion', DeletionJobPayload, { priority: 3 });

/** Brings the tenant's "Leaving soon" Jellyfin collection in line with its scheduled deletions. */
export const leavingSoonJob = defineJob('cleanup.leaving-soon', LeavingSoonJobPayload, { priority: 4 });

/** Where use-cases hand cleanup work to the job runner (BullMQ in production, in process embedded). */
export interface CleanupQueue {
  /** Executes a due deletion. The id is deterministic per due instant, so ticks never double it. */
  executeDeletion(d: { tenantId: string; deletionId: string; executeAt: number }): Promise<void>;
  refreshLeavingSoon(tenantId: string): Promise<void>;
}

export function cleanupQueueOn(runner: JobRunner): CleanupQueue {
  return {
    executeDeletion: (d) =>
      runner.enqueue(
        deletionJob,
        { tenantId: d.tenantId, deletionId: d.deletionId },
        { jobId: `deletion:${d.deletionId}:${d.executeAt}` },
      ),
    // Not deduplicated: a refresh requested while one runs must run again afterwards.
    refreshLeavingSoon: (tenantId) => runner.enqueue(leavingSoonJob, { tenantId }),
  };
}
