import type { Kit } from '../kit';
import { tenantRef, timestamps } from './columns';
import type { Tenants } from './accounts';

export type ChannelType = 'email' | 'discord' | 'slack' | 'ntfy' | 'gotify' | 'webhook';
export type NotificationEventKind = 'digest' | 'leaving-soon' | 'deletion' | 'sync-failed' | 'recently-available';
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'dead';

/**
 * Notifications and the household page (RULES.md §10): the tenant's channels (their URL, token and
 * secret sealed with a per-row AAD), one delivery row per event and channel (the idempotency key is
 * unique, so an event is never sent twice to a channel), household links (only a hash of the token is
 * stored) and the keep requests visitors leave on a deletion.
 */
export function defineNotifications(k: Kit, tenants: Tenants) {
  const notificationChannels = k.table(
    'notification_channels',
    {
      id: k.id(),
      tenantId: tenantRef(k, tenants),
      type: k.text('type').$type<ChannelType>().notNull(),
      name: k.text('name').notNull(),
      events: k.json<NotificationEventKind[]>('events').notNull(),
      /** Sealed JSON `{ url?, secret?, token? }`: never returned by the API. */
      secretsCipher: k.text('secrets_cipher').notNull(),
      /** Email addresses (not secret); empty means the account's email. */
      to: k.json<string[]>('to').notNull(),
      /** The host the URL points at, so the owner can recognise a channel without seeing its secret. */
      target: k.text('target'),
      ...timestamps(k),
    },
    (t) => [k.index('notification_channels_tenant_idx').on(t.tenantId)],
  );

  const notificationDeliveries = k.table(
    'notification_deliveries',
    {
      id: k.id(),
      tenantId: tenantRef(k, tenants),
      channelId: k.text('channel_id').notNull(),
      event: k.text('event').$type<NotificationEventKind>().notNull(),
      /** `<event key>|<channel id>`: unique, the "at most once per event and channel" guarantee. */
      idempotencyKey: k.text('idempotency_key').notNull(),
      payload: k.json<Record<string, unknown>>('payload').notNull(),
      status: k.text('status').$type<DeliveryStatus>().notNull(),
      attempts: k.int('attempts').notNull(),
      error: k.text('error'),
      /** Row lease: a worker killed mid-send lets another retry once the lease ran out. */
      leaseUntil: k.big('lease_until'),
      nextAttemptAt: k.big('next_attempt_at'),
      ...timestamps(k),
    },
    (t) => [
      k.uniqueIndex('notification_deliveries_key_idx').on(t.idempotencyKey),
      k.index('notification_deliveries_tenant_idx').on(t.tenantId, t.createdAt),
    ],
  );

  const householdLinks = k.table(
    'household_links',
    {
      id: k.id(),
      tenantId: tenantRef(k, tenants),
      /** SHA-256 of the token: a database leak does not open the pages. */
      tokenHash: k.text('token_hash').notNull(),
      expiresAt: k.big('expires_at'),
      revokedAt: k.big('revoked_at'),
      createdAt: k.big('created_at').notNull(),
    },
    (t) => [
      k.uniqueIndex('household_links_token_idx').on(t.tokenHash),
      k.index('household_links_tenant_idx').on(t.tenantId),
    ],
  );

  const keepRequests = k.table(
    'keep_requests',
    {
      id: k.id(),
      tenantId: tenantRef(k, tenants),
      deletionId: k.text('deletion_id').notNull(),
      linkId: k.text('link_id').notNull(),
      name: k.text('name').notNull(),
      // The name trimmed and lower-cased: a repeat of the same request is one row (no stacked postponements).
      nameKey: k.text('name_key').notNull().default(''),
      at: k.big('at').notNull(),
    },
    (t) => [
      k.index('keep_requests_deletion_idx').on(t.tenantId, t.deletionId),
      k.uniqueIndex('keep_requests_name_idx').on(t.tenantId, t.deletionId, t.nameKey),
    ],
  );

  return { notificationChannels, notificationDeliveries, householdLinks, keepRequests };
}
