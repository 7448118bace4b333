import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { AnyJob, BoundJob, PayloadOf } from './definitions';
import { scheduleId, type JobRunner, type Schedule } from './runner';

export const SYNC_QUEUE = 'mj-sync';

// BullMQ ids may not contain ':' (it separates Redis key parts).
const safeId = (id: string) => id.replaceAll(':', '-');

/** Production job provider: BullMQ on Redis, shared by every worker process. */
export class BullMqJobs implements JobRunner {
  readonly kind = 'bullmq' as const;
  readonly queue: Queue;
  readonly connection: Redis;
  #worker: Worker | null = null;

  constructor(
    redisUrl: string,
    private readonly opts: { concurrency?: number; prefix?: string; lockDurationMs?: number; backoffMs?: number } = {},
  ) {
    // Workers block on Redis: BullMQ requires maxRetriesPerRequest null so commands wait for reconnects.
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true });
    this.connection.on('error', () => undefined);
    this.queue = new Queue(SYNC_QUEUE, {
      connection: this.connection as ConnectionOptions,
      prefix: opts.prefix ?? 'mj',
      defaultJobOptions: {
        attempts: 3,
        backoff: { type: 'exponential', delay: opts.backoffMs ?? 5000 },
        removeOnComplete: { count: 1000, age: 7 * 86400 },
        removeOnFail: { count: 5000, age: 30 * 86400 },
      },
    });
    this.queue.on('error', () => undefined);
  }

  async enqueue<D extends AnyJob>(def: D, payload: PayloadOf<D>, opts: { jobId?: string } = {}) {
    const data = def.payload.parse(payload) as object;
    await this.queue.add(def.name, data, {
      priority: def.priority,
      ...(opts.jobId ? { jobId: safeId(opts.jobId) } : {}),
    });
  }

  async work(jobs: readonly BoundJob[]) {
    const byName = new Map(jobs.map((bound) => [bound.def.name, bound]));
    this.#worker = new Worker(
      SYNC_QUEUE,
      async (job) => {
        const bound = byName.get(job.name);
        if (!bound) throw new Error(`no handler for job ${job.name}`);
        // Re-validate: the queue is shared and outlives deployments of differing versions.
        const payload = bound.def.payload.parse(job.data);
        await bound.run(payload, { attempt: job.attemptsMade + 1, jobId: job.id ?? '' });
      },
      {
        connection: this.connection.duplicate() as ConnectionOptions,
        prefix: this.opts.prefix ?? 'mj',
        concurrency: this.opts.concurrency ?? 2,
        // The lock is renewed every lockDuration/2 while a job runs; a worker that dies stops renewing,
        // so its job is found stalled and handed to another worker within ~lockDuration + interval,
        // well before the 60 s heartbeat rule would declare the run dead.
        lockDuration: this.opts.lockDurationMs ?? 30_000,
        stalledInterval: 15_000,
        maxStalledCount: 2,
      },
    );
    this.#worker.on('error', () => undefined);
  }

  get worker(): Worker | null {
    return this.#worker;
  }

  async upsertSchedule(schedule: Schedule) {
    await this.queue.upsertJobScheduler(
      safeId(scheduleId(schedule.tenantId)),
      { pattern: `${schedule.minute} ${schedule.hour} * * *`, tz: schedule.timeZone },
      {
        name: schedule.job.name,
        data: { tenantId: schedule.tenantId },
        opts: { priority: schedule.job.priority },
      },
    );
  }

  async removeSchedule(tenantId: string) {
    await this.queue.removeJobScheduler(safeId(scheduleId(tenantId)));
  }

  async close() {
    await this.#worker?.close();
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
