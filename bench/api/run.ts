// API latency benchmark (bench/RESULTS.md, "API (bench/api)"): a tenant holding a generated library at
// the simulator's scale, the compiled API in its own process (embedded mode, api-process.ts), 20
// concurrent autocannon clients per route from this process.
//
//   pnpm bench:api --scale large --dialect sqlite|postgres [--cold 20]
//
// Every issues kind x sort (both orders), every library sort, a title page and the dashboard are measured
// separately, warm (autocannon) and cold (one read right after a whitelist write, which bumps the
// revision: the read cache misses and the page is computed again). Prints progress on stderr and, as the
// LAST stdout line, one JSON object: the worst warm p95 per family, `routes` (each target's warm p95),
// `overBudget` (warm targets above 30 ms dashboard / 50 ms others), and the same for cold reads
// (`cold`, `coldRoutes`, `coldOverBudget`).
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeSnapshotFixture } from '@mj/db/testing';
import { IssueKind, IssueSort, LibrarySort } from '@mj/contracts';
import { recomputeTenant, systemClock } from '@mj/services';
import { fileURLToPath } from 'node:url';
import { fetchRetrying } from '../bench-net';
import { openBenchRuntime } from '../bench-runtime';
import { generateLibrary } from '../../packages/services/test/support/generate-library';
import { startApiProcess } from './api-process';

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
    cold: { type: 'string', default: '20' },
  },
});
const scale = values.scale as keyof typeof SCALES;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const dialect = values.dialect === 'postgres' || values.dialect === 'pg' ? 'pg' : 'sqlite';
const duration = Number(values.duration);
const connections = Number(values.connections);
const coldReads = Number(values.cold);
const root = fileURLToPath(new URL('../..', import.meta.url));
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
  const { rt, databaseUrl, cleanup } = await openBenchRuntime(dialect, {
    ALLOW_PRIVATE_NETWORK: 'false',
    MEDIA_CONCURRENCY: '4',
    MEDIA_TIMEOUT_MS: '10000',
  });
  const { db } = rt;
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const api = await startApiProcess(root, databaseUrl);
  const url = api.url;
  try {
    const email = `bench-${Date.now()}@example.com`;
    const password = 'correct horse battery';
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetchRetrying(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, ...headers },
        body: JSON.stringify(body),
      });
    const registered = await post('/api/auth/register', { email, password });
    if (!registered.ok) throw new Error(`register: HTTP ${registered.status} ${await registered.text()}`);
    const login = await (await post('/api/auth/login', { email, password })).json();
    const tenantId: string = login.user.tenantId;
    const headers = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };

    const now = Date.now();
    let started = performance.now();
    // Written by this process on the API's database; not kept in a variable (memory stays flat here).
    await writeSnapshotFixture(db, tenantId, generateLibrary({ ...SCALES[scale], now }), now);
    log(`seeded ${scale} on ${dialect} in ${Math.round(performance.now() - started)} ms`);
    started = performance.now();
    const recompute = await recomputeTenant({ db, clock: systemClock, log: silent, tenantId, userId: login.user.id });
    log(
      `recomputeTenant: ${recompute.titles} titles, ${recompute.requests} requests in ${Math.round(performance.now() - started)} ms`,
    );
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
    const someItems = (await (await fetchRetrying(`${url}/api/library?pageSize=50&sort=size`, { headers })).json())
      .items as {
      id: string;
    }[];
    targets.push({ name: 'title page', paths: someItems.map((item) => `/api/items/${item.id}`), budgetMs: 50 });

    const routes: Record<string, number> = {};
    for (const target of targets) {
      routes[target.name] = await measure(url, headers, target.paths);
      const over = routes[target.name]! > target.budgetMs ? ` OVER ${target.budgetMs} ms` : '';
      log(`${target.name}: p95 ${routes[target.name]} ms${over}`);
    }
    const worst = (of: Record<string, number>, prefix: string) =>
      Math.max(...Object.entries(of).flatMap(([name, ms]) => (name.startsWith(prefix) ? [ms] : [])));
    const dashboard = routes.dashboard!;
    const issues = worst(routes, 'issues ');
    const library = worst(routes, 'library ');
    const overBudget = targets.filter((t) => routes[t.name]! > t.budgetMs).map((t) => t.name);

    // Cold reads: a whitelist write (an entry added, then removed, on one title in turn) bumps the
    // revision, so the next read of any page misses the cache. Only that read is timed, one client.
    const coldItem = (
      (await (await fetchRetrying(`${url}/api/issues?kind=large&pageSize=1&sort=size&order=asc`, { headers })).json())
        .items as {
        id: string;
      }[]
    )[0]!.id;
    let entryId: string | null = null;
    const toggleWhitelist = async () => {
      const response = entryId
        ? await fetchRetrying(`${url}/api/whitelists/large/${entryId}`, {
            method: 'DELETE',
            headers: { authorization: headers.authorization },
          })
        : await fetchRetrying(`${url}/api/whitelists/large`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ itemId: coldItem }),
          });
      if (!response.ok) throw new Error(`whitelist toggle: HTTP ${response.status} ${await response.text()}`);
      entryId = entryId ? null : ((await response.json()) as { id: string }).id;
    };
    const coldRoutes: Record<string, number> = {};
    for (const target of targets) {
      const samples: number[] = [];
      for (let i = 0; i < coldReads; i++) {
        await toggleWhitelist();
        const t0 = performance.now();
        const read = await fetchRetrying(`${url}${target.paths[i % target.paths.length]}`, { headers });
        await read.arrayBuffer();
        if (read.status !== 200) throw new Error(`cold ${target.name}: HTTP ${read.status}`);
        samples.push(performance.now() - t0);
      }
      coldRoutes[target.name] = p95(samples);
      const over = coldRoutes[target.name]! > target.budgetMs ? ` OVER ${target.budgetMs} ms` : '';
      log(`${target.name} (cold): p95 ${coldRoutes[target.name]} ms${over}`);
    }
    if (entryId) await toggleWhitelist();
    const coldOverBudget = targets.filter((t) => coldRoutes[t.name]! > t.budgetMs).map((t) => t.name);

    // One owner clicking "whitelist" then looking at the dashboard: add + next read, measured together.
    const candidates = (await (await fetchRetrying(`${url}/api/issues?kind=large&pageSize=200`, { headers })).json())
      .items as {
      id: string;
    }[];
    const pairs: number[] = [];
    for (const item of candidates.slice(0, 100)) {
      const t0 = performance.now();
      const add = await fetchRetrying(`${url}/api/whitelists/large`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ itemId: item.id }),
      });
      if (add.status !== 201) throw new Error(`whitelist add: HTTP ${add.status} ${await add.text()}`);
      const read = await fetchRetrying(`${url}/api/dashboard`, { headers });
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
        cold: {
          dashboard: { p95Ms: coldRoutes.dashboard },
          issues: { p95Ms: worst(coldRoutes, 'issues ') },
          library: { p95Ms: worst(coldRoutes, 'library ') },
          titlePage: { p95Ms: coldRoutes['title page'] },
        },
        coldOverBudget,
        coldRoutes,
      }),
    );
  } finally {
    await api.stop();
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
