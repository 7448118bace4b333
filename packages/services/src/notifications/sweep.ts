import {
  dueDeliveryIds,
  latestFinishedRuns,
  finishedDeletionsSince,
  loadSettingsOverrides,
  scheduledBefore,
  tenantsNotifyingRequesters,
  tenantsWithChannels,
} from '@mj/db';
import { digestSlot, resolveSettings, syncAlarms, type FinishedRun } from '@mj/core';
import type { ServiceContext } from '../context';
import { attemptDelivery, emitNotification, RETRY_WINDOW_MS } from './deliveries';
import type { NotifyContext, NotifyDeps } from './channels';
import { languageOf } from './message';
import { emitRecentlyAvailable, emitToRequesters, recentArrivals } from './recent-events';
import { emitDigest } from './digest-event';
import { deletionText, scrubReason, leavingText, syncFailedText } from './event-texts';

// The notification sweep, run by the minute tick: it derives events from the database (deletions
// done or failed in the last 24 h, titles leaving within 3 days, sync alarms, arrivals of the last day) and attempts every due delivery.
// Re-deriving is safe because each event has a stable key: a delivery exists once per event+channel.

/** RULES §10: "leaving soon" means within 3 days. */
export const LEAVING_SOON_NOTICE_MS = 3 * 86_400_000;

export async function sweepNotifications(ctx: ServiceContext & { notify: NotifyDeps }, limit = 200) {
  const now = ctx.clock.now();
  let emitted = 0;
  const tenants = await tenantsWithChannels(ctx.db);
  // Requester mails need no channel: those tenants are swept too.
  for (const id of await tenantsNotifyingRequesters(ctx.db)) if (!tenants.has(id)) tenants.set(id, new Set());
  for (const [tenantId, events] of tenants) {
    const tctx: NotifyContext = { ...ctx, tenantId, userId: '' };
    const settings = resolveSettings(await loadSettingsOverrides(ctx.db, tenantId));
    const lang = languageOf(settings.titleLanguage);
    if (events.has('digest')) {
      // Once per ISO week, after the tenant's local slot: the key makes later sweeps of the week no-ops.
      const slot = digestSlot(now, settings.timeZone, settings.digestDay, settings.digestHour);
      if (slot.due) emitted += await emitDigest(tctx, lang, slot.week, now);
    }
    if (events.has('deletion'))
      for (const d of await finishedDeletionsSince(ctx.db, tenantId, now - RETRY_WINDOW_MS))
        emitted += (
          await emitNotification(tctx, 'deletion', `deletion:${d.id}:${d.status}`, {
            event: 'deletion',
            ...deletionText(lang, d),
            data: { title: d.title, year: d.year, status: d.status, reason: d.reason },
          })
        ).length;
    if (events.has('leaving-soon'))
      for (const d of await scheduledBefore(ctx.db, tenantId, now + LEAVING_SOON_NOTICE_MS))
        emitted += (
          await emitNotification(tctx, 'leaving-soon', `leaving-soon:${d.id}:${d.executeAt}`, {
            event: 'leaving-soon',
            ...leavingText(lang, d),
            data: { title: d.title, year: d.year, leavesAt: new Date(d.executeAt).toISOString() },
          })
        ).length;
    if (events.has('sync-failed')) {
      const runs = (await latestFinishedRuns(ctx.db, tenantId)) as FinishedRun[];
      // Only alarms of the last day: older ones were told then (or predate the channel).
      for (const run of syncAlarms(runs).filter((r) => r.finishedAt >= now - RETRY_WINDOW_MS)) {
        const reason = scrubReason(run.error);
        emitted += (
          await emitNotification(tctx, 'sync-failed', `sync-failed:${run.id}`, {
            event: 'sync-failed',
            ...syncFailedText(lang, reason),
            data: { runId: run.id, reason, failedAt: new Date(run.finishedAt).toISOString() },
          })
        ).length;
      }
    }
    if (events.has('recently-available') || settings.notifyRequesters) {
      const arrivals = await recentArrivals(tctx, now);
      if (events.has('recently-available')) emitted += await emitRecentlyAvailable(tctx, lang, arrivals);
      if (settings.notifyRequesters) emitted += await emitToRequesters(tctx, lang, arrivals);
    }
  }
  let attempted = 0;
  for (const id of await dueDeliveryIds(ctx.db, now, limit)) {
    await attemptDelivery(ctx, id);
    attempted += 1;
  }
  return { emitted, attempted };
}
