import { canRestore, isoOrNull } from '@mj/core';
import type { Deletion } from '@mj/contracts';
import type { DeletionRow } from '@mj/db';

export function toDeletionDto(row: DeletionRow, now: number): Deletion {
  return {
    id: row.id,
    itemId: row.itemId,
    title: row.title,
    kind: row.kind,
    year: row.year,
    sizeBytes: row.sizeBytes,
    status: row.status,
    executeAt: isoOrNull(row.executeAt) ?? new Date(0).toISOString(),
    target: row.target,
    seasons: row.seasons,
    addImportExclusion: row.addImportExclusion,
    reason: row.reason,
    executedAt: isoOrNull(row.executedAt),
    restoredAt: isoOrNull(row.restoredAt),
    restorable: canRestore(row, now),
    createdAt: isoOrNull(row.createdAt) ?? new Date(0).toISOString(),
    updatedAt: isoOrNull(row.updatedAt) ?? new Date(0).toISOString(),
  };
}

/** Audit rows describe the title as it was when acted on. */
export function auditOf(
  row: DeletionRow,
  action: string,
  at: number,
  actor: string,
  detail: Record<string, unknown> = {},
) {
  return {
    tenantId: row.tenantId,
    at,
    actor,
    action,
    deletionId: row.id,
    itemId: row.itemId,
    title: row.title,
    sizeBytes: row.sizeBytes,
    detail,
  };
}
