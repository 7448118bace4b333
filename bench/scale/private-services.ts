// Throwaway PostgreSQL and Redis for fault drills. The machine's services (5432, 6379) are shared by
// every test running in parallel: a drill restarts only these private instances, then removes them.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A port the OS just handed out: free at the time of the call. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// initdb refuses to run as root: the cluster then belongs to the `postgres` user.
function asPostgresUser(cmd: string, args: string[]) {
  const isRoot = process.getuid?.() === 0;
  const result = isRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

export interface PrivateServices {
  databaseUrl: string;
  redisUrl: string;
  restartRedis(): void;
  restartPostgres(): void;
  stop(): void;
}

export async function startPrivateServices(): Promise<PrivateServices> {
  const dir = mkdtempSync(join(tmpdir(), 'mj-drill-'));
  chmodSync(dir, 0o777);
  const pgDir = join(dir, 'pg');
  const pgPort = await freePort();
  const redisPort = await freePort();
  asPostgresUser(join(PG_BIN, 'initdb'), ['-D', pgDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  // fsync off: a drill measures recovery, not durability; it also keeps the shared disk quiet.
  const pgOpts = `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (action: string, extra: string[] = []) =>
    asPostgresUser(join(PG_BIN, 'pg_ctl'), [
      '-D',
      pgDir,
      '-o',
      pgOpts,
      '-w',
      '-l',
      join(dir, 'pg.log'),
      ...extra,
      action,
    ]);
  pgCtl('start');
  const startRedis = () => {
    const r = spawnSync('redis-server', [
      '--port',
      String(redisPort),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'yes',
      '--dir',
      dir,
    ]);
    if (r.status !== 0) throw new Error(`redis-server failed: ${r.stderr?.toString()}`);
  };
  const stopRedis = () => spawnSync('redis-cli', ['-p', String(redisPort), 'shutdown', 'nosave']);
  startRedis();
  // redis-server --daemonize returns before it listens: wait for PONG.
  for (let i = 0; i < 100; i += 1) {
    const ping = spawnSync('redis-cli', ['-p', String(redisPort), 'ping'], { encoding: 'utf8' });
    if (ping.stdout.trim() === 'PONG') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    databaseUrl: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    // Without persistence, as .ci/run starts Redis: the queue's contents and schedulers are lost.
    restartRedis() {
      stopRedis();
      startRedis();
    },
    restartPostgres() {
      pgCtl('restart', ['-m', 'fast']);
    },
    stop() {
      stopRedis();
      try {
        pgCtl('stop', ['-m', 'immediate']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
