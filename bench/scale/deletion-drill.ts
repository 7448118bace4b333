// Issue 16 drill for the cleanup jobs: N due deletions across tenants, two real worker processes,
// the worker holding the first Radarr DELETE SIGKILLed while that call is in flight, then Redis and
// PostgreSQL restarted. Runs on private instances only (private-services.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@mj/config';
import { insertDeletions, listArrItems, newId, type DeletionInsert } from '@mj/db';
import { createRuntime } from '@mj/services';
import { insertQueuedRun, seedConnectedTenant } from '@mj/services/testing';
import { startSimulator } from '@mj/simulator';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import pg from 'pg';
import { startPrivateServices } from './private-services';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface DeletionDrillResult {
  deletions: number;
  done: number;
  stuck: number;
  /** Radarr ids that received more than one DELETE (must be empty). */
  doubleDeletes: number[];
  /** Radarr ids of the drill's deletions that received no DELETE at all. */
  missedDeletes: number[];
  killedWorker: boolean;
  /** Deletions finished by a resume that found the item already gone (the killed worker's call). */
  resumedAlreadyDeleted: number;
  /** From the kill to the last deletion finished. */
  recoveryMs: number;
  wallMs: number;
}

function spawnWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', resolve(root, 'apps/worker/src/main.ts')], {
    cwd: root,
    stdio: 'ignore',
    env,
  });
}

async function waitFor(what: string, until: number, check: () => Promise<boolean>) {
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`drill timed out waiting for ${what}`);
    await sleep(200);
  }
}

