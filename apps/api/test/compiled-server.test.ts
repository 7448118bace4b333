import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTestDb, type TestDb } from '@mj/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What `pnpm start` and the image run: the compiled server (scripts/build-server.mjs), without tsx.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const outName = `.dist-test-${randomBytes(3).toString('hex')}`;
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

type BuildModule = { buildServer: (o: { outName: string }) => Promise<void> };

function waitForLine(child: ChildProcess, pattern: RegExp, output: string[]): Promise<void> {
  return new Promise((resolveLine, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (pattern.test(output.join(''))) resolveLine();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output.join('')}`)));
  });
}

describe('the compiled server', () => {
  const children: ChildProcess[] = [];
  let db: TestDb | undefined;

  beforeAll(async () => {
    const build = (await import(pathToFileURL(join(root, 'scripts/build-server.mjs')).href)) as BuildModule;
    await build.buildServer({ outName });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await db?.destroy();
    for (const app of ['api', 'worker']) rmSync(join(root, 'apps', app, outName), { recursive: true, force: true });
  });

  it('loads no TypeScript and keeps the simulator out of the static import graph', () => {
    const dir = join(root, 'apps/api', outName);
    const main = readFileSync(join(dir, 'main.js'), 'utf8');
    expect(main).not.toMatch(/from ["']tsx/);
    const simulatorChunk = readdirSync(join(dir, 'chunks')).find((f) =>
      readFileSync(join(dir, 'chunks', f), 'utf8').includes('function startSimulator('),
    );
    expect(simulatorChunk).toBeDefined();
    // Reached only through the demo's dynamic import, never a static one.
    expect(main).toContain(`import("./chunks/${simulatorChunk}")`);
    expect(main).not.toMatch(new RegExp(`from ["']\\./chunks/${simulatorChunk!.replace('.', '\\.')}`));
  });

  it('starts in embedded mode with node alone and answers /api/health', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'mj-compiled-'));
    const child = spawn(process.execPath, [join(root, 'apps/api', outName, 'main.js')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'false' },
    });
    children.push(child);
    await waitForLine(child, /Media Janitor is running/, []);
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is what `pnpm start` leaves running: the shell execs node with the bounded heap, no launcher stays', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'mj-serve-'));
    const child = spawn('sh', [join(root, 'scripts/serve-embedded.sh')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DEMO: 'false',
        MJ_HEAP_MB: '200',
        MJ_SERVER_DIST: `apps/api/${outName}`,
      },
    });
    children.push(child);
    await waitForLine(child, /Media Janitor is running/, []);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    // The pid we spawned is now node itself (exec), carrying the heap cap and the arena limit.
    const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
    expect(argv).toContain('--max-old-space-size=200');
    expect(argv.at(-2)).toMatch(/main\.js$/);
    expect(readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0')).toContain('MALLOC_ARENA_MAX=2');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the production worker with node alone against PostgreSQL and Redis', async () => {
    db = await createTestDb('pg');
    const child = spawn(process.execPath, [join(root, 'apps/worker', outName, 'main.js')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: db.driver.kind === 'pg' ? (db.driver.pool.options.connectionString as string) : '',
        REDIS_URL: redisUrl,
        ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        JWT_SECRET: 'x'.repeat(40),
        SMTP_URL: 'smtp://127.0.0.1:2',
        QUEUE_PREFIX: `mjcompiled${randomBytes(3).toString('hex')}`,
      },
    });
    children.push(child);
    await expect(waitForLine(child, /worker started/, [])).resolves.toBeUndefined();
  });
});
