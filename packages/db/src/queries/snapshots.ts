import { eq, type Table } from 'drizzle-orm';
import type { Db } from '../client';
import type { SeerrRequest } from '@mj/core';
import type { Schema } from '../schema/define';
import { bulkInsert } from './bulk-insert';
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
