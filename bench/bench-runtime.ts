import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@mj/config';
import { createTestDb } from '@mj/db/testing';
import { createMailer, createRuntime, SecretBox, type Runtime } from '@mj/services';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The runtime an in-process bench measures, built by `createRuntime` as the apps build theirs: a fresh
 * PostgreSQL database (`pg`) or a SQLite file in a temporary directory, throwaway keys, a mailer that
 * prints nowhere, and the in-process job runner (no REDIS_URL). `env` adds configuration (media limits).
 */
export async function openBenchRuntime(
  dialect: 'pg' | 'sqlite',
  env: Record<string, string> = {},
): Promise<{ rt: Runtime; databaseUrl: string; cleanup: () => Promise<void> }> {
  const pg = dialect === 'pg' ? await createTestDb('pg') : undefined;
  const dir = pg ? undefined : mkdtempSync(join(tmpdir(), 'mj-bench-'));
  const config = loadConfig({
    PUBLIC_URL: 'http://127.0.0.1',
    BCRYPT_COST: '4',
    LOG_LEVEL: 'silent',
    ...(dir ? { DATABASE_URL: join(dir, 'bench.db') } : {}),
    ...env,
  });
  const rt = await createRuntime(config, silent, {
    db: pg,
    secrets: new SecretBox([{ id: 'bench', key: randomBytes(32) }]),
    jwtSecret: 'bench-secret-bench-secret-bench-secret-01',
    mailer: createMailer({ from: 'bench@test', print: () => undefined }),
  });
  const cleanup = async () => {
    await rt.jobs.close();
    if (pg) await pg.destroy();
    else await rt.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  // Where the database is, for a bench that also starts an API process on it (bench/api).
  const databaseUrl = pg ? pg.url! : join(dir!, 'bench.db');
  return { rt, databaseUrl, cleanup };
}
