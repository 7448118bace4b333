import type { AnyJob, BoundJob, JobMeta, PayloadOf } from './definitions';
import { nextRunAt } from './next-run';
import type { JobRunner, Schedule } from './runner';

type Handler = (payload: unknown, meta: JobMeta) => Promise<void>;

interface QueuedJob {
  name: string;
  priority: number;
  payload: unknown;
  jobId: string;
  attempt: number;
}

/**
 * Embedded mode's job provider: a FIFO in this process with bounded concurrency, the same retry
 * policy as BullMQ (3 attempts, exponential backoff) and per-tenant daily timers.
 */
export class InProcessJobs implements JobRunner {
  readonly kind = 'in-process' as const;
  #handlers: Record<string, Handler> | null = null;
  #queue: QueuedJob[] = [];
  #pendingIds = new Set<string>();
  #running = 0;
  #timers = new Map<string, NodeJS.Timeout>();
  #retryTimers = new Set<NodeJS.Timeout>();
  #idle: (() => void)[] = [];
  #closed = false;

  constructor(
    private readonly opts: {
      concurrency?: number;
      maxAttempts?: number;
      backoffMs?: number;
      now?: () => number;
      onError?: (error: unknown, job: { name: string; jobId: string; attempt: number }) => void;
    } = {},
  ) {}

  async enqueue<D extends AnyJob>(def: D, payload: PayloadOf<D>, opts: { jobId?: string } = {}) {
    const parsed = def.payload.parse(payload);
    const jobId = opts.jobId ?? `${def.name}:${Math.random().toString(36).slice(2)}`;
    // Same as BullMQ: a job id that is still waiting or running is not added twice.
    if (this.#pendingIds.has(jobId)) return;
    this.#pendingIds.add(jobId);
    this.#push({ name: def.name, priority: def.priority, payload: parsed, jobId, attempt: 1 });
    this.#pump();
  }

  async work(jobs: readonly BoundJob[]) {
    this.#handlers = Object.fromEntries(jobs.map((bound) => [bound.def.name, bound.run]));
    this.#pump();
  }

  async upsertSchedule(schedule: Schedule) {
    this.removeScheduleSync(schedule.tenantId);
    const now = this.opts.now ?? Date.now;
    const arm = () => {
      const delay = Math.max(1000, nextRunAt(now(), schedule.hour, schedule.minute, schedule.timeZone) - now());
      const timer = setTimeout(
        () => {
          void this.enqueue(schedule.job, { tenantId: schedule.tenantId }, { jobId: `scheduled:${schedule.tenantId}` });
          arm();
        },
        Math.min(delay, 2 ** 31 - 1),
      );
      timer.unref();
      this.#timers.set(schedule.tenantId, timer);
    };
    arm();
  }

  async removeSchedule(tenantId: string) {
    this.removeScheduleSync(tenantId);
  }

  private removeScheduleSync(tenantId: string) {
    const timer = this.#timers.get(tenantId);
    if (timer) clearTimeout(timer);
    this.#timers.delete(tenantId);
  }

  hasSchedule(tenantId: string): boolean {
    return this.#timers.has(tenantId);
  }

  /** Resolves when nothing is queued or running (tests, graceful shutdown). */
  onIdle(): Promise<void> {
    if (this.#queue.length === 0 && this.#running === 0 && this.#retryTimers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async close() {
    this.#closed = true;
    for (const t of this.#timers.values()) clearTimeout(t);
    for (const t of this.#retryTimers) clearTimeout(t);
    this.#timers.clear();
    this.#retryTimers.clear();
    this.#queue = [];
    if (this.#running > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  /** FIFO within a priority; lower priority numbers first, as BullMQ orders them. */
  #push(job: QueuedJob) {
    const at = this.#queue.findIndex((queued) => queued.priority > job.priority);
    if (at === -1) this.#queue.push(job);
    else this.#queue.splice(at, 0, job);
  }

  #pump() {
    const handlers = this.#handlers;
    if (!handlers || this.#closed) return;
    const limit = this.opts.concurrency ?? 1;
    while (this.#running < limit && this.#queue.length > 0) {
      const job = this.#queue.shift()!;
      this.#running += 1;
      void this.#execute(handlers, job).finally(() => {
        this.#running -= 1;
        this.#pump();
        this.#checkIdle();
      });
    }
    this.#checkIdle();
  }

  async #execute(handlers: Record<string, Handler>, job: QueuedJob) {
    const handler = handlers[job.name];
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload, { attempt: job.attempt, jobId: job.jobId });
      this.#pendingIds.delete(job.jobId);
    } catch (error) {
      this.opts.onError?.(error, job);
      const maxAttempts = this.opts.maxAttempts ?? 3;
      if (job.attempt >= maxAttempts || this.#closed) {
        this.#pendingIds.delete(job.jobId);
        return;
      }
      const delay = (this.opts.backoffMs ?? 5000) * 2 ** (job.attempt - 1);
      const timer = setTimeout(() => {
        this.#retryTimers.delete(timer);
        this.#push({ ...job, attempt: job.attempt + 1 });
        this.#pump();
      }, delay);
      timer.unref();
      this.#retryTimers.add(timer);
    }
  }

  #checkIdle() {
    if (this.#queue.length === 0 && this.#running === 0 && this.#retryTimers.size === 0) {
      this.#idle.splice(0).forEach((resolve) => resolve());
    }
  }
}
