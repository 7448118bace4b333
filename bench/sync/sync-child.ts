// Runs ONE sync the way a worker does, in its own process, so its peak RSS is the worker's alone.
// Input: a JSON line on argv[2]; output: a JSON line with timings and counts.
import { randomBytes } from 'node:crypto';
import { createDb, findSyncRun, migrateDb } from '@mj/db';
import { insertQueuedRun, seedConnectedTenant } from '@mj/services/testing';
import { getDashboard, runSync, SecretBox, systemClock, withAnalysis } from '@mj/services';

const input = JSON.parse(process.argv[2]!) as {
  database: { dialect: 'sqlite'; file: string } | { dialect: 'pg'; url: string };
  jellyfin: { url: string; apiKey: string };
  jellyseerr: { url: string; apiKey: string };
  analyse: boolean;
  /** The simulator's reference instant: the sync and the analyses run at it, as its truth does. */
  now?: string;
  /** The simulator's ground truth (its `--truth` file), to compare the dashboard with. */
  truth?: { dashboard: Record<string, unknown> };
};

const log = { info: () => undefined, warn: () => undefined, error: (o: object) => console.error(JSON.stringify(o)) };
const db = createDb(input.database);
await migrateDb(db);
const secrets = new SecretBox([{ id: 'bench', key: randomBytes(32) }]);
const tenantId = await seedConnectedTenant(db, secrets, { jellyfin: input.jellyfin, jellyseerr: input.jellyseerr });

let peakRss = process.memoryUsage().rss;
const baselineRssMb = peakRss / 2 ** 20;
let peakStep = 'start';
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) {
    peakRss = rss;
    void db.q
      .select({ step: db.t.syncRuns.step })
      .from(db.t.syncRuns)
      .then((rows) => (peakStep = rows[0]?.step ?? peakStep));
  }
}, 50);

const clock = input.now ? { now: () => Date.parse(input.now!) } : systemClock;
const deps = {
  db,
  clock,
  log,
  secrets,
  media: { allowPrivateNetwork: true, concurrency: 4, timeoutMs: 60_000 },
};
const runId = await insertQueuedRun(db, tenantId);
const started = performance.now();
let analyseMs = 0;
const full = withAnalysis(deps);
const outcome = await runSync(
  {
    ...full,
    afterSync: input.analyse
      ? async (t) => {
          const a = performance.now();
          await full.afterSync!(t);
          analyseMs = performance.now() - a;
        }
      : undefined,
  },
  { tenantId, runId },
);
const wallMs = performance.now() - started;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
const run = await findSyncRun(db, tenantId, runId);
let truth: { matches: boolean; expected: unknown; actual: unknown } | null = null;
if (input.truth && outcome !== 'failed') {
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
await db.close();
console.log(
  JSON.stringify({
    outcome,
    error: run?.error ?? null,
    wallMs,
    analyseMs,
    peakRssMb: peakRss / 2 ** 20,
    baselineRssMb,
    peakStep,
    counts: run?.counts ?? {},
    truth,
  }),
);
