// Starts the API as its own process, as `pnpm start` runs it (scripts/serve-embedded.sh; ADR 0006): the
// compiled bundle apps/api/dist/main.js (rebuilt when stale) under plain `node` with the same heap and
// allocator flags, embedded mode (no REDIS_URL, in-process jobs), on the database the bench seeded. The load
// generator then runs in the bench's own process and no longer steals the server's event loop.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../bench-net';

export interface ApiProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startApiProcess(root: string, databaseUrl: string): Promise<ApiProcess> {
  const { buildServer, serverBuildStale } = await import(join(root, 'scripts/build-server.mjs'));
  if (serverBuildStale()) await buildServer();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mj-bench-api-'));
  const url = `http://127.0.0.1:${port}`;
  // scripts/serve-embedded.sh holds the heap cap and allocator settings `pnpm start` uses.
  const child = spawn('sh', [join(root, 'scripts/serve-embedded.sh')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      ...(process.env.MJ_HEAP_MB ? { MJ_HEAP_MB: process.env.MJ_HEAP_MB } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      DEMO: 'false',
      BCRYPT_COST: '4',
      LOG_LEVEL: 'warn',
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (attempt > 600) {
      await stop();
      throw new Error('the API process did not answer /api/health within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
