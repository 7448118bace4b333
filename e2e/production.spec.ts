import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '@mj/simulator';
import { expect, test } from '@playwright/test';
import pg from 'pg';

// The production topology, run the way the compose file runs it: the API, the web app and two
// workers as separate processes on PostgreSQL and Redis. The browser only talks to the web process,
// whose server side reaches the API on its internal URL; syncs run in the worker processes.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const metricsToken = randomBytes(16).toString('hex');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

async function waitForHttp(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test.describe('production topology', () => {
  const processes: ChildProcess[] = [];
  let sim: Simulator;
  let dbName: string;
  let apiUrl: string;
  let webUrl: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    sim = await startSimulator({ scale: 'demo', seed: 5 });
    dbName = `mj_prod_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const dbUrl = new URL(adminUrl);
    dbUrl.pathname = `/${dbName}`;
    const [apiPort, webPort] = [await freePort(), await freePort()];
    apiUrl = `http://127.0.0.1:${apiPort}`;
    webUrl = `http://127.0.0.1:${webPort}`;
    const shared = {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: redisUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      QUEUE_PREFIX: `mjprod${randomBytes(3).toString('hex')}`,
      // The simulators listen on loopback; a real deployment keeps this false.
      ALLOW_PRIVATE_NETWORK: 'true',
      PUBLIC_URL: webUrl,
      LOG_LEVEL: 'warn',
      // Required in production; this run sends no mail, so nothing needs to listen there.
      SMTP_URL: 'smtp://127.0.0.1:2',
      METRICS_TOKEN: metricsToken,
    };
    const start = (args: string[], env: NodeJS.ProcessEnv) => {
      const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
      processes.push(child);
      return child;
    };
    // What the image runs: the compiled API and workers (deploy/Dockerfile), built here when stale.
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('scripts/build-server.mjs failed');
    start(['apps/api/dist/main.js'], { ...shared, PORT: String(apiPort), HOST: '127.0.0.1' });
    start(['--max-old-space-size=160', '--max-semi-space-size=8', 'apps/worker/dist/main.js'], shared);
    start(['--max-old-space-size=160', '--max-semi-space-size=8', 'apps/worker/dist/main.js'], shared);
    start(['apps/web/build'], {
      PATH: process.env.PATH,
      PORT: String(webPort),
      HOST: '127.0.0.1',
      ORIGIN: webUrl,
      PUBLIC_URL: webUrl,
      API_INTERNAL_URL: apiUrl,
    });
    await waitForHttp(`${apiUrl}/api/ready`);
    await waitForHttp(`${webUrl}/login`);
  });

  test.afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await sim?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  test('sign up in the web process, sync in a worker process, read it back', async ({ page, request }) => {
    const email = `prod-${Date.now()}@example.test`;
    const password = 'production password';
    await page.goto(`${webUrl}/signup`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/(dashboard|onboarding)/);

    // The account created through the web process exists in the API process.
    const login = await request.post(`${apiUrl}/api/auth/login`, { data: { email, password } });
    expect(login.status()).toBe(200);
    const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
    expect((await request.get(`${apiUrl}/api/ready`)).status()).toBe(200);
    expect(await (await request.get(`${apiUrl}/api/ready`)).json()).toMatchObject({
      checks: { database: 'ok', redis: 'ok' },
    });

    for (const kind of ['jellyfin', 'jellyseerr', 'radarr'] as const) {
      const res = await request.put(`${apiUrl}/api/connections/${kind}`, {
        headers,
        data: { url: sim[kind].url, apiKey: sim[kind].apiKey },
      });
      expect(res.status(), await res.text()).toBe(200);
    }
    const sync = await request.post(`${apiUrl}/api/sync`, { headers, data: {} });
    expect(sync.status()).toBe(202);
    await expect
      .poll(async () => (await (await request.get(`${apiUrl}/api/sync/status`, { headers })).json()).lastRun?.status, {
        timeout: 60_000,
      })
      .toBe('success');
    const dashboard = await (await request.get(`${apiUrl}/api/dashboard`, { headers })).json();
    expect(dashboard.old.count + dashboard.large.count + dashboard.language.count).toBeGreaterThan(0);

    // The web process renders the dashboard from the API for the logged-in browser.
    await page.goto(`${webUrl}/dashboard`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const metrics = await request.get(`${apiUrl}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(await metrics.text()).toMatch(/mj_queue_jobs\{state="completed"\} [1-9]/);

    // A deletion scheduled through the API is executed by a worker through BullMQ, exactly once.
    type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const radarr = (await (await fetch(`${sim.radarr.url}/api/v3/movie?apikey=${sim.radarr.apiKey}`)).json()) as Json[];
    const titles = new Set(radarr.map((m) => m.title));
    const library = (await (await request.get(`${apiUrl}/api/library?kind=movie&pageSize=200`, { headers })).json())
      .items as Json[];
    const movie = library.find((i) => titles.has(i.title) && i.sizeBytes > 0);
    const scheduled = await request.post(`${apiUrl}/api/deletions`, {
      headers,
      data: { items: [{ itemId: movie.id }], executeAt: new Date().toISOString() },
    });
    expect(scheduled.status(), await scheduled.text()).toBe(201);
    const id = (await scheduled.json()).deletions[0].id;
    await expect
      .poll(async () => (await (await request.get(`${apiUrl}/api/deletions/${id}`, { headers })).json()).status, {
        timeout: 60_000,
      })
      .toBe('done');
    const after = (await (await fetch(`${sim.radarr.url}/api/v3/movie?apikey=${sim.radarr.apiKey}`)).json()) as Json[];
    expect(after.length).toBe(radarr.length - 1);
  });
});
