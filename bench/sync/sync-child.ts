// Runs ONE sync the way a worker does, in its own process, so its peak RSS is the worker's alone.
// Input: a JSON line on argv[2]; output: a JSON line with timings and counts.
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { loadConfig } from '@mj/config';
import { findSyncRun, getSyncState } from '@mj/db';
import { insertQueuedRun, seedConnectedTenant } from '@mj/services/testing';
import { createRuntime, getDashboard, runSync, SecretBox, syncDepsOf, systemClock } from '@mj/services';

const input = JSON.parse(process.argv[2]!) as {
  database: { dialect: 'sqlite'; file: string } | { dialect: 'pg'; url: string };
  jellyfin: { url: string; apiKey: string };
  jellyseerr: { url: string; apiKey: string };
  analyse: boolean;
  /** The simulator's reference instant: the sync and the analyses run at it, as its truth does. */
  now?: string;
  /** The simulator's ground truth (its `--truth` file), to compare the dashboard with. */
  truth?: { dashboard: Record<string, unknown> };
  /**
   * incremental: a full sync first (not measured), then scripted changes (`changes`, fractions of the
   * items and of the watch records), then the measured scheduled sync, then a full sync whose rows and
   * dashboard it must equal (truthMatches).
   */
  mode?: 'full' | 'incremental';
  changes?: { items: number; watch: number };
};

const log = { info: () => undefined, warn: () => undefined, error: (o: object) => console.error(JSON.stringify(o)) };
const clock = input.now ? { now: () => Date.parse(input.now!) } : systemClock;
const secrets = new SecretBox([{ id: 'bench', key: randomBytes(32) }]);
// The worker's runtime (database migrated, media settings), as `createRuntime` builds it for the apps.
const config = loadConfig({
  LOG_LEVEL: 'silent',
  DATABASE_URL: input.database.dialect === 'pg' ? input.database.url : input.database.file,
  ALLOW_PRIVATE_NETWORK: 'true',
  MEDIA_CONCURRENCY: '4',
  MEDIA_TIMEOUT_MS: '60000',
});
const rt = await createRuntime(config, log, { clock, secrets, jwtSecret: 'bench-secret-bench-secret-bench-secret-01' });
const { db } = rt;
const tenantId = await seedConnectedTenant(db, secrets, { jellyfin: input.jellyfin, jellyseerr: input.jellyseerr });

let peakRss = process.memoryUsage().rss;
const baselineRssMb = peakRss / 2 ** 20;
let peakStep = 'start';
let traceStep = '';
let samples = 0;
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  // MJ_MEM_TRACE=1: a stderr line every 0.5 s (step, RSS, heap) to find where memory goes.
  if (process.env.MJ_MEM_TRACE && samples++ % 10 === 0) {
    const m = process.memoryUsage();
    void db.q
      .select({ step: db.t.syncRuns.step, status: db.t.syncRuns.status })
      .from(db.t.syncRuns)
      .then((rows) => (traceStep = rows.find((r) => r.status === 'running')?.step ?? 'not running'));
    console.error(`mem ${traceStep} rss=${Math.round(m.rss / 2 ** 20)} heap=${Math.round(m.heapUsed / 2 ** 20)}`);
  }
  if (rss > peakRss) {
    peakRss = rss;
    void db.q
      .select({ step: db.t.syncRuns.step, status: db.t.syncRuns.status })
      .from(db.t.syncRuns)
      .then((rows) => (peakStep = rows.find((r) => r.status === 'running')?.step ?? 'after the sync'));
  }
}, 50);

const full = { ...syncDepsOf(rt), tenantId };
const incremental = input.mode === 'incremental';
/**
 * The current snapshot's rows (without snapshot ids) as one digest per table: an order-independent sum of
 * per-row hashes, read in pages ordered by primary key, so comparing a large library's snapshots does not
 * hold 170k rows in the capped heap (the check is the bench's, not the worker's).
 */
