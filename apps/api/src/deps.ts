import type { AppConfig } from '@mj/config';
import type { Db } from '@mj/db';
import type { AuthSettings, CleanupQueue, Clock, MediaSettings, SecretBox, SyncQueue } from '@mj/services';
import type { Queue } from 'bullmq';
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
  secrets: SecretBox;
  media: MediaSettings;
  /** Where sync jobs go: BullMQ in production, the in-process runner when embedded. */
  queue: SyncQueue;
  /** Where deletions and "Leaving soon" refreshes go (same runner as syncs). */
  cleanup: CleanupQueue;
  /** A running sync silent for this long is declared dead (RULES §8). */
  staleAfterMs: number;
  /** Embedded mode's bundled demo servers (never in production). */
  demo?: DemoServers;
  /** Job counts by state, for the metrics (BullMQ in production). */
  queueCounts?: () => Promise<Record<string, number>>;
  /** The BullMQ queue, for the operators' dashboard (production mode). */
  adminQueue?: Queue;
}

export interface DemoServers {
  jellyfin: { url: string; apiKey: string };
  jellyseerr: { url: string; apiKey: string };
  radarr?: { url: string; apiKey: string };
  sonarr?: { url: string; apiKey: string };
}
