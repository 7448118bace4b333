// Cleanup benchmark (bench/RESULTS.md, "Cleanup (bench/cleanup)"): N deletions executed in one run
// against simulated Jellyfin, Jellyseerr, Radarr and Sonarr, through the real API and job handlers.
//
//   pnpm bench:cleanup --scale large --count 1000 --dialect sqlite|postgres
//
// The simulator runs in its own process (its memory is not ours). Prints progress on stderr and, as
// the LAST stdout line, one JSON object: wallMs (schedule → every deletion done), requests per server,
// peakRssMb of this process, deletions done.
import { parseArgs } from 'node:util';
import type { InProcessJobs } from '@mj/jobs';
import { runtimeJobHandlers } from '@mj/services';
import { buildApp } from '../../apps/api/src/app';
import { appDepsFrom } from '../../apps/api/src/runtime/create-deps';
import { openBenchRuntime } from '../bench-runtime';
import { startSimulatorProcess, type SimInfo, type SimServer } from '../simulator-process';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    count: { type: 'string', default: '1000' },
    dialect: { type: 'string', default: 'sqlite' },
    concurrency: { type: 'string', default: '4' },
  },
});
const dialect = values.dialect === 'postgres' || values.dialect === 'pg' ? 'pg' : 'sqlite';
const count = Number(values.count);
const log = (msg: string) => process.stderr.write(`[bench:cleanup] ${msg}\n`);
type Server = SimServer;

async function startSimulator(): Promise<{ stop: () => void; info: SimInfo }> {
  const { child, info } = await startSimulatorProcess(['--scale', values.scale!, '--seed', '1']);
  return { stop: () => child.kill(), info };
}

async function simStats(server: Server): Promise<number> {
  const stats = (await (await fetch(`${server.url}/__sim/stats`)).json()) as { requests: number };
  return stats.requests;
}

async function main() {
  const sim = await startSimulator();
  const { rt, cleanup } = await openBenchRuntime(dialect, {
    ALLOW_PRIVATE_NETWORK: 'true',
    MEDIA_CONCURRENCY: values.concurrency!,
    MEDIA_TIMEOUT_MS: '60000',
    WORKER_CONCURRENCY: values.concurrency!,
  });
  const { db } = rt;
  // No REDIS_URL: the runtime's runner is the in-process one, whose idle state the bench waits for.
  const jobs = rt.jobs as InProcessJobs;
  await jobs.work(runtimeJobHandlers(rt));
  const app = await buildApp({ ...appDepsFrom(rt), staleAfterMs: 60_000 }, { logger: false });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  try {
    const email = `bench-${Date.now()}@example.com`;
    const password = 'correct horse battery';
    await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password } });
    const login = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })).json();
    const headers = { authorization: `Bearer ${login.accessToken}` };
    // The daily cap would (rightly) stop a thousand deletions after 2 TB: lift it for the measurement.
    await app.inject({ method: 'PATCH', url: '/api/settings', headers, payload: { maxDeletionGiBPerDay: 1_048_576 } });
    for (const kind of ['jellyfin', 'jellyseerr', 'radarr', 'sonarr'] as const) {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/connections/${kind}`,
        headers,
        payload: sim.info[kind],
      });
      if (res.statusCode !== 200) throw new Error(`connect ${kind}: ${res.body}`);
    }
    let started = performance.now();
    await app.inject({ method: 'POST', url: '/api/sync', headers, payload: {} });
    await jobs.onIdle();
    log(`synced ${values.scale} in ${Math.round(performance.now() - started)} ms`);

    // The largest titles Radarr holds: what an owner would pick first.
    const tenantId: string = login.user.tenantId;
    const arr = new Set(
      (await db.q.select().from(db.t.arrItems))
        .filter((r) => r.tenantId === tenantId && r.app === 'radarr')
        .map((r) => r.tmdbId),
    );
    const titles = (await db.q.select().from(db.t.titleIssues))
      .filter((r) => r.tenantId === tenantId && r.mediaType === 'movie' && arr.has(r.tmdbId))
      .sort((a, b) => (b.sizeBytes ?? 0) - (a.sizeBytes ?? 0))
      .slice(0, count);
    if (titles.length < count) throw new Error(`only ${titles.length} Radarr titles at this scale`);
    const before = {
      jellyfin: await simStats(sim.info.jellyfin),
      jellyseerr: await simStats(sim.info.jellyseerr),
      radarr: await simStats(sim.info.radarr),
    };
    peakRss = process.memoryUsage.rss();
    started = performance.now();
    for (let i = 0; i < titles.length; i += 500) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/deletions',
        headers,
        payload: { items: titles.slice(i, i + 500).map((t) => ({ itemId: t.id })), executeAt: Date.now() },
      });
      if (res.statusCode !== 201) throw new Error(`schedule: ${res.body}`);
    }
    await jobs.onIdle();
    const wallMs = Math.round(performance.now() - started);
    const done = (await app.inject({ url: '/api/deletions?status=done&pageSize=1', headers })).json().total;
    const requests = {
      jellyfin: (await simStats(sim.info.jellyfin)) - before.jellyfin,
      jellyseerr: (await simStats(sim.info.jellyseerr)) - before.jellyseerr,
      radarr: (await simStats(sim.info.radarr)) - before.radarr,
    };
    const result = {
      scale: values.scale,
      dialect,
      deletions: titles.length,
      done,
      wallMs,
      perDeletionMs: Math.round((wallMs / titles.length) * 10) / 10,
      requests,
      peakRssMb: Math.round(peakRss / 2 ** 20),
    };
    log(`${done}/${titles.length} done in ${wallMs} ms`);
    console.log(JSON.stringify(result));
  } finally {
    clearInterval(sampler);
    await jobs.close();
    await app.close();
    await cleanup();
    sim.stop();
  }
}

await main();
