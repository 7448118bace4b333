import { failStaleRuns } from '@mj/db';
import {
  afterSyncCleanup,
  CLEANUP_TICK_MS,
  cleanupJobHandlers,
  enqueueDueDeletions,
  sweepNotifications,
  syncJobHandlers,
  syncSchedules,
  SYNC_DEFAULTS,
  type Logger,
} from '@mj/services';
import { notifyDeps } from '../routes/notify-deps';
import type { createDeps } from './create-deps';

type Deps = Awaited<ReturnType<typeof createDeps>>;

/**
 * Embedded mode: the in-process runner executes syncs and nightly schedules. Runs left "running" by a
 * previous process that died are failed at start (nothing stays running forever).
 */
export async function startEmbeddedJobs(deps: Deps, log: Logger): Promise<() => Promise<void>> {
  const { db, clock, secrets, media } = deps;
  await failStaleRuns(db, { now: clock.now() + SYNC_DEFAULTS.staleAfterMs, staleAfterMs: 0, queuedTimeoutMs: 0 });
  await deps.jobs.work({
    ...syncJobHandlers({
      db,
      clock,
      log,
      secrets,
      media,
      onSynced: (t) => afterSyncCleanup({ db, clock, log, queue: deps.cleanup }, t),
    }),
    ...cleanupJobHandlers({ db, clock, log, secrets, media, queue: deps.cleanup }, deps.jobs),
  });
  const count = await syncSchedules(deps, deps.jobs, deps.config.worker.scheduleJitterMinutes);
  // Due deletions are found by a minute-level tick (RULES §9); the database holds the schedule.
  const tick = () =>
    void enqueueDueDeletions(deps, deps.cleanup).catch((error: unknown) =>
      log.warn({ err: (error as Error).message }, 'could not look for due deletions'),
    );
  // The same tick derives notification events and sends due deliveries (RULES §10).
  const notify = notifyDeps(deps);
  const notifyTick = () =>
    void sweepNotifications({ db, clock, log, notify }).catch((error: unknown) =>
      log.warn({ err: (error as Error).message }, 'could not send notifications'),
    );
  tick();
  notifyTick();
  const timer = setInterval(() => {
    tick();
    notifyTick();
  }, CLEANUP_TICK_MS);
  timer.unref();
  log.info({ schedules: count }, 'in-process jobs started');
  return async () => {
    clearInterval(timer);
    await deps.jobs.close();
  };
}
