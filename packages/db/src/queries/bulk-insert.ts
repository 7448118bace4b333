import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { Db } from '../client';
import { yieldToEventLoop } from './chunked-insert';

// Snapshot writes are the bulk of a full sync (~175k rows at `large`). Building each multi-row INSERT
// through the query builder cost more than executing it, so snapshot rows take a direct path:
//  - SQLite: one prepared `INSERT … VALUES (…),(…)` per table and chunk size, reused for every chunk;
//  - PostgreSQL: one `INSERT … SELECT * FROM unnest($1::text[], …)` per chunk, one array per column (no
//    65,535-parameter cap, one statement to plan).
// Values still go through each column's own driver mapping (JSON as text, booleans as 0/1 on SQLite), so
// the stored rows are exactly what the query builder would have written. Snapshot tables have no column
// defaults: a missing value is stored as NULL.

/** Rows per SQLite statement: 500 x 16 columns stays far below its 32,766 bound parameters. */
const SQLITE_CHUNK_ROWS = 500;
/** Rows per SQLite transaction (callers writing a stream of pages hand over batches this large). */
export const SQLITE_TX_ROWS = 5_000;
/** Rows per PostgreSQL statement (arrays, not parameters: only the statement's size bounds it). */
const PG_CHUNK_ROWS = 5_000;

interface ColumnInfo {
  key: string;
  name: string;
  sqlType: string;
  toDriver: (value: unknown) => unknown;
}

const columnCache = new WeakMap<Table, ColumnInfo[]>();
type SqliteHandle = Extract<Db['driver'], { kind: 'sqlite' }>['sqlite'];
/** Prepared statements per connection, by table and row count (a sync reuses a handful). */
const statementCache = new WeakMap<SqliteHandle, Map<string, ReturnType<SqliteHandle['prepare']>>>();

function columnsOf(table: Table): ColumnInfo[] {
  let cols = columnCache.get(table);
  if (!cols) {
    cols = Object.entries(getTableColumns(table)).map(([key, column]) => ({
      key,
      name: column.name,
      sqlType: column.getSQLType(),
      toDriver: (value: unknown) => column.mapToDriverValue(value),
    }));
    columnCache.set(table, cols);
  }
  return cols;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function driverValue(col: ColumnInfo, row: Record<string, unknown>): unknown {
  const value = row[col.key];
  return value === null || value === undefined ? null : col.toDriver(value);
}

/** Inserts `rows` into `table` in large chunks, yielding to the event loop between chunks. */
export async function bulkInsert(db: Db, table: Table, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = columnsOf(table);
  const head = `insert into ${quote(getTableName(table))} (${cols.map((c) => quote(c.name)).join(', ')})`;
  if (db.driver.kind === 'sqlite') {
    const sqlite = db.driver.sqlite;
    let statements = statementCache.get(sqlite);
    if (!statements) statementCache.set(sqlite, (statements = new Map()));
    const cache = statements;
    const row = `(${cols.map(() => '?').join(', ')})`;
    const insertChunk = (chunk: readonly Record<string, unknown>[]) => {
      const key = `${head}:${chunk.length}`;
      let statement = cache.get(key);
      if (!statement) {
        statement = sqlite.prepare(`${head} values ${Array.from({ length: chunk.length }, () => row).join(', ')}`);
        cache.set(key, statement);
      }
      const params: unknown[] = new Array(chunk.length * cols.length);
      let p = 0;
      for (const r of chunk) for (const col of cols) params[p++] = driverValue(col, r);
      statement.run(params);
    };
    // Snapshot keys are random, so every commit rewrites most index pages it touched: one commit per
    // 500 rows cost ~62 µs a row at `large`. Up to SQLITE_TX_ROWS rows therefore share one synchronous
    // transaction (a few tens of ms of event loop), and the event loop runs between transactions.
    const insertBatch = (batch: readonly Record<string, unknown>[]) => {
      for (let i = 0; i < batch.length; i += SQLITE_CHUNK_ROWS) insertChunk(batch.slice(i, i + SQLITE_CHUNK_ROWS));
    };
    if (sqlite.inTransaction) {
      // Inside the caller's transaction: no commits of our own and no yielding (nothing may interleave).
      insertBatch(rows);
      return;
    }
    const inOneTransaction = sqlite.transaction(insertBatch);
    for (let i = 0; i < rows.length; i += SQLITE_TX_ROWS) {
      inOneTransaction(rows.slice(i, i + SQLITE_TX_ROWS));
      if (i + SQLITE_TX_ROWS < rows.length) await yieldToEventLoop();
    }
    return;
  }
  const pool = db.driver.pool;
  // JSON goes over as text and is cast per row: a jsonb[] literal would need its own escaping.
  const arrays = cols.map((c, n) => `$${n + 1}::${c.sqlType === 'jsonb' ? 'text' : c.sqlType}[]`).join(', ');
  const select = cols.map((c, n) => (c.sqlType === 'jsonb' ? `c${n}::jsonb` : `c${n}`)).join(', ');
  const alias = cols.map((_, n) => `c${n}`).join(', ');
  const text = `${head} select ${select} from unnest(${arrays}) as u(${alias})`;
  for (let i = 0; i < rows.length; i += PG_CHUNK_ROWS) {
    const chunk = rows.slice(i, i + PG_CHUNK_ROWS);
    const values = cols.map((col) => chunk.map((r) => driverValue(col, r)));
    await pool.query(text, values);
  }
}
