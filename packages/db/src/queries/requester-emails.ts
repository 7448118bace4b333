import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../client';
import { currentSnapshots } from './library-read';
import { inSnapshot } from './snapshot-scope';

/**
 * The Jellyseerr email of each request's requester, from the tenant's current requests snapshot, for
 * the optional "your title is available" mail (RULES §10). Requests without a known email are absent.
 */
export async function requesterEmails(
  db: Db,
  tenantId: string,
  requestIds: readonly number[],
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (requestIds.length === 0) return out;
  const { requestsSnapshotId } = await currentSnapshots(db, tenantId);
  if (!requestsSnapshotId) return out;
  const { seerrRequests: r, seerrUsers: u } = db.t;
  const rows = await db.q
    .select({ requestId: r.id, email: u.email })
    .from(r)
    .innerJoin(u, and(eq(u.snapshotId, r.snapshotId), eq(u.tenantId, r.tenantId), eq(u.id, r.requestedById)))
    .where(and(inSnapshot(r, tenantId, requestsSnapshotId), inArray(r.id, [...requestIds]), isNotNull(u.email)));
  for (const row of rows) if (row.email) out.set(row.requestId, row.email);
  return out;
}
