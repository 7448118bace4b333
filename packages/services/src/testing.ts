import { createUserWithTenant, insertSyncRun, newId, saveSettingsOverrides, upsertConnection, type Db } from '@mj/db';
import { InProcessJobs } from '@mj/jobs';
import { cleanupQueueOn, type CleanupQueue } from './cleanup/cleanup-queue';
import { connectionAad, type SecretBox } from './crypto/secret-box';

// Seeding helpers shared by the tests and benchmarks that drive syncs without the HTTP layer.

export interface ServerAccessSeed {
  url: string;
  apiKey: string;
}

/** A tenant (with its owner) whose Jellyfin and, optionally, Jellyseerr are connected. */
export async function seedConnectedTenant(
  db: Db,
  secrets: SecretBox,
  servers: {
    jellyfin: ServerAccessSeed;
    jellyseerr?: ServerAccessSeed;
    radarr?: ServerAccessSeed;
    sonarr?: ServerAccessSeed;
  },
  now = Date.now(),
): Promise<string> {
  const tenantId = newId(now);
  await createUserWithTenant(db, {
    userId: newId(now),
    tenantId,
    email: `seed-${tenantId}@example.test`,
    passwordHash: 'x',
    now,
  });
  for (const kind of ['jellyfin', 'jellyseerr', 'radarr', 'sonarr'] as const) {
    const server = servers[kind];
    if (!server) continue;
    await upsertConnection(db, {
      tenantId,
      kind,
      url: server.url,
      apiKeyCipher: secrets.seal(server.apiKey, connectionAad(tenantId, kind)),
      createdAt: now,
      updatedAt: now,
    });
  }
  // The nightly schedule must not fire while a test or benchmark runs (the default 03:00 UTC would,
  // for runs started between 03:00 and 03:30): put it half a day away.
  const awayHour = (new Date(now).getUTCHours() + 12) % 24;
  await saveSettingsOverrides(db, tenantId, { syncHour: awayHour }, now);
  return tenantId;
}

/** A run waiting for a worker, as `requestSync` or the nightly schedule creates it. */
export async function insertQueuedRun(
  db: Db,
  tenantId: string,
  trigger: 'manual' | 'schedule' = 'manual',
): Promise<string> {
  const runId = newId();
  await insertSyncRun(db, {
    id: runId,
    tenantId,
    status: 'queued',
    trigger,
    allowShrink: false,
    done: 0,
    createdAt: Date.now(),
  });
  return runId;
}

/**
 * A cleanup queue no worker consumes, for tests that call `runSync` directly: the sync hands its
 * post-sync upkeep ("Leaving soon") to it, and the job stays queued in memory.
 */
export function unconsumedCleanupQueue(): CleanupQueue {
  return cleanupQueueOn(new InProcessJobs());
}
