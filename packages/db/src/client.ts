import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle as drizzleSqlite, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { schema as pgSchema } from './schema/pg';
import { schema as sqliteSchema } from './schema/sqlite';
import type { Schema } from './schema/define';

export type DatabaseTarget = { dialect: 'pg'; url: string } | { dialect: 'sqlite'; file: string };

/** The query API used everywhere; typed as the SQLite variant (see kit.ts), identical at runtime on pg. */
export type Queryable = BetterSQLite3Database<Schema>;

export interface Db {
  readonly dialect: 'pg' | 'sqlite';
  /** Query builder: `await db.q.select()...`. Never use the SQLite-only `.get()/.all()/.run()`. */
  readonly q: Queryable;
  /** The tables of this dialect. */
  readonly t: Schema;
  /**
   * Runs `fn` atomically. On PostgreSQL a real transaction; on SQLite `BEGIN IMMEDIATE` on the single
   * connection, serialised by an in-process lock. Keep the body short and free of network I/O.
   */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Raw SQL for the few dialect-specific statements (migrations, health). */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The underlying driver handle, for migrations and maintenance commands. */
  readonly driver: { kind: 'pg'; pool: pg.Pool } | { kind: 'sqlite'; sqlite: Database.Database };
}

// PostgreSQL returns BIGINT as string by default; our bigints are epoch ms and byte counts (< 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

export function createDb(target: DatabaseTarget, opts: { poolSize?: number } = {}): Db {
  return target.dialect === 'pg' ? createPgDb(target.url, opts.poolSize ?? 10) : createSqliteDb(target.file);
}

function createPgDb(url: string, poolSize: number): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const q = drizzlePg(pool, { schema: pgSchema }) as unknown as Queryable;
  return {
    dialect: 'pg',
    q,
    t: pgSchema,
    tx: (fn) => (q as unknown as { transaction: (f: typeof fn) => Promise<never> }).transaction(fn),
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
    driver: { kind: 'pg', pool },
  };
}

function createSqliteDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const q = drizzleSqlite(sqlite, { schema: sqliteSchema });
  let chain: Promise<unknown> = Promise.resolve();
  return {
    dialect: 'sqlite',
    q,
    t: sqliteSchema,
    tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      // better-sqlite3 has one connection and synchronous statements; transactions from concurrent
      // requests must not interleave, so they queue behind each other.
      const run = chain.then(async () => {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(q);
          sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw error;
        }
      });
      chain = run.catch(() => undefined);
      return run;
    },
    ping: async () => {
      sqlite.prepare('select 1').get();
    },
    close: async () => {
      sqlite.close();
    },
    driver: { kind: 'sqlite', sqlite },
  };
}
