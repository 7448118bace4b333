import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DeliveryView } from '@mj/contracts';
import {
  claimDelivery,
  findChannel,
  findChannelById,
  findDelivery,
  finishDelivery,
  listChannels,
  newId,
  pageDeliveries,
  tenantMemberEmails,
  updateChannel,
  upsertDelivery,
  type DeliveryRow,
  type NotificationEventKind,
} from '@mj/db';
import { getSettings } from '../settings/settings';
import { languageOf, REQUESTERS_CHANNEL, sampleMessage, type NotificationMessage } from './message';
import { getChannelRow, openChannelSecrets, type NotifyContext } from './channels';
import { SendError, sendToChannel } from './senders';

/** Retries stop 24 h after the event: the delivery is then dead (RULES §10). */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** A send that takes longer than this is presumed dead (its worker was killed) and may be retried. */
export const SEND_LEASE_MS = 2 * 60_000;

/** Backoff before attempt n+1: 1 min, 2, 4, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function toDeliveryView(row: DeliveryRow, channelName: string | null): DeliveryView {
  return {
    id: row.id,
    event: row.event,
    channelId: row.channelId,
    channel: channelName,
    status: row.status,
    attempts: row.attempts,
    at: new Date(row.updatedAt).toISOString(),
    error: row.error,
  };
}

// Unsubscribe tokens: `<channelId>.<address base64url>.<hmac>`; they work without logging in.
function mac(key: string, payload: string): string {
  return createHmac('sha256', key).update(`unsubscribe:${payload}`).digest('base64url');
}

export function unsubscribeToken(key: string, channelId: string, address: string): string {
  const payload = `${channelId}.${Buffer.from(address.toLowerCase(), 'utf8').toString('base64url')}`;
  return `${payload}.${mac(key, payload)}`;
}

export function verifyUnsubscribeToken(key: string, token: string): { channelId: string; address: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const payload = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(parts[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { channelId: parts[0]!, address: Buffer.from(parts[1]!, 'base64url').toString('utf8') };
}

/**
 * One attempt at a delivery: claim it (one winner; a sent or dead delivery is never claimed again),
 * send, record the outcome. Failures are retried with backoff until 24 h after the event, then dead.
 */
export async function attemptDelivery(
  ctx: Omit<NotifyContext, 'tenantId' | 'userId'>,
  id: string,
): Promise<DeliveryRow | undefined> {
  const now = ctx.clock.now();
  const claimed = await claimDelivery(ctx.db, id, now, SEND_LEASE_MS);
  if (!claimed) return findDelivery(ctx.db, id);
  if (claimed.channelId === REQUESTERS_CHANNEL) return attemptRequesterMail(ctx, claimed);
  const channel = await findChannel(ctx.db, claimed.tenantId, claimed.channelId);
  if (!channel) {
    await finishDelivery(ctx.db, id, {
      status: 'dead',
      error: 'The channel was removed',
      nextAttemptAt: null,
      at: now,
    });
    return findDelivery(ctx.db, id);
  }
  const tctx = { ...ctx, tenantId: claimed.tenantId, userId: '' } as NotifyContext;
  const settings = await getSettings(tctx);
  const lang = languageOf(settings.titleLanguage);
  const to = channel.to.length > 0 ? channel.to : await tenantMemberEmails(ctx.db, claimed.tenantId);
  const unsubscribeUrl = (address: string) =>
    `${ctx.notify.publicUrl.replace(/\/+$/, '')}/api/public/unsubscribe?token=${unsubscribeToken(ctx.notify.signingKey, channel.id, address)}`;
  return send(ctx, claimed, channel.type, () =>
    sendToChannel(
      { type: channel.type, secrets: openChannelSecrets(tctx, channel), to },
      claimed.payload as unknown as NotificationMessage,
      { allowPrivateNetwork: ctx.notify.allowPrivateNetwork, mailer: ctx.notify.mailer, lang, unsubscribeUrl },
    ),
  );
}

/**
 * A requester's mail: to the address in the payload, without an unsubscribe link (the requester has no
 * channel to leave; the owner's `notifyRequesters` setting turns these mails off).
 */
async function attemptRequesterMail(ctx: Omit<NotifyContext, 'tenantId' | 'userId'>, claimed: DeliveryRow) {
  const tctx = { ...ctx, tenantId: claimed.tenantId, userId: '' } as NotifyContext;
  const lang = languageOf((await getSettings(tctx)).titleLanguage);
  const { to, ...message } = claimed.payload as unknown as NotificationMessage & { to: string };
  return send(ctx, claimed, 'email', () =>
    sendToChannel({ type: 'email', secrets: {}, to: [to] }, message, {
      allowPrivateNetwork: ctx.notify.allowPrivateNetwork,
      mailer: ctx.notify.mailer,
      lang,
      unsubscribeUrl: () => null,
    }),
  );
}

