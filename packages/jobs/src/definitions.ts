import { z } from 'zod';

// The generic part of a job: a name and the zod schema of its payload. Concrete jobs are defined next to
// the use-case that handles them (services/src/sync/sync-jobs.ts, services/src/cleanup/cleanup-queue.ts;
// ADR 0008); the providers here only carry them.

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

export interface JobMeta {
  attempt: number;
  jobId: string;
}

/** A definition with the function that executes it; a worker consumes a list of them. */
export interface BoundJob {
  def: AnyJob;
  run(payload: unknown, meta: JobMeta): Promise<void>;
}

/** Binds a handler to its definition; the handler receives the payload already validated and typed. */
export function bindJob<D extends AnyJob>(
  def: D,
  run: (payload: PayloadOf<D>, meta: JobMeta) => Promise<void>,
): BoundJob {
  return { def, run: (payload, meta) => run(payload as PayloadOf<D>, meta) };
}
