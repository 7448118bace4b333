import { eq, type Table } from 'drizzle-orm';
import type { Db } from '../client';
import type { SeerrRequest } from '@mj/core';
import type { Schema } from '../schema/define';
import { bulkInsert, SQLITE_TX_ROWS } from './bulk-insert';
import { yieldToEventLoop } from './chunked-insert';

type SnapshotTable = 'libraryItems' | 'watchRecords' | 'mediaUsers' | 'mediaLibraries' | 'seerrRequests' | 'seerrUsers';

export const LIBRARY_TABLES: SnapshotTable[] = ['libraryItems', 'watchRecords', 'mediaUsers', 'mediaLibraries'];
export const REQUEST_TABLES: SnapshotTable[] = ['seerrRequests', 'seerrUsers'];

/**
 * Inserts snapshot rows in chunks, outside any transaction (the rows are invisible until the snapshot
 * pointer flips), yielding between chunks.
 */
export async function insertSnapshotRows<K extends SnapshotTable>(
  db: Db,
  table: K,
  rows: Schema[K]['$inferInsert'][],
): Promise<void> {
  await bulkInsert(db, db.t[table] as unknown as Table, rows as Record<string, unknown>[]);
}

/**
 * Collects a stream of pages' rows and writes them in batches (one SQLite transaction each; fewer, larger
 * statements on PostgreSQL): a full sync hands over 500 episodes a page, and a commit per page rewrote
 * most pages of the table's random-keyed indexes every time. Call `flush()` once the stream ends.
 */
export class SnapshotRowBatch<K extends SnapshotTable> {
  private rows: Schema[K]['$inferInsert'][] = [];

  constructor(
    private readonly db: Db,
    private readonly table: K,
    private readonly size = SQLITE_TX_ROWS,
  ) {}

  async add(rows: readonly Schema[K]['$inferInsert'][]): Promise<void> {
    for (const row of rows) this.rows.push(row);
    if (this.rows.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    await insertSnapshotRows(this.db, this.table, rows);
  }
}

/** Deletes one snapshot's rows from the given tables (after a flip, or when a run fails). */
export async function deleteSnapshot(db: Db, snapshotId: string, tables: SnapshotTable[]): Promise<void> {
  for (const name of tables) {
    const table = db.t[name];
    await db.q.delete(table).where(eq(table.snapshotId, snapshotId));
    await yieldToEventLoop();
  }
}

/** A Jellyseerr request as a snapshot row (its media, with per-season statuses, stays JSON). */
export function seerrRequestRow(
  snapshotId: string,
  tenantId: string,
  r: SeerrRequest,
): Schema['seerrRequests']['$inferInsert'] {
  return {
    snapshotId,
    tenantId,
    id: r.id,
    type: r.type,
    status: r.status,
    is4k: r.is4k,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    requestedById: r.requestedBy?.id ?? null,
    seasons: r.seasons,
    media: r.media,
  };
}
