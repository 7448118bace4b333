import { loadOrCreateEmbeddedSecrets, type AppConfig } from '@mj/config';
import { createDb, migrateDb, type Db } from '@mj/db';
import { BullMqJobs, InProcessJobs, RedisSharedLimit, type BoundJob, type JobRunner } from '@mj/jobs';
import type { Redis } from 'ioredis';
import { cleanupJobHandlers } from '../cleanup/cleanup-jobs';
import { cleanupQueueOn, type CleanupQueue } from '../cleanup/cleanup-queue';
import { systemClock, type Clock, type Logger } from '../context';
import { resealLegacySecrets } from '../crypto/rotate-keys';
import { SecretBox } from '../crypto/secret-box';
import { createMailer, type Mailer } from '../auth/mailer';
import type { MediaSettings } from '../media-context';
import type { NotifyDeps } from '../notifications/channels';
import { buildNotifyDeps } from '../notifications/notify-deps';
import type { SyncDeps, SyncQueue } from '../sync/sync-context';
import { syncJobHandlers, syncQueueOn } from '../sync/sync-jobs';

// The one composition of the process-wide dependencies, for the API, the worker, the tests and the
// benches alike: database (migrated), secrets, media settings, job runner and the queues on it, mailer
// and clock. What differs between them comes from the configuration, or from `overrides` in tests.

export interface Runtime {
  config: AppConfig;
  log: Logger;
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  jwtSecret: string;
  media: MediaSettings;
  jobs: JobRunner;
  /** Production mode: the Redis connection the queue uses, shared for rate limits and readiness. */
  redis?: Redis;
  queue: SyncQueue;
  cleanup: CleanupQueue;
  mailer: Mailer;
  /** What notification senders need: address policy, mailer, public URL, unsubscribe signing key. */
  notify: NotifyDeps;
  /** Closes the job runner, then the database. */
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  db?: Db;
  clock?: Clock;
  secrets?: SecretBox;
  jwtSecret?: string;
  jobs?: JobRunner;
  media?: Partial<MediaSettings>;
  mailer?: Mailer;
}

/** Start-up data migration: keys sealed before AAD binding are re-sealed bound to their row (idempotent). */
async function bindLegacySecrets(db: Db, box: SecretBox, log: Logger): Promise<void> {
  const report = await resealLegacySecrets(db, box);
  if (report.rotated > 0) log.info({ resealed: report.rotated }, 'bound stored API keys to their connection');
  if (report.unreadable.length > 0)
    log.warn(
      { unreadable: report.unreadable.length },
      'some stored API keys cannot be decrypted: owners must reconnect',
    );
}

function jobRunnerFor(config: AppConfig, log: Logger): JobRunner {
  if (config.storage.redisUrl)
    return new BullMqJobs(config.storage.redisUrl, {
      concurrency: config.worker.concurrency,
      prefix: config.worker.queuePrefix,
    });
  return new InProcessJobs({
    concurrency: config.worker.concurrency,
    onError: (err, job) => log.error({ err, job: job.name, attempt: job.attempt }, 'job failed'),
  });
}

export async function createRuntime(
  config: AppConfig,
  log: Logger,
  overrides: RuntimeOverrides = {},
): Promise<Runtime> {
  const given = {
    jwtSecret: overrides.jwtSecret ?? config.auth.jwtSecret,
    keys: overrides.secrets ? null : config.crypto.encryptionKeys,
  };
  // Embedded mode generates what the operator did not set, once, in the data directory.
  const embedded =
    config.embedded && (!given.jwtSecret || given.keys === undefined)
      ? loadOrCreateEmbeddedSecrets(config.storage.dataDir)
      : undefined;
  const jwtSecret = given.jwtSecret ?? embedded?.jwtSecret;
  const keys = given.keys ?? embedded?.encryptionKeys;
  if (!jwtSecret || (!overrides.secrets && !keys)) throw new Error('JWT_SECRET and ENCRYPTION_KEYS are required');

  let db = overrides.db;
  if (!db) {
    db = createDb(config.storage.database);
    await migrateDb(db);
  }
  const secrets = overrides.secrets ?? new SecretBox(keys!);
  await bindLegacySecrets(db, secrets, log);

  const jobs = overrides.jobs ?? jobRunnerFor(config, log);
  const redis = jobs instanceof BullMqJobs ? jobs.connection : undefined;
  redis?.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));
  const media: MediaSettings = {
    allowPrivateNetwork: config.media.allowPrivateNetwork,
    concurrency: config.media.concurrency,
    timeoutMs: config.media.timeoutMs,
    // MEDIA_CONCURRENCY holds per media server across every process sharing the queue.
    sharedLimit: redis
      ? new RedisSharedLimit(redis, {
          limit: config.media.concurrency,
          prefix: config.worker.queuePrefix,
          ttlMs: config.media.timeoutMs * 2,
        })
      : undefined,
    ...overrides.media,
  };
  const runtimeDb = db;
  const mailer = overrides.mailer ?? createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from });
  return {
    config,
    log,
    db,
    clock: overrides.clock ?? systemClock,
    secrets,
    jwtSecret,
    media,
    jobs,
    redis,
    queue: syncQueueOn(jobs, { db }, config.worker.scheduleJitterMinutes),
    cleanup: cleanupQueueOn(jobs),
    mailer,
    notify: buildNotifyDeps({
      secrets,
      allowPrivateNetwork: media.allowPrivateNetwork,
      mailer,
      publicUrl: config.server.publicUrl,
      jwtSecret,
    }),
    async close() {
      await jobs.close();
      await runtimeDb.close();
    },
  };
}

/**
 * What a sync needs from the runtime (add `tenantId` for one sync). `sync` lets tests and benches
 * shorten heartbeats and back-offs, or set the sync's test seam.
 */
export function syncDepsOf(rt: Runtime, sync: Partial<SyncDeps> = {}): SyncDeps {
  return { db: rt.db, clock: rt.clock, log: rt.log, secrets: rt.secrets, media: rt.media, queue: rt.cleanup, ...sync };
}

/** Every job bound to the runtime: syncs and the cleanup's jobs (deletions, "Leaving soon"). */
export function runtimeJobHandlers(rt: Runtime, sync: Partial<SyncDeps> = {}): BoundJob[] {
  const deps = syncDepsOf(rt);
  return [...syncJobHandlers({ ...deps, ...sync }), ...cleanupJobHandlers(deps, rt.jobs)];
}
