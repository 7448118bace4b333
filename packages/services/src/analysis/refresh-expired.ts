import { listUnappliedExpiries, markExpiriesApplied } from '@mj/db';
import type { TenantContext } from '../context';
import { toCoreEntry } from '../whitelists/entry-mapping';
import { reevaluateTitles, titlesMatchingEntry } from './reevaluate-titles';

/**
 * Whitelist expiry moves results with the clock: before answering, a read re-evaluates the titles of
 * entries that expired since their rows were last evaluated (usually none: one indexed lookup).
 * Request entries need nothing here: requests are hidden at read time.
 */
export async function refreshExpiredEntries(ctx: TenantContext): Promise<void> {
  const expired = await listUnappliedExpiries(ctx.db, ctx.tenantId, ctx.clock.now());
  if (expired.length === 0) return;
  const titleIds = new Set<string>();
  for (const row of expired) for (const id of await titlesMatchingEntry(ctx, toCoreEntry(row))) titleIds.add(id);
  await reevaluateTitles(ctx, [...titleIds]);
  await markExpiriesApplied(
    ctx.db,
    ctx.tenantId,
    expired.map((row) => row.id),
  );
}
