import type { AppConfig } from '@mj/config';
import { BullMqJobs, type JobRunner } from '@mj/jobs';
import { bcryptHasher, createRuntime, type Logger, type Runtime } from '@mj/services';
import type { AppDeps } from '../deps';

/** What the HTTP layer needs, taken from the process's runtime. */
export function appDepsFrom(rt: Runtime): AppDeps & { jobs: JobRunner } {
  const { config, jobs } = rt;
  return {
    config,
    db: rt.db,
    clock: rt.clock,
    jwtSecret: rt.jwtSecret,
    redis: rt.redis,
    secrets: rt.secrets,
    media: rt.media,
    jobs,
    queue: rt.queue,
    cleanup: rt.cleanup,
    queueCounts: jobs instanceof BullMqJobs ? () => jobs.queue.getJobCounts() : undefined,
    adminQueue: jobs instanceof BullMqJobs ? jobs.queue : undefined,
    staleAfterMs: config.worker.staleAfterMs,
    auth: {
      hasher: bcryptHasher(config.auth.bcryptCost),
      mailer: rt.mailer,
      signupsEnabled: config.auth.signupsEnabled,
      refreshTokenTtlMs: config.auth.refreshTokenTtlDays * 86_400_000,
      publicUrl: config.server.publicUrl,
    },
  };
}

/** Builds the process-wide dependencies from configuration (see `createRuntime`). */
export async function createDeps(config: AppConfig, log: Logger) {
  const runtime = await createRuntime(config, log);
  return { runtime, deps: appDepsFrom(runtime) };
}
