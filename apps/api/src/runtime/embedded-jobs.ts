import { failStaleRuns } from '@mj/db';
import {
  CLEANUP_TICK_MS,
  enqueueDueDeletions,
  runtimeJobHandlers,
  sweepNotifications,
  syncSchedules,
  SYNC_DEFAULTS,
  type Logger,
  type Runtime,
} from '@mj/services';

/**
 * Embedded mode: the in-process runner executes syncs and nightly schedules. Runs left "running" by a
 * previous process that died are failed at start (nothing stays running forever).
 */
export async function startEmbeddedJobs(rt: Runtime, log: Logger): Promise<() => Promise<void>> {
  const { db, clock } = rt;
  await failStaleRuns(db, { now: clock.now() + SYNC_DEFAULTS.staleAfterMs, staleAfterMs: 0, queuedTimeoutMs: 0 });
  await rt.jobs.work(runtimeJobHandlers(rt));
  const count = await syncSchedules(rt, rt.jobs, rt.config.worker.scheduleJitterMinutes);
  // Due deletions are found by a minute-level tick (RULES §9); the database holds the schedule.
  const tick = () =>
    void enqueueDueDeletions(rt, rt.cleanup).catch((error: unknown) =>
      log.warn({ err: (error as Error).message }, 'could not look for due deletions'),
    );
  // The same tick derives notification events and sends due deliveries (RULES §10).
  const { notify } = rt;
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
    await rt.jobs.close();
  };
}
