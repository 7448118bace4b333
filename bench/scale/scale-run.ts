// The production topology under load: N tenants on PostgreSQL + Redis, W real worker processes, one of
// which can be killed mid-run. Shared by `pnpm bench:scale` and the CI test (a smaller run).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@mj/config';
import type { Db } from '@mj/db';
import { createScratchDatabase } from '@mj/db/testing';
import { insertQueuedRun, seedConnectedTenant } from '@mj/services/testing';
import { BullMqJobs } from '@mj/jobs';
import { createRuntime } from '@mj/services';
import { startSimulator, type Simulator } from '@mj/simulator';
import { startPrivateServices, type PrivateServices } from './private-services';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ScaleOptions {
  tenants: number;
  workers: number;
  /** Simulated media servers; tenants are spread over them round-robin. */
  servers?: number;
  /** Kill one worker (SIGKILL) once this fraction of tenants is synced; 0 = never. */
  killAt?: number;
  workerConcurrency?: number;
  latencyMs?: number;
  timeoutMs?: number;
  databaseUrl?: string;
  redisUrl?: string;
  /**
   * Drill: restart Redis, then PostgreSQL, once this fraction of tenants is synced. The drill runs on
   * private instances started for the run (never the machine's shared services).
   */
  restartServicesAt?: number;
  log?: (line: string) => void;
}

export interface ScaleResult {
  tenants: number;
  workers: number;
  synced: number;
  failed: number;
  duplicates: number;
  stuck: number;
  killedWorker: boolean;
  restartedServices: boolean;
  /** Every failed run's reason, with how many runs gave it. */
  failureReasons: Record<string, number>;
  /** From the first fault to the last run finished (null without a fault). */
  recoveryMs: number | null;
  wallMs: number;
  tenantsPerMinPerWorker: number;
  maxWaitMs: number;
}

function spawnWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(
    process.execPath,
    ['--max-old-space-size=160', '--import', 'tsx', resolve(root, 'apps/worker/src/main.ts')],
    {
      cwd: root,
      stdio: 'ignore',
      env,
    },
  );
}

async function runStats(db: Db) {
  const rows = await db.q
    .select({
      tenantId: db.t.syncRuns.tenantId,
      status: db.t.syncRuns.status,
      error: db.t.syncRuns.error,
      createdAt: db.t.syncRuns.createdAt,
      finishedAt: db.t.syncRuns.finishedAt,
    })
    .from(db.t.syncRuns);
  const byTenant = new Map<string, string[]>();
  let maxWaitMs = 0;
  for (const r of rows) {
    byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.status]);
    if (r.finishedAt) maxWaitMs = Math.max(maxWaitMs, r.finishedAt - r.createdAt);
  }
  const failureReasons: Record<string, number> = {};
  for (const r of rows) {
    if (r.status === 'failed')
      failureReasons[r.error ?? '(no reason)'] = (failureReasons[r.error ?? '(no reason)'] ?? 0) + 1;
  }
  const success = rows.filter((r) => r.status === 'success' || r.status === 'partial').length;
  return {
    synced: [...byTenant.values()].filter((s) => s.some((x) => x === 'success' || x === 'partial')).length,
    failed: rows.filter((r) => r.status === 'failed').length,
    successRuns: success,
    stuck: rows.filter((r) => r.status === 'queued' || r.status === 'running').length,
    maxWaitMs,
    failureReasons,
  };
}

