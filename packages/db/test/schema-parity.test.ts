import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as liteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { schema as pgSchema } from '../src/schema/pg';
import { schema as sqliteSchema } from '../src/schema/sqlite';

function describeTable(config: {
  name: string;
  columns: { name: string; notNull: boolean; primary: boolean }[];
  indexes: { config: { name: string; unique: boolean } }[];
  foreignKeys: unknown[];
  primaryKeys: { columns: { name: string }[] }[];
}) {
  return {
    name: config.name,
    columns: config.columns.map((c) => `${c.name}:${c.notNull ? 'notnull' : 'null'}:${c.primary ? 'pk' : ''}`).sort(),
    indexes: config.indexes.map((i) => `${i.config.name}:${i.config.unique}`).sort(),
    foreignKeys: config.foreignKeys.length,
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name).join(',')),
  };
}

describe('schema', () => {
  it('has the same tables, columns, keys and indexes on PostgreSQL and SQLite', () => {
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
    for (const key of Object.keys(pgSchema) as (keyof typeof pgSchema)[]) {
      const p = describeTable(pgConfig(pgSchema[key] as unknown as PgTable) as never);
      const s = describeTable(liteConfig(sqliteSchema[key] as unknown as SQLiteTable) as never);
      expect(p, key).toEqual(s);
    }
  });

  it.each(['sqlite', 'pg'])('generated %s migrations match the schema (run pnpm db:generate)', (dialect) => {
    const pkg = resolve(import.meta.dirname, '..');
    // drizzle-kit only accepts an `out` relative to its config file.
    const out = mkdtempSync(join(pkg, '.migrations-check-'));
    try {
      cpSync(join(pkg, 'migrations', dialect), out, { recursive: true });
      const before = readdirSync(out).sort();
      const output = execFileSync(
        'pnpm',
        ['exec', 'drizzle-kit', 'generate', '--config', `drizzle.${dialect}.config.ts`],
        { cwd: pkg, env: { ...process.env, MJ_MIGRATIONS_OUT: `./${basename(out)}` }, encoding: 'utf8' },
      );
      expect(output).toContain('No schema changes');
      expect(readdirSync(out).sort(), output).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('schema modules', () => {
  it.each(['sqlite', 'pg'])(
    '%s.ts exports every table by name (drizzle-kit only sees named exports)',
    async (dialect) => {
      const mod = (await import(`../src/schema/${dialect}.ts`)) as Record<string, unknown>;
      const schema = mod.schema as Record<string, unknown>;
      for (const key of Object.keys(schema)) expect(mod[key], key).toBe(schema[key]);
    },
  );
});
