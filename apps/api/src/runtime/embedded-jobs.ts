import { failStaleRuns } from '@mj/db';
import { syncJobHandlers, syncSchedules, SYNC_DEFAULTS, type Logger } from '@mj/services';
import type { createDeps } from './create-deps';

type Deps = Awaited<ReturnType<typeof createDeps>>;

/**
 * Embedded mode: the in-process runner executes syncs and nightly schedules. Runs left "running" by a
 * previous process that died are failed at start (nothing stays running forever).
 */
export async function startEmbeddedJobs(deps: Deps, log: Logger): Promise<() => Promise<void>> {
  const { db, clock, secrets, media } = deps;
  await failStaleRuns(db, { now: clock.now() + SYNC_DEFAULTS.staleAfterMs, staleAfterMs: 0, queuedTimeoutMs: 0 });
  await deps.jobs.work(syncJobHandlers({ db, clock, log, secrets, media }));
  const count = await syncSchedules(deps, deps.jobs, deps.config.worker.scheduleJitterMinutes);
  log.info({ schedules: count }, 'in-process jobs started');
  return () => deps.jobs.close();
}
