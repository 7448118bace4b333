import { shareText } from '@mj/core';
import { listRecent, newId, requesterEmails, upsertDelivery, type RecentItemRow } from '@mj/db';
import { toRecentRow } from '../analysis/recent';
import type { NotifyContext } from './channels';
import { emitNotification } from './deliveries';
import { REQUESTERS_CHANNEL, type Lang, type NotificationMessage } from './message';

// Recently available (RULES §10 → §6): one event per request that arrived, worded as the §6 share text.
// Only arrivals of the last 24 h are told: a channel created today does not receive the whole history,
// and the stable key makes every later sweep of the same day a no-op.

/** How far back an arrival is still news for the sweep. */
export const RECENT_NOTICE_MS = 24 * 3_600_000;

export const recentEventKey = (tenantId: string, requestId: number) => `recently-available:${tenantId}:${requestId}`;

export function recentMessage(lang: Lang, row: RecentItemRow): NotificationMessage {
  const text = shareText([toRecentRow(row)], {
    unknownRequester: lang === 'fr' ? 'Demandeur inconnu' : 'Unknown requester',
  });
  return {
    event: 'recently-available',
    title: lang === 'fr' ? `Disponible : ${row.title}` : `Now available: ${row.title}`,
    text,
    data: {
      requestId: row.requestId,
      mediaType: row.mediaType,
      title: row.title,
      requester: row.requester,
      episodes: row.episodes,
      arrivedAt: new Date(row.arrivedAt).toISOString(),
    },
  };
}

/** The arrivals of the last 24 h, newest first. */
export async function recentArrivals(ctx: NotifyContext, now: number): Promise<RecentItemRow[]> {
  return listRecent(ctx.db, ctx.tenantId, now - RECENT_NOTICE_MS, now);
}

/** Emits one `recently-available` event per arrival to the channels that chose it. */
export async function emitRecentlyAvailable(ctx: NotifyContext, lang: Lang, arrivals: RecentItemRow[]) {
  let emitted = 0;
  for (const row of arrivals)
    emitted += (
      await emitNotification(
        ctx,
        'recently-available',
        recentEventKey(ctx.tenantId, row.requestId),
        recentMessage(lang, row),
      )
    ).length;
  return emitted;
}

/** One mail per requester and request, to their Jellyseerr email, at most once (the delivery key). */
export async function emitToRequesters(ctx: NotifyContext, lang: Lang, arrivals: RecentItemRow[]) {
  const emails = await requesterEmails(
    ctx.db,
    ctx.tenantId,
    arrivals.map((a) => a.requestId),
  );
  const now = ctx.clock.now();
  let emitted = 0;
  for (const row of arrivals) {
    const to = emails.get(row.requestId)?.toLowerCase();
    if (!to) continue;
    const delivery = await upsertDelivery(
      ctx.db,
      {
        id: newId(now),
        tenantId: ctx.tenantId,
        channelId: REQUESTERS_CHANNEL,
        event: 'recently-available',
        idempotencyKey: `${recentEventKey(ctx.tenantId, row.requestId)}|${REQUESTERS_CHANNEL}:${to}`,
        payload: { ...recentMessage(lang, row), to } as unknown as Record<string, unknown>,
        nextAttemptAt: now,
      },
      now,
    );
    if (delivery.status === 'pending' && delivery.attempts === 0) emitted += 1;
  }
  return emitted;
}
