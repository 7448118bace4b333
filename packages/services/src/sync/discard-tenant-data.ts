import { clearSnapshotPointer, deleteSnapshot, LIBRARY_TABLES, REQUEST_TABLES, type Db } from '@mj/db';

/** Forgets the data synced from one server (when its connection is removed). */
export async function discardTenantData(db: Db, tenantId: string, part: 'library' | 'requests'): Promise<void> {
  const previous = await clearSnapshotPointer(db, tenantId, part);
  if (previous) await deleteSnapshot(db, previous, part === 'library' ? LIBRARY_TABLES : REQUEST_TABLES);
}