const normalised = async () => {
  const snapshotId = (await getSyncState(db, tenantId))!.librarySnapshotId!;
  const out: string[] = [];
  for (const table of ['libraryItems', 'watchRecords', 'mediaUsers', 'mediaLibraries'] as const) {
    const t = db.t[table];
    const order = table === 'watchRecords' ? [db.t.watchRecords.userId, db.t.watchRecords.titleId] : [db.t[table].id];
    let sum = 0n;
    let rows = 0;
    for (let offset = 0; ; offset += 2_000) {
      const page = (await db.q
        .select()
        .from(t)
        .where(eq(t.snapshotId, snapshotId))
        .orderBy(...order)
        .limit(2_000)
        .offset(offset)) as Record<string, unknown>[];
      for (const { snapshotId: _s, ...row } of page) {
        const hash = createHash('sha256')
          .update(JSON.stringify(row, Object.keys(row).sort()))
          .digest();
        sum = (sum + hash.readBigUInt64BE(0)) & 0xffffffffffffffffn;
      }
      rows += page.length;
      if (page.length < 2_000) break;
    }
    out.push(`${rows}:${sum.toString(16)}`);
  }
  return out;
};
const dashboardNow = () => getDashboard({ db, clock, log, tenantId, userId: 'bench' });
let changed: unknown = null;
if (incremental) {
  const firstId = await insertQueuedRun(db, tenantId);
  await runSync(full, { runId: firstId });
  const first = (await findSyncRun(db, tenantId, firstId))!;
  const c = first.counts as Record<string, number>;
  const items = Math.round((c.movies + c.series + c.episodes) * (input.changes?.items ?? 0));
  const watch = Math.round(c.watchRecords * (input.changes?.watch ?? 0));
  const script = {
    add: Math.ceil(items / 4),
    remove: Math.floor(items / 4),
    redownload: Math.floor(items / 4),
    streams: Math.floor(items / 4),
    plays: Math.ceil(watch / 2),
    unplays: Math.floor(watch / 2),
  };
  const res = await fetch(new URL('/__sim/mutate', input.jellyfin.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(script),
  });
  changed = { script, answer: await res.json() };
  peakRss = process.memoryUsage().rss;
}
const runId = await insertQueuedRun(db, tenantId, incremental ? 'schedule' : 'manual');
const started = performance.now();
const cpuStarted = process.cpuUsage();
// `--no-analyse` skips the recompute through the sync's test seam; its time is the "Analysing" step's.
const outcome = await runSync({ ...full, seam: { analyse: input.analyse } }, { runId });
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
clearInterval(sampler);
// maxRSS covers the process's life: only a lone full sync may use it.
if (!incremental) peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
const run = await findSyncRun(db, tenantId, runId);
const analyseMs = input.analyse ? ((run?.counts?.stepMs as Record<string, number> | undefined)?.Analysing ?? 0) : 0;
let truth: { matches: boolean; expected: unknown; actual: unknown } | null = null;
if (incremental && outcome !== 'failed') {
  const rows = await normalised();
  const dashboard = await dashboardNow();
  await runSync(full, { runId: await insertQueuedRun(db, tenantId, 'manual') });
  const fullRows = await normalised();
  const fullDashboard = await dashboardNow();
  truth = {
    matches:
      JSON.stringify(rows) === JSON.stringify(fullRows) && JSON.stringify(dashboard) === JSON.stringify(fullDashboard),
    expected: { rows: fullRows, dashboard: fullDashboard.old },
    actual: { rows, dashboard: dashboard.old },
  };
} else if (input.truth && outcome !== 'failed') {
  const dashboard = await getDashboard({ db, clock, log, tenantId, userId: 'bench' });
  const actual = {
    old: dashboard.old,
    large: dashboard.large,
    language: dashboard.language,
    requests: { count: dashboard.requests.count },
    recent: { count: dashboard.recent.count },
  };
  truth = {
    matches: JSON.stringify(actual) === JSON.stringify(input.truth.dashboard),
    expected: input.truth.dashboard,
    actual,
  };
}
await rt.close();
console.log(
  JSON.stringify({
    outcome,
    mode: run?.mode ?? null,
    changed,
    error: run?.error ?? null,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    load: Math.round(loadavg()[0]! * 100) / 100,
    analyseMs,
    peakRssMb: peakRss / 2 ** 20,
    baselineRssMb,
    peakStep,
    counts: run?.counts ?? {},
    truth,
  }),
);
