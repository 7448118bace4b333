import { z } from 'zod';

/** A job: a stable name and the zod schema of its payload. Handlers are bound where they run. */
export interface JobDefinition<S extends z.ZodType> {
  name: string;
  payload: S;
  /** Lower runs first (BullMQ semantics): interactive work jumps ahead of nightly batches. */
  priority: number;
}

export function defineJob<S extends z.ZodType>(
  name: string,
  payload: S,
  opts: { priority?: number } = {},
): JobDefinition<S> {
  return { name, payload, priority: opts.priority ?? 5 };
}

export type AnyJob = JobDefinition<z.ZodType>;

export type PayloadOf<D> = D extends JobDefinition<infer S> ? z.infer<S> : never;

// Payloads carry ids only: never secrets, never data that can go stale while queued.
const id = z.string().min(1).max(100);

/** A sync the user (or a connection) asked for; its run row already exists. */
export const syncTenantJob = defineJob('sync.tenant', z.object({ tenantId: id, runId: id }), { priority: 1 });

/** The nightly sync: the handler creates the run itself, so a lost schedule tick leaves no stale row. */
export const scheduledSyncJob = defineJob('sync.scheduled', z.object({ tenantId: id }), { priority: 10 });

/** One due deletion (RULES §9); its row lease makes a duplicate job harmless. */
export const deletionJob = defineJob('cleanup.deletion', z.object({ tenantId: id, deletionId: id }), { priority: 3 });

/** Brings the tenant's "Leaving soon" Jellyfin collection in line with its scheduled deletions. */
export const leavingSoonJob = defineJob('cleanup.leaving-soon', z.object({ tenantId: id }), { priority: 4 });

export const ALL_JOBS = [syncTenantJob, scheduledSyncJob, deletionJob, leavingSoonJob] as const;
