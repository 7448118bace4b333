import type { AppConfig } from '@mj/config';
import type { Db } from '@mj/db';
import type { AuthSettings, Clock } from '@mj/services';
import type { Redis } from 'ioredis';

/** Everything the HTTP layer needs, built once per process (runtime/) or per test. */
export interface AppDeps {
  config: AppConfig;
  db: Db;
  clock: Clock;
  auth: AuthSettings;
  jwtSecret: string;
  /** Present in production mode: shared rate limits and readiness. */
  redis?: Redis;
}
