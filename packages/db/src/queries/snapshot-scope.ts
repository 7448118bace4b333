import { and, eq, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * The rows of one tenant's snapshot. Snapshot reads filter by tenant AND snapshot, so a snapshot id
 * from another tenant finds nothing.
 */
export function inSnapshot(
  table: { tenantId: AnySQLiteColumn; snapshotId: AnySQLiteColumn },
  tenantId: string,
  snapshotId: string,
): SQL {
  return and(eq(table.tenantId, tenantId), eq(table.snapshotId, snapshotId)) as SQL;
}
