import type { MediaLibrary } from '@mj/core';
import { asc } from 'drizzle-orm';
import type { Db } from '../client';
import { currentSnapshots } from './library-read';
import { inSnapshot } from './snapshot-scope';

/**
 * The Jellyfin libraries of the tenant's current library snapshot, by name (empty before the first
 * sync). The snapshot id comes from the tenant's own pointer and the rows are filtered by tenant too,
 * so another tenant's snapshot id can never leak its libraries.
 */
export async function listMediaLibraries(db: Db, tenantId: string): Promise<MediaLibrary[]> {
  const { librarySnapshotId } = await currentSnapshots(db, tenantId);
  if (!librarySnapshotId) return [];
  const { mediaLibraries } = db.t;
  return db.q
    .select({ id: mediaLibraries.id, name: mediaLibraries.name, collectionType: mediaLibraries.collectionType })
    .from(mediaLibraries)
    .where(inSnapshot(mediaLibraries, tenantId, librarySnapshotId))
    .orderBy(asc(mediaLibraries.name), asc(mediaLibraries.id));
}
