import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Db } from './client';
import { repairStoredData } from './repairs';

// From source: packages/db/migrations. From the compiled server (apps/*/dist/main.js), the build copies
// them next to the bundle, whose import.meta.url is the bundle's own.
const here = dirname(fileURLToPath(import.meta.url));
const migrationsRoot = existsSync(resolve(here, 'migrations'))
  ? resolve(here, 'migrations')
  : resolve(here, '../migrations');

// Any constant works; it only has to be the same in every process of the deployment.
const MIGRATION_LOCK_ID = 4_242_001;

/**
 * Applies pending migrations, then the data repairs. On PostgreSQL an advisory lock makes concurrent
 * starters wait in turn.
 */
export async function migrateDb(db: Db): Promise<void> {
  await applyMigrations(db);
  await repairStoredData(db);
}

async function applyMigrations(db: Db): Promise<void> {
  if (db.driver.kind === 'sqlite') {
    migrateSqlite(db.q, { migrationsFolder: resolve(migrationsRoot, 'sqlite') });
    return;
  }
  const client = await db.driver.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migratePg(db.q as never, { migrationsFolder: resolve(migrationsRoot, 'pg') });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}
