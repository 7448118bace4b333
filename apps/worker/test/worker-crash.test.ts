import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSyncRun, getSyncState } from '@mj/db';
import { insertQueuedRun, seedConnectedTenant, unconsumedCleanupQueue } from '@mj/services/testing';
import { createTestDb, type TestDb } from '@mj/db/testing';
import { BullMqJobs } from '@mj/jobs';
import { getSyncStatus, runSync, SecretBox, syncTenantJob, systemClock } from '@mj/services';
import { startSimulator, type Simulator } from '@mj/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a worker killed with SIGKILL mid-sync (PostgreSQL + Redis, real worker process)', () => {
  let db: TestDb;
  let sim: Simulator;
  let worker: ChildProcess | undefined;
  const key = randomBytes(32);
  const secrets = new SecretBox([{ id: 'k1', key }]);
  const prefix = `mjcrash${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDb('pg');
    sim = await startSimulator({ scale: 'demo', seed: 3 });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await sim?.close();
    await db?.destroy();
  });

  it('marks the run failed within a minute, keeps the previous data, and lets the tenant sync again', async () => {
    const tenantId = await seedConnectedTenant(db, secrets, { jellyfin: sim.jellyfin });
    const ctx = {
      db,
      clock: systemClock,
      log: silent,
      tenantId,
      secrets,
      media: { allowPrivateNetwork: true, concurrency: 4, timeoutMs: 10_000 },
      queue: unconsumedCleanupQueue(),
    };

    // A first, in-process sync gives the tenant data to protect.
    const firstRun = await insertQueuedRun(db, tenantId);
    expect(await runSync(ctx, { runId: firstRun })).toBe('success');
    const before = await getSyncState(db, tenantId);

    // The second sync runs in a real worker process, slowed down so it can be killed mid-way.
    sim.setFaults('jellyfin', { latencyMs: 400 });
    worker = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'apps/worker/src/main.ts')], {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: db.driver.kind === 'pg' ? (db.driver.pool.options.connectionString as string) : '',
        REDIS_URL: redisUrl,
        ENCRYPTION_KEYS: `k1:${key.toString('base64')}`,
        JWT_SECRET: 'x'.repeat(40),
        SMTP_URL: 'smtp://127.0.0.1:2',
        ALLOW_PRIVATE_NETWORK: 'true',
        QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'silent',
      },
    });
    const runId = await insertQueuedRun(db, tenantId);
    const producer = new BullMqJobs(redisUrl, { prefix });
    try {
      await producer.enqueue(syncTenantJob, { tenantId, runId });
      await waitFor(
        'the worker to start the sync',
        async () => (await findSyncRun(db, tenantId, runId))?.status === 'running',
      );
      worker.kill('SIGKILL');
      await new Promise((r) => worker!.once('exit', r));

      // Nothing of the dead worker's run is visible: the previous snapshot is still current.
      expect(await getSyncState(db, tenantId)).toMatchObject({ librarySnapshotId: before!.librarySnapshotId });

      // The stale check runs where the status is read, not in the dead worker.
      const statusCtx = { db, clock: systemClock, log: silent, tenantId, userId: 'u', staleAfterMs: 2_000 };
      const status = await waitFor(
        'the stale run to be failed',
        async () => {
          const s = await getSyncStatus(statusCtx);
          return s.state === 'idle' && s.lastRun?.id === runId ? s : undefined;
        },
        60_000,
      );
      expect(status.lastRun).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped responding/) });
      expect((await getSyncState(db, tenantId))!.librarySnapshotId).toBe(before!.librarySnapshotId);

      // And the lease was released: a new sync succeeds.
      sim.setFaults('jellyfin', {});
      const again = await insertQueuedRun(db, tenantId);
      expect(await runSync(ctx, { runId: again })).toBe('success');
    } finally {
      await producer.queue.obliterate({ force: true }).catch(() => undefined);
      await producer.close();
    }
  }, 120_000);
});