export async function runDeletionDrill(opts: {
  tenants: number;
  perTenant: number;
  deleteLatencyMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}): Promise<DeletionDrillResult> {
  const log = opts.log ?? (() => undefined);
  const services = await startPrivateServices();
  const name = `mj_deldrill_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: services.databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(services.databaseUrl);
  url.pathname = `/${name}`;
  const key = randomBytes(32);
  const prefix = `mjdel${randomBytes(3).toString('hex')}`;
  const sim = await startSimulator({ scale: 'demo', seed: 300 });
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    REDIS_URL: services.redisUrl,
    ENCRYPTION_KEYS: `k1:${key.toString('base64')}`,
    JWT_SECRET: 'x'.repeat(40),
    SMTP_URL: 'smtp://127.0.0.1:2',
    ALLOW_PRIVATE_NETWORK: 'true',
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: '4',
    LOG_LEVEL: 'silent',
    MALLOC_ARENA_MAX: '2',
  };
  // This process seeds and enqueues with the workers' own runtime (same database, keys and queue).
  const rt = await createRuntime(loadConfig(env), silent);
  const { db, secrets } = rt;
  const workers = [spawnWorker(env), spawnWorker(env)];
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  try {
    const tenants: string[] = [];
    for (let i = 0; i < opts.tenants; i += 1)
      tenants.push(
        await seedConnectedTenant(db, secrets, {
          jellyfin: sim.jellyfin,
          jellyseerr: sim.jellyseerr,
          radarr: sim.radarr,
        }),
      );
    for (const tenantId of tenants) {
      const runId = await insertQueuedRun(db, tenantId, 'manual');
      await rt.queue.enqueueSync({ tenantId, runId });
    }
    const { syncRuns: r } = db.t;
    await waitFor('the syncs', deadline, async () => {
      const rows = await db.q.select({ status: r.status }).from(r);
      return rows.length === tenants.length && rows.every((x) => x.status === 'success' || x.status === 'partial');
    });
    log(`${tenants.length} tenants synced`);

    // Distinct Radarr movies per tenant (they share one simulated Radarr): tenant i takes the i-th group.
    const rows: DeletionInsert[] = [];
    const now = Date.now();
    for (const [i, tenantId] of tenants.entries()) {
      const arr = (await listArrItems(db, tenantId)).filter((a) => a.app === 'radarr');
      const byTmdb = new Map(arr.map((a) => [String(a.tmdbId), a]));
      const titles = (
        await db.q
          .select()
          .from(db.t.titleIssues)
          .where(and(eq(db.t.titleIssues.tenantId, tenantId), eq(db.t.titleIssues.mediaType, 'movie')))
      )
        .filter((t) => t.tmdbId !== null && byTmdb.has(t.tmdbId))
        .sort((a, b) => (a.tmdbId! < b.tmdbId! ? -1 : 1))
        .slice(i * opts.perTenant, (i + 1) * opts.perTenant);
      for (const t of titles) {
        const arrItem = byTmdb.get(t.tmdbId!)!;
        rows.push({
          id: newId(),
          tenantId,
          itemId: t.id,
          kind: 'movie',
          title: t.title,
          tmdbId: t.tmdbId,
          sizeBytes: 1,
          status: 'scheduled',
          executeAt: now,
          addImportExclusion: false,
          target: 'radarr',
          arrItem,
          chosenByUser: true,
          lastWatchedAtSchedule: t.lastWatchedAt,
          scheduledBy: 'user',
          attempts: 0,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    await insertDeletions(db, rows, []);
    // The first DELETEs stay in flight long enough to kill the worker that sent one.
    sim.setFaults('radarr', { routes: { 'DELETE /api/v3/movie/:id': { latencyMs: opts.deleteLatencyMs ?? 1500 } } });
    const started = Date.now();
    for (const d of rows)
      await rt.cleanup.executeDeletion({ tenantId: d.tenantId, deletionId: d.id, executeAt: d.executeAt });
    log(`${rows.length} deletions enqueued`);

    const { deletions: d } = db.t;
    const ids = rows.map((x) => x.id);
    let victim: ChildProcess | undefined;
    await waitFor('a DELETE in flight', deadline, async () => {
      const calling = await db.q
        .select({ owner: d.leaseOwner })
        .from(d)
        .where(and(inArray(d.id, ids), eq(d.status, 'executing'), isNotNull(d.targetCalledAt)));
      const pid = Number(calling[0]?.owner?.split(':')[1]);
      victim = workers.find((w) => w.pid === pid);
      return victim !== undefined;
    });
    // `target_called_at` is written just before the DELETE is sent: give the request time to reach
    // Radarr (it is held there for deleteLatencyMs, 1.5 s) so the kill lands while it is in flight,
    // not before it left (then nothing was deleted and the resume path under test is not exercised).
    await sleep(500);
    victim!.kill('SIGKILL');
    const killedAt = Date.now();
    log(`killed worker ${victim!.pid} during its DELETE`);
    services.restartRedis();
    await sleep(1000);
    services.restartPostgres();
    log('Redis and PostgreSQL restarted');
    sim.setFaults('radarr', {});

    let finished: { status: string; reason: string | null }[] = [];
    await waitFor('every deletion to finish', deadline, async () => {
      finished = await db.q.select({ status: d.status, reason: d.reason }).from(d).where(inArray(d.id, ids));
      return finished.every((x) => x.status !== 'scheduled' && x.status !== 'executing');
    }).catch(() => undefined);
    const end = Date.now();
    const arrIds = rows.map((x) => (x.arrItem as { arrId: number }).arrId);
    const calls = (id: number) => sim.arr.radarr.deleteCalls(id);
    return {
      deletions: rows.length,
      done: finished.filter((x) => x.status === 'done').length,
      stuck: finished.filter((x) => x.status === 'scheduled' || x.status === 'executing').length,
      doubleDeletes: arrIds.filter((id) => calls(id) > 1),
      missedDeletes: arrIds.filter((id) => calls(id) === 0),
      killedWorker: true,
      resumedAlreadyDeleted: finished.filter((x) => x.reason === 'already deleted').length,
      recoveryMs: end - killedAt,
      wallMs: end - started,
    };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(
      workers.map(
        (w) => new Promise((r) => (w.exitCode !== null || w.signalCode !== null ? r(null) : w.once('exit', r))),
      ),
    );
    await sim.close();
    await rt.close().catch(() => undefined);
    services.stop();
  }
}
