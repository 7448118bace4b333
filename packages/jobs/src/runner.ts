import type { z } from 'zod';
import type { AnyJob, BoundJob, JobDefinition, PayloadOf } from './definitions';

export interface Schedule {
  tenantId: string;
  /** Hour of day in the tenant's zone. */
  hour: number;
  /** Minute within the hour: spreads tenants so they do not all start at once. */
  minute: number;
  timeZone: string;
  /** What fires: the job is enqueued with `{ tenantId }` (the nightly sync, defined with the sync). */
  job: JobDefinition<z.ZodType<{ tenantId: string }>>;
}

/**
 * The two providers (BullMQ on Redis, and in-process for embedded mode) offer the same semantics:
 * validated payloads, retries with backoff, dedupe by job id, per-tenant nightly schedules.
 */
export interface JobRunner {
  readonly kind: 'bullmq' | 'in-process';
  enqueue<D extends AnyJob>(def: D, payload: PayloadOf<D>, opts?: { jobId?: string }): Promise<void>;
  /** Starts consuming these jobs (a worker). */
  work(jobs: readonly BoundJob[]): Promise<void>;
  upsertSchedule(schedule: Schedule): Promise<void>;
  removeSchedule(tenantId: string): Promise<void>;
  close(): Promise<void>;
}

/** Stable scheduler id per tenant: re-creating it is idempotent. */
export const scheduleId = (tenantId: string) => `nightly:${tenantId}`;

/** A deterministic minute in [0, windowMinutes) per tenant, so nightly syncs spread over a window. */
export function scheduleMinute(tenantId: string, windowMinutes: number): number {
  if (windowMinutes <= 0) return 0;
  let h = 2166136261;
  for (let i = 0; i < tenantId.length; i += 1) h = Math.imul(h ^ tenantId.charCodeAt(i), 16777619);
  return (h >>> 0) % Math.min(60, windowMinutes);
}
