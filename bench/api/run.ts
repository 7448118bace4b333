// API latency benchmark (bench/RESULTS.md, "API (bench/api)"): a tenant holding a generated library at
// the simulator's scale, a real listening API, 20 concurrent autocannon clients per route.
//
//   pnpm bench:api --scale large --dialect sqlite|postgres
//
// Prints progress on stderr and, as the LAST stdout line, one JSON object with the p95 of each target.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '@mj/config';
import { createDb, migrateDb, type Db } from '@mj/db';
import { createTestDb, writeSnapshotFixture } from '@mj/db/testing';
import { bcryptHasher, createMailer, recomputeTenant, systemClock } from '@mj/services';
import { buildApp } from '../../apps/api/src/app';
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

async function openDb(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (dialect === 'pg') {
    const db = await createTestDb('pg');
    return { db, cleanup: () => db.destroy() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mj-bench-api-'));
  const db = createDb({ dialect: 'sqlite', file: join(dir, 'bench.db') });
  await migrateDb(db);
  return {
    db,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
  const { db, cleanup } = await openDb();
  const config = loadConfig({ PUBLIC_URL: 'http://127.0.0.1', BCRYPT_COST: '4', LOG_LEVEL: 'silent' });
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const app = await buildApp(
    {
      config,
      db,
      clock: systemClock,
      jwtSecret: 'bench-secret-bench-secret-bench-secret-01',
      auth: {
        hasher: bcryptHasher(4),
        mailer: createMailer({ from: 'bench@test', print: () => undefined }),
        signupsEnabled: true,
        refreshTokenTtlMs: 86_400_000,
        publicUrl: config.server.publicUrl,
      },
    },
    { logger: false },
  );
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
    const issuePaths: string[] = [];
    for (const kind of ['', 'kind=old&', 'kind=large&', 'kind=language&', 'kind=request&'])
      for (const sort of ['', 'sort=name', 'sort=added&order=asc', 'sort=watched', 'sort=size&q=night'])
        issuePaths.push(`/api/issues?${kind}${sort}`);
    const libraryPaths = [
      '/api/library',
      '/api/library?sort=size',
      '/api/library?kind=series&sort=added',
      '/api/library?watched=false&yearFrom=1990&yearTo=2010',
      `/api/library?q=ocean&sizeMin=${5 * 1024 ** 3}`,
      '/api/library?kind=movie&sort=watched&order=asc',
    ];

    const dashboard = await measure(url, headers, ['/api/dashboard']);
    log(`dashboard p95 ${dashboard} ms`);
    const issues = await measure(url, headers, issuePaths);
    log(`issues p95 ${issues} ms`);
    const library = await measure(url, headers, libraryPaths);
    log(`library p95 ${library} ms`);

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
        whitelistThenRead: { p95Ms: whitelistThenRead },
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