/** Runs one send of a claimed delivery and records its outcome (sent, retry later, or dead). */
async function send(
  ctx: Omit<NotifyContext, 'tenantId' | 'userId'>,
  claimed: DeliveryRow,
  channelType: string,
  run: () => Promise<void>,
): Promise<DeliveryRow | undefined> {
  const id = claimed.id;
  const now = ctx.clock.now();
  try {
    await run();
    await finishDelivery(ctx.db, id, { status: 'sent', error: null, nextAttemptAt: null, at: ctx.clock.now() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryable = !(error instanceof SendError) || error.retryable;
    const next = now + retryDelayMs(claimed.attempts);
    const dead = !retryable || next > claimed.createdAt + RETRY_WINDOW_MS;
    ctx.log.warn({ deliveryId: id, channelType, error: message }, 'notification delivery failed');
    await finishDelivery(ctx.db, id, {
      status: dead ? 'dead' : 'failed',
      error: message,
      nextAttemptAt: dead ? null : next,
      at: ctx.clock.now(),
    });
  }
  return findDelivery(ctx.db, id);
}

/**
 * Records one delivery per channel that chose this event, keyed `<eventKey>|<channel>` (an event is
 * delivered at most once per channel however often it is emitted), and returns the ids to attempt.
 */
export async function emitNotification(
  ctx: NotifyContext,
  event: NotificationEventKind,
  eventKey: string,
  message: NotificationMessage,
): Promise<string[]> {
  const now = ctx.clock.now();
  const channels = (await listChannels(ctx.db, ctx.tenantId)).filter((c) => c.events.includes(event));
  const ids: string[] = [];
  for (const channel of channels) {
    const row = await upsertDelivery(
      ctx.db,
      {
        id: newId(now),
        tenantId: ctx.tenantId,
        channelId: channel.id,
        event,
        idempotencyKey: `${eventKey}|${channel.id}`,
        payload: message as unknown as Record<string, unknown>,
        nextAttemptAt: now,
      },
      now,
    );
    if (row.status === 'pending') ids.push(row.id);
  }
  return ids;
}

/** Sends a sample to the channel now and answers with the delivery's outcome. */
export async function testNotificationChannel(ctx: NotifyContext, id: string) {
  const channel = await getChannelRow(ctx, id);
  const settings = await getSettings(ctx);
  const now = ctx.clock.now();
  const deliveryId = newId(now);
  await upsertDelivery(
    ctx.db,
    {
      id: deliveryId,
      tenantId: ctx.tenantId,
      channelId: channel.id,
      event: 'test' as NotificationEventKind,
      idempotencyKey: `test:${deliveryId}|${channel.id}`,
      payload: sampleMessage(languageOf(settings.titleLanguage)) as unknown as Record<string, unknown>,
      nextAttemptAt: null,
    },
    now,
  );
  const row = (await attemptDelivery(ctx, deliveryId))!;
  // A test is one attempt: the owner is looking at its result, a retry later would surprise.
  if (row.status === 'failed')
    await finishDelivery(ctx.db, deliveryId, {
      status: 'dead',
      error: row.error,
      nextAttemptAt: null,
      at: row.updatedAt,
    });
  const final = (await findDelivery(ctx.db, deliveryId))!;
  return { ...toDeliveryView(final, channel.name), ok: final.status === 'sent' };
}

export async function listNotificationDeliveries(ctx: NotifyContext, query: { page: number; pageSize: number }) {
  const { rows, total } = await pageDeliveries(ctx.db, ctx.tenantId, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const names = new Map((await listChannels(ctx.db, ctx.tenantId)).map((c) => [c.id, c.name]));
  names.set(REQUESTERS_CHANNEL, REQUESTERS_CHANNEL);
  return {
    items: rows.map((r) => toDeliveryView(r, names.get(r.channelId) ?? null)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Removes the address from the channel (or, when it wrote to the account's email, mutes it). */
export async function unsubscribe(ctx: Omit<NotifyContext, 'tenantId' | 'userId'>, token: string): Promise<boolean> {
  const parsed = verifyUnsubscribeToken(ctx.notify.signingKey, token);
  if (!parsed) return false;
  const channel = await findChannelById(ctx.db, parsed.channelId);
  if (!channel) return true;
  const remaining = channel.to.filter((a) => a.toLowerCase() !== parsed.address);
  await updateChannel(ctx.db, channel.tenantId, channel.id, {
    ...(remaining.length > 0 ? { to: remaining } : { events: [] }),
    updatedAt: ctx.clock.now(),
  });
  return true;
}
