import { loadOrCreateEmbeddedSecrets, type AppConfig } from '@mj/config';
import { createDb, migrateDb } from '@mj/db';
import { BullMqJobs, InProcessJobs, type JobRunner } from '@mj/jobs';
import {
  bcryptHasher,
  cleanupQueueOn,
  createMailer,
  resealLegacySecrets,
  SecretBox,
  syncQueueOn,
  systemClock,
  type Logger,
  type MediaSettings,
} from '@mj/services';
import { Redis } from 'ioredis';
import type { AppDeps } from '../deps';

/** Start-up data migration: keys sealed before AAD binding are re-sealed bound to their row. */
export async function bindLegacySecrets(db: Parameters<typeof resealLegacySecrets>[0], box: SecretBox, log: Logger) {
  const report = await resealLegacySecrets(db, box);
  if (report.rotated > 0) log.info({ resealed: report.rotated }, 'bound stored API keys to their connection');
  if (report.unreadable.length > 0)
    log.warn(
      { unreadable: report.unreadable.length },
      'some stored API keys cannot be decrypted: owners must reconnect',
    );
}

/** Builds the process-wide dependencies from configuration: database (migrated), secrets, mail, jobs. */
export async function createDeps(config: AppConfig, log: Logger): Promise<AppDeps & { jobs: JobRunner }> {
  const secrets = config.embedded ? loadOrCreateEmbeddedSecrets(config.storage.dataDir) : undefined;
  const jwtSecret = config.auth.jwtSecret ?? secrets?.jwtSecret;
  const keys = config.crypto.encryptionKeys ?? secrets?.encryptionKeys;
  if (!jwtSecret || !keys) throw new Error('JWT_SECRET and ENCRYPTION_KEYS are required');
  const db = createDb(config.storage.database);
  await migrateDb(db);
  const box = new SecretBox(keys);
  await bindLegacySecrets(db, box, log);
  const redis = config.storage.redisUrl
    ? new Redis(config.storage.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false })
    : undefined;
  redis?.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const jobs: JobRunner = config.storage.redisUrl
    ? new BullMqJobs(config.storage.redisUrl, {
        concurrency: config.worker.concurrency,
        prefix: config.worker.queuePrefix,
      })
    : new InProcessJobs({
        concurrency: config.worker.concurrency,
        onError: (err, job) => log.error({ err, job: job.name, attempt: job.attempt }, 'job failed'),
      });
  const media: MediaSettings = {
    allowPrivateNetwork: config.media.allowPrivateNetwork,
    concurrency: config.media.concurrency,
    timeoutMs: config.media.timeoutMs,
  };
  return {
    config,
    db,
    clock: systemClock,
    jwtSecret,
    redis,
    secrets: box,
    media,
    jobs,
    queue: syncQueueOn(jobs, { db }, config.worker.scheduleJitterMinutes),
    cleanup: cleanupQueueOn(jobs),
    queueCounts: jobs instanceof BullMqJobs ? () => jobs.queue.getJobCounts() : undefined,
    adminQueue: jobs instanceof BullMqJobs ? jobs.queue : undefined,
    staleAfterMs: config.worker.staleAfterMs,
    auth: {
      hasher: bcryptHasher(config.auth.bcryptCost),
      mailer: createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from }),
      signupsEnabled: config.auth.signupsEnabled,
      refreshTokenTtlMs: config.auth.refreshTokenTtlDays * 86_400_000,
      publicUrl: config.server.publicUrl,
    },
  };
}
