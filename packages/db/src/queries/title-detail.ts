import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import type { Schema } from '../schema/define';
import { inSnapshot } from './snapshot-scope';

// Reads for one title's page (`GET /api/items/{id}`), from the snapshots the tenant's sync_state points
// at. Each filters by tenant AND snapshot: a snapshot id from another tenant finds nothing.

export type LibraryItemRow = Schema['libraryItems']['$inferSelect'];

export async function libraryItemsOfTitle(
  db: Db,
  tenantId: string,
  snapshotId: string,
  titleId: string,
  kind: 'movie' | 'series',
): Promise<LibraryItemRow[]> {
  const t = db.t.libraryItems;
  const scope = inSnapshot(t, tenantId, snapshotId);
  return kind === 'movie'
    ? db.q
        .select()
        .from(t)
        .where(and(scope, eq(t.id, titleId)))
    : db.q
        .select()
        .from(t)
        .where(and(scope, eq(t.seriesId, titleId), eq(t.kind, 'episode')));
}

export interface TitleWatchRow {
  userId: string;
  name: string | null;
  played: boolean;
  playCount: number;
  lastPlayedAt: number | null;
}

export async function watchersOfTitle(
  db: Db,
  tenantId: string,
  snapshotId: string,
  titleId: string,
): Promise<TitleWatchRow[]> {
  const { watchRecords: w, mediaUsers: u } = db.t;
  return db.q
    .select({ userId: w.userId, name: u.name, played: w.played, playCount: w.playCount, lastPlayedAt: w.lastPlayedAt })
    .from(w)
    .leftJoin(u, and(eq(u.snapshotId, w.snapshotId), eq(u.id, w.userId)))
    .where(and(inSnapshot(w, tenantId, snapshotId), eq(w.titleId, titleId)));
}

export type SeerrRequestRow = Schema['seerrRequests']['$inferSelect'];

/** Requests of one media type; the caller matches the title's TMDB id (stored inside the media JSON). */
export async function requestsOfType(
  db: Db,
  tenantId: string,
  snapshotId: string,
  type: 'movie' | 'tv',
): Promise<SeerrRequestRow[]> {
  const r = db.t.seerrRequests;
  return db.q
    .select()
    .from(r)
    .where(and(inSnapshot(r, tenantId, snapshotId), eq(r.type, type)));
}
