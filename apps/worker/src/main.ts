import { loadConfigOrExit } from '@mj/config';
import { failStaleRuns } from '@mj/db';
import {
  ABANDONED_DELETION_CHECK_MS,
  CLEANUP_TICK_MS,
  createRuntime,
  enqueueDueDeletions,
  requeueQueuedRuns,
  resumeSilentRuns,
  runtimeJobHandlers,
  sweepNotifications,
  syncSchedules,
  SYNC_DEFAULTS,
} from '@mj/services';
import pino from 'pino';

// The production worker: consumes sync jobs from BullMQ. Run as many as needed, on any machine; one
// sync per tenant is guaranteed by the database lease, not by this process.

const STALE_CHECK_MS = 30_000;
// How often every worker looks for runs whose worker died (issue 16): recovery within
// resumeAfterMs (20 s) + this.
const RESUME_CHECK_MS = 5_000;

async function main() {
  const config = loadConfigOrExit();
  const log = pino({ level: config.server.logLevel, base: { role: 'worker', pid: process.pid } });
  if (!config.storage.redisUrl || !config.crypto.encryptionKeys || !config.auth.jwtSecret) {
    log.fatal(
      'the worker needs REDIS_URL, ENCRYPTION_KEYS and JWT_SECRET (embedded mode runs jobs inside `pnpm start`)',
    );
    process.exit(1);
  }
  // The API process binds legacy keys at start-up too; the runtime does it here as well, which keeps a
  // worker-first deployment correct (the re-seal is idempotent).
  const rt = await createRuntime(config, log);
  const { db, jobs, cleanup, notify } = rt;
  const deps = { db, clock: rt.clock, log };
  await jobs.work(runtimeJobHandlers(rt));
  // Due deletions are found by a minute-level tick in every worker; job ids dedupe, leases keep one run.
  const cleanupTimer = setInterval(
    () =>
      void enqueueDueDeletions(deps, cleanup).catch((error: unknown) =>
        log.warn({ err: (error as Error).message }, 'could not look for due deletions'),
      ),
    CLEANUP_TICK_MS,
  );
  cleanupTimer.unref();
  // Deletions of a worker that died are resumed once their short lease expired (issue 16).
  const abandonedTimer = setInterval(
    () =>
      void enqueueDueDeletions(deps, cleanup, 500, { abandonedOnly: true })
        .then((n) => n > 0 && log.warn({ deletions: n }, 'deletions of a stopped worker handed to the queue again'))
        .catch((error: unknown) =>
          log.warn({ err: (error as Error).message }, 'could not look for abandoned deletions'),
        ),
    ABANDONED_DELETION_CHECK_MS,
  );
  abandonedTimer.unref();

  // Notification events are derived and due deliveries sent by the same tick in every worker: events
  // are keyed (one delivery per event+channel) and deliveries leased, so several workers send once.
  const notifyTimer = setInterval(
    () =>
      void sweepNotifications({ ...deps, notify }).catch((error: unknown) =>
        log.warn({ err: (error as Error).message }, 'could not send notifications'),
      ),
    CLEANUP_TICK_MS,
  );
  notifyTimer.unref();

  // The database is the source of truth for schedules and queued runs; the queue's copy can be lost.
  const restoreSchedules = async () => {
    try {
      const n = await syncSchedules(deps, jobs, config.worker.scheduleJitterMinutes);
      const requeued = await requeueQueuedRuns(deps, jobs);
      log.info({ schedules: n, requeued }, 'schedules and queued runs restored from the database');
    } catch (error) {
      log.error({ err: error }, 'could not restore schedules and queued runs');
    }
  };
  await restoreSchedules();
  // A Redis that restarted without persistence lost the schedulers and waiting jobs: restore them on
  // every reconnect (idempotent: scheduler and job ids are stable).
  rt.redis?.on('ready', () => {
    void restoreSchedules();
    // Due deletions whose jobs the restart lost: enqueued now rather than at the next minute tick.
    void enqueueDueDeletions(deps, cleanup).catch((error: unknown) =>
      log.warn({ err: (error as Error).message }, 'could not look for due deletions'),
    );
  });

  // Runs whose worker died are resumed (same run id, same lease) by whoever looks first.
  const resumeTimer = setInterval(() => {
    resumeSilentRuns(deps, jobs)
      .then((n) => n > 0 && log.warn({ runs: n }, 'runs of a stopped worker handed to the queue again'))
      .catch((error: unknown) => log.warn({ err: (error as Error).message }, 'resume check failed'));
  }, RESUME_CHECK_MS);
  resumeTimer.unref();

  // Runs nobody resumed (no live worker for 60 s, or queued for 15 min) are failed by whoever looks first.
  const staleTimer = setInterval(() => {
    failStaleRuns(db, {
      now: Date.now(),
      staleAfterMs: config.worker.staleAfterMs,
      queuedTimeoutMs: SYNC_DEFAULTS.queuedTimeoutMs,
    })
      .then((ids) => ids.length > 0 && log.warn({ runs: ids }, 'stale sync runs marked failed'))
      .catch((error: unknown) => log.warn({ err: (error as Error).message }, 'stale-run check failed'));
  }, STALE_CHECK_MS);
  staleTimer.unref();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping: finishing running jobs');
    clearInterval(staleTimer);
    clearInterval(resumeTimer);
    clearInterval(cleanupTimer);
    clearInterval(abandonedTimer);
    clearInterval(notifyTimer);
    await jobs.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  log.info({ concurrency: config.worker.concurrency, database: config.storage.database.dialect }, 'worker started');
}

await main();
