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

export const ALL_JOBS = [syncTenantJob, scheduledSyncJob] as const;
