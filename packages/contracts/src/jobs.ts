import { z } from 'zod';

// Payloads of the queued jobs. They carry ids only: never secrets, never data that can go stale while
// queued; the handler loads the rest. The job definitions (name, priority) live with their use-cases.

const id = z.string().min(1).max(100);

/** A sync the user (or a connection) asked for; its run row already exists. */
export const SyncTenantJobPayload = z.object({ tenantId: id, runId: id });

/** The nightly sync: the handler creates the run itself. */
export const ScheduledSyncJobPayload = z.object({ tenantId: id });

/** One due deletion (RULES §9). */
export const DeletionJobPayload = z.object({ tenantId: id, deletionId: id });

/** The tenant's "Leaving soon" collection upkeep. */
export const LeavingSoonJobPayload = z.object({ tenantId: id });