export async function runScale(opts: ScaleOptions): Promise<ScaleResult> {
  const log = opts.log ?? (() => undefined);
  const drill = !!opts.restartServicesAt;
  const services: PrivateServices | null = drill ? await startPrivateServices() : null;
  const adminUrl =
    services?.databaseUrl ??
    opts.databaseUrl ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = services?.redisUrl ?? opts.redisUrl ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const database = await createScratchDatabase('mj_scale', adminUrl);
  const key = randomBytes(32);
  const prefix = `mjscale${randomBytes(3).toString('hex')}`;
  const sims: Simulator[] = [];
  for (let i = 0; i < (opts.servers ?? 4); i += 1) {
    sims.push(
      await startSimulator({ scale: 'demo', seed: 100 + i, ...(opts.latencyMs ? { latencyMs: opts.latencyMs } : {}) }),
    );
  }
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    ENCRYPTION_KEYS: `k1:${key.toString('base64')}`,
    JWT_SECRET: 'x'.repeat(40),
    SMTP_URL: 'smtp://127.0.0.1:2',
    ALLOW_PRIVATE_NETWORK: 'true',
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: String(opts.workerConcurrency ?? 4),
    LOG_LEVEL: 'silent',
    MALLOC_ARENA_MAX: '2',
  };
  // This process seeds and enqueues with the workers' own runtime (same database, keys and queue).
  const rt = await createRuntime(loadConfig(env), silent);
  const { db, secrets } = rt;
  const workers = Array.from({ length: opts.workers }, () => spawnWorker(env));
  let killedWorker = false;
  let restartedServices = false;
  let faultAt: number | null = null;
  try {
    log(`seeding ${opts.tenants} tenants`);
    const tenants: string[] = [];
    for (let i = 0; i < opts.tenants; i += 1) {
      const sim = sims[i % sims.length]!;
      tenants.push(await seedConnectedTenant(db, secrets, { jellyfin: sim.jellyfin, jellyseerr: sim.jellyseerr }));
    }
    const started = Date.now();
    for (const tenantId of tenants) {
      const runId = await insertQueuedRun(db, tenantId, 'schedule');
      await rt.queue.enqueueSync({ tenantId, runId });
    }
    log(`enqueued ${tenants.length} syncs for ${opts.workers} workers`);
    const deadline = started + (opts.timeoutMs ?? 30 * 60_000);
    for (;;) {
      const stats = await runStats(db).catch(() => null);
      // While PostgreSQL restarts the poll itself fails: wait and look again.
      if (!stats) {
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      if (!killedWorker && opts.killAt && stats.synced >= opts.tenants * opts.killAt && workers.length > 1) {
        workers[0]!.kill('SIGKILL');
        killedWorker = true;
        faultAt ??= Date.now();
        log(`killed worker 1 at ${stats.synced} synced`);
      }
      if (!restartedServices && opts.restartServicesAt && stats.synced >= opts.tenants * opts.restartServicesAt) {
        restartedServices = true;
        faultAt ??= Date.now();
        log(`restarting Redis at ${stats.synced} synced`);
        services!.restartRedis();
        await new Promise((r) => setTimeout(r, 3000));
        log('restarting PostgreSQL');
        services!.restartPostgres();
      }
      if (stats.stuck === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const wallMs = Date.now() - started;
    const recoveryMs = faultAt === null ? null : Date.now() - faultAt;
    const stats = await runStats(db);
    return {
      restartedServices,
      tenants: opts.tenants,
      workers: opts.workers,
      synced: stats.synced,
      failed: stats.failed,
      duplicates: stats.successRuns - stats.synced,
      stuck: stats.stuck,
      killedWorker,
      failureReasons: stats.failureReasons,
      recoveryMs,
      wallMs,
      tenantsPerMinPerWorker: Math.round((stats.synced / (wallMs / 60_000) / opts.workers) * 10) / 10,
      maxWaitMs: stats.maxWaitMs,
    };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(
      workers.map(
        (w) => new Promise((r) => (w.exitCode !== null || w.signalCode !== null ? r(null) : w.once('exit', r))),
      ),
    );
    if (rt.jobs instanceof BullMqJobs) await rt.jobs.queue.obliterate({ force: true }).catch(() => undefined);
    for (const sim of sims) await sim.close();
    await rt.close();
    await database.drop().catch(() => undefined);
    services?.stop();
  }
}
