import * as pg from 'drizzle-orm/pg-core';
import * as lite from 'drizzle-orm/sqlite-core';

// One schema definition, two dialects: every table is written once against this small "kit" of column
// builders, then instantiated with the PostgreSQL kit and the SQLite kit. The shapes are identical by
// construction (the parity test double-checks), and query code is typed against the SQLite variant.
//
// Storage conventions shared by both dialects: text ids (uuid v7), instants as epoch milliseconds in
// 64-bit integers, booleans as native booleans (integer 0/1 on SQLite), JSON as jsonb / text.

export const sqliteKit = {
  dialect: 'sqlite' as 'sqlite' | 'pg',
  table: lite.sqliteTable,
  id: (name = 'id') => lite.text(name).primaryKey(),
  text: (name: string) => lite.text(name),
  int: (name: string) => lite.integer(name),
  /** Epoch milliseconds or byte counts: 64-bit on both dialects. */
  big: (name: string) => lite.integer(name),
  real: (name: string) => lite.real(name),
  bool: (name: string) => lite.integer(name, { mode: 'boolean' }),
  json: <T>(name: string) => lite.text(name, { mode: 'json' }).$type<T>(),
  index: lite.index,
  uniqueIndex: lite.uniqueIndex,
  primaryKey: lite.primaryKey,
};

export type Kit = typeof sqliteKit;

const pgKitImpl = {
  dialect: 'pg' as const,
  table: pg.pgTable,
  id: (name = 'id') => pg.text(name).primaryKey(),
  text: (name: string) => pg.text(name),
  int: (name: string) => pg.integer(name),
  big: (name: string) => pg.bigint(name, { mode: 'number' }),
  real: (name: string) => pg.doublePrecision(name),
  bool: (name: string) => pg.boolean(name),
  json: <T>(name: string) => pg.jsonb(name).$type<T>(),
  index: pg.index,
  uniqueIndex: pg.uniqueIndex,
  primaryKey: pg.primaryKey,
};

// At runtime these are genuine pg-core builders; the cast only lets the shared definitions type-check
// once (the query API the code base uses is the same on both dialects).
export const pgKit = pgKitImpl as unknown as Kit;
