import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import type { SeerrRequest } from '@mj/core';
import type { Schema } from '../schema/define';

type SnapshotTable = 'libraryItems' | 'watchRecords' | 'mediaUsers' | 'mediaLibraries' | 'seerrRequests' | 'seerrUsers';

export const LIBRARY_TABLES: SnapshotTable[] = ['libraryItems', 'watchRecords', 'mediaUsers', 'mediaLibraries'];
export const REQUEST_TABLES: SnapshotTable[] = ['seerrRequests', 'seerrUsers'];

// SQLite caps bound parameters at 32,766 and PostgreSQL at 65,535; ~16 columns x 500 rows fits both,
// and keeps each synchronous SQLite statement short enough for the API to stay responsive.
const CHUNK_ROWS = 500;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Inserts snapshot rows in chunks, outside any transaction (the rows are invisible until the snapshot
 * pointer flips), yielding between chunks.
 */
export async function insertSnapshotRows<K extends SnapshotTable>(
  db: Db,
  table: K,
  rows: Schema[K]['$inferInsert'][],
): Promise<void> {
  const target = db.t[table];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    await db.q.insert(target).values(rows.slice(i, i + CHUNK_ROWS) as never);
    if (i + CHUNK_ROWS < rows.length) await yieldToEventLoop();
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
