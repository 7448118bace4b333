import { loadOrCreateEmbeddedSecrets, type AppConfig } from '@mj/config';
import { createDb, migrateDb } from '@mj/db';
import { bcryptHasher, createMailer, systemClock, type Logger } from '@mj/services';
import { Redis } from 'ioredis';
import type { AppDeps } from '../deps';

/** Builds the process-wide dependencies from configuration: database (migrated), secrets, mail, Redis. */
export async function createDeps(config: AppConfig, log: Logger): Promise<AppDeps> {
  const secrets = config.embedded ? loadOrCreateEmbeddedSecrets(config.storage.dataDir) : undefined;
  const jwtSecret = config.auth.jwtSecret ?? secrets?.jwtSecret;
  if (!jwtSecret) throw new Error('JWT_SECRET is required');
  const db = createDb(config.storage.database);
  await migrateDb(db);
  const redis = config.storage.redisUrl
    ? new Redis(config.storage.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false })
    : undefined;
  redis?.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  return {
    config,
    db,
    clock: systemClock,
    jwtSecret,
    redis,
    auth: {
      hasher: bcryptHasher(config.auth.bcryptCost),
      mailer: createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, log }),
      signupsEnabled: config.auth.signupsEnabled,
      refreshTokenTtlMs: config.auth.refreshTokenTtlDays * 86_400_000,
      publicUrl: config.server.publicUrl,
    },
  };
}
