// API latency benchmark (bench/RESULTS.md, "API (bench/api)"): a tenant holding a generated library at
// the simulator's scale, a real listening API, 20 concurrent autocannon clients per route.
//
//   pnpm bench:api --scale large --dialect sqlite|postgres
//
// Every issues kind x sort (both orders), every library sort, a title page and the dashboard are measured
// separately. Prints progress on stderr and, as the LAST stdout line, one JSON object: the worst p95 per
// family, `routes` (each target's p95) and `overBudget` (targets above 30 ms dashboard / 50 ms others).
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeSnapshotFixture } from '@mj/db/testing';
import { IssueKind, IssueSort, LibrarySort } from '@mj/contracts';
import { recomputeTenant, systemClock } from '@mj/services';
import { buildApp } from '../../apps/api/src/app';
import { appDepsFrom } from '../../apps/api/src/runtime/create-deps';
import { openBenchRuntime } from '../bench-runtime';
import { generateLibrary } from '../../packages/services/test/support/generate-library';

const SCALES = {
  medium: { movies: 2_000, series: 300, episodesPerSeries: 50, users: 5, requests: 300 },
  large: { movies: 20_000, series: 3_000, episodesPerSeries: 50, users: 20, requests: 2_000 },
} as const;

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    dialect: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '20' },
  },
});
const scale = values.scale as keyof typeof SCALES;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const dialect = values.dialect === 'postgres' || values.dialect === 'pg' ? 'pg' : 'sqlite';
const duration = Number(values.duration);
const connections = Number(values.connections);
const log = (msg: string) => process.stderr.write(`[bench:api] ${msg}\n`);

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0) * 10) / 10;
}

/** Runs autocannon over `paths` (round robin) and returns the p95 of every response time. */
async function measure(url: string, headers: Record<string, string>, paths: string[]): Promise<number> {
  const samples: number[] = [];
  let next = 0;
  const instance = autocannon({
    url,
    connections,
    duration,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode !== 200) throw new Error(`HTTP ${statusCode}`);
    samples.push(responseTime);
  });
  await instance;
  return p95(samples);
}

async function main() {
  const { rt, cleanup } = await openBenchRuntime(dialect, {
    ALLOW_PRIVATE_NETWORK: 'false',
    MEDIA_CONCURRENCY: '4',
    MEDIA_TIMEOUT_MS: '10000',
  });
  const { db } = rt;
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const app = await buildApp(appDepsFrom(rt), { logger: false });
  try {
    const email = `bench-${Date.now()}@example.com`;
    const password = 'correct horse battery';
    await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password } });
    const login = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })).json();
    const tenantId: string = login.user.tenantId;
    const headers = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };

    const now = Date.now();
    let started = performance.now();
    // Not kept in a variable: the generated library must not weigh on the measured process's GC.
    await writeSnapshotFixture(db, tenantId, generateLibrary({ ...SCALES[scale], now }), now);
    log(`seeded ${scale} on ${dialect} in ${Math.round(performance.now() - started)} ms`);
    started = performance.now();
    const recompute = await recomputeTenant({ db, clock: systemClock, log: silent, tenantId, userId: login.user.id });
    log(
      `recomputeTenant: ${recompute.titles} titles, ${recompute.requests} requests in ${Math.round(performance.now() - started)} ms`,
    );

    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    // Every issues kind (and "all") with every sort in both orders, each measured on its own: one slow
    // combination must not hide behind fast ones (issue 12).
    const targets: { name: string; paths: string[]; budgetMs: number }[] = [
      { name: 'dashboard', paths: ['/api/dashboard'], budgetMs: 30 },
    ];
    for (const kind of ['', ...IssueKind.options])
      for (const sort of ['', ...IssueSort.options])
        targets.push({
          name: `issues ${kind || 'all'} ${sort || 'default'}`,
          paths: sort
            ? ['asc', 'desc'].map((order) => `/api/issues?${kind ? `kind=${kind}&` : ''}sort=${sort}&order=${order}`)
            : [`/api/issues?${kind ? `kind=${kind}` : ''}`],
          budgetMs: 50,
        });
    for (const sort of ['', ...LibrarySort.options])
      targets.push({
        name: `library ${sort || 'default'}`,
        paths: sort ? ['asc', 'desc'].map((order) => `/api/library?sort=${sort}&order=${order}`) : ['/api/library'],
        budgetMs: 50,
      });
    targets.push({
      name: 'library filtered',
      paths: [
        '/api/library?kind=series&sort=added',
        '/api/library?watched=false&yearFrom=1990&yearTo=2010',
        `/api/library?q=ocean&sizeMin=${5 * 1024 ** 3}`,
        '/api/library?kind=movie&sort=watched&order=asc',
      ],
      budgetMs: 50,
    });
    const someItems = (await (await fetch(`${url}/api/library?pageSize=50&sort=size`, { headers })).json()).items as {
      id: string;
    }[];
    targets.push({ name: 'title page', paths: someItems.map((item) => `/api/items/${item.id}`), budgetMs: 50 });

    const routes: Record<string, number> = {};
    for (const target of targets) {
      routes[target.name] = await measure(url, headers, target.paths);
      const over = routes[target.name]! > target.budgetMs ? ` OVER ${target.budgetMs} ms` : '';
      log(`${target.name}: p95 ${routes[target.name]} ms${over}`);
    }
    const worst = (prefix: string) =>
      Math.max(...Object.entries(routes).flatMap(([name, ms]) => (name.startsWith(prefix) ? [ms] : [])));
    const dashboard = routes.dashboard!;
    const issues = worst('issues ');
    const library = worst('library ');
    const overBudget = targets.filter((t) => routes[t.name]! > t.budgetMs).map((t) => t.name);

    // One owner clicking "whitelist" then looking at the dashboard: add + next read, measured together.
    const candidates = (await (await fetch(`${url}/api/issues?kind=large&pageSize=200`, { headers })).json()).items as {
      id: string;
    }[];
    const pairs: number[] = [];
    for (const item of candidates.slice(0, 100)) {
      const t0 = performance.now();
      const add = await fetch(`${url}/api/whitelists/large`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ itemId: item.id }),
      });
      if (add.status !== 201) throw new Error(`whitelist add: HTTP ${add.status} ${await add.text()}`);
      const read = await fetch(`${url}/api/dashboard`, { headers });
      await read.arrayBuffer();
      pairs.push(performance.now() - t0);
    }
    const whitelistThenRead = p95(pairs);
    log(`whitelist add + dashboard p95 ${whitelistThenRead} ms (${pairs.length} pairs)`);

    console.log(
      JSON.stringify({
        dashboard: { p95Ms: dashboard },
        issues: { p95Ms: issues },
        library: { p95Ms: library },
        titlePage: { p95Ms: routes['title page'] },
        whitelistThenRead: { p95Ms: whitelistThenRead },
        overBudget,
        routes,
      }),
    );
  } finally {
    await app.close();
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
