import { z } from 'zod';
import { Instant } from './common';
import { PageQuery } from './analysis';

// Notifications and the household page (RULES.md §10).

export const ChannelType = z.enum(['email', 'discord', 'slack', 'ntfy', 'gotify', 'webhook']);
export type ChannelType = z.infer<typeof ChannelType>;

export const NotificationEvent = z.enum(['digest', 'leaving-soon', 'deletion', 'sync-failed', 'recently-available']);
export type NotificationEvent = z.infer<typeof NotificationEvent>;

const Url = z.string().trim().min(1).max(2000);
const Events = z.array(NotificationEvent).max(5);
const Emails = z.array(z.email().max(254)).max(20);

/**
 * A channel: `url` is required for every type but email; `token` for Gotify (or in its URL); `secret`
 * signs webhooks; `to` lists email addresses (empty: the account's email). URL, token and secret are
 * stored encrypted and never returned.
 */
export const ChannelCreateBody = z
  .object({
    type: ChannelType,
    name: z.string().trim().min(1).max(100),
    events: Events.default([]),
    url: Url.optional(),
    secret: z.string().min(1).max(500).optional(),
    token: z.string().min(1).max(500).optional(),
    to: Emails.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.type !== 'email' && !body.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'url is required' });
  });
export type ChannelCreateBody = z.infer<typeof ChannelCreateBody>;

/** A partial update; `null` clears the secret or token. */
export const ChannelPatchBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    events: Events,
    url: Url,
    secret: z.string().min(1).max(500).nullable(),
    token: z.string().min(1).max(500).nullable(),
    to: Emails,
  })
  .partial()
  .strict();
export type ChannelPatchBody = z.infer<typeof ChannelPatchBody>;

export const ChannelView = z.object({
  id: z.string(),
  type: ChannelType,
  name: z.string(),
  events: z.array(NotificationEvent),
  to: z.array(z.string()),
  /** The host the channel posts to (never the full URL: it often embeds a token). */
  target: z.string().nullable(),
  hasUrl: z.boolean(),
  hasSecret: z.boolean(),
  hasToken: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChannelView = z.infer<typeof ChannelView>;

export const ChannelList = z.object({ items: z.array(ChannelView) });

export const DeliveryStatus = z.enum(['pending', 'sent', 'failed', 'dead']);

export const DeliveryView = z.object({
  id: z.string(),
  event: z.string(),
  channelId: z.string(),
  channel: z.string().nullable(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  at: z.string(),
  error: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof DeliveryView>;

export const DeliveriesQuery = z.object({ ...PageQuery });
export const DeliveryList = z.object({
  items: z.array(DeliveryView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** What `POST /channels/{id}/test` answers: the delivery of the sample. */
export const ChannelTestResult = DeliveryView.extend({ ok: z.boolean() });

export const HouseholdLinkBody = z.object({ expiresAt: Instant.optional() }).strict().nullish();
export const HouseholdLinkCreated = z.object({ id: z.string(), url: z.string() });
export const HouseholdLinkView = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  active: z.boolean(),
});
export const HouseholdLinkList = z.object({ items: z.array(HouseholdLinkView) });

export const HouseholdTokenParams = z.object({ token: z.string().min(1).max(200) });

/**
 * The public page: titles, poster URLs served by the product, dates. The `deletionId` is only usable
 * with this page's token (it is needed to ask to keep a title): no sizes, nothing else.
 */
export const PublicHouseholdTitle = z.object({
  deletionId: z.string(),
  title: z.string(),
  year: z.number().int().nullable(),
  kind: z.enum(['movie', 'series']),
  leavesAt: z.string(),
  posterUrl: z.string().nullable(),
  keepRequested: z.boolean(),
});
export const PublicHousehold = z.object({
  language: z.string(),
  items: z.array(PublicHouseholdTitle),
});

export const KeepBody = z
  .object({ deletionId: z.string().min(1).max(100), name: z.string().trim().min(1).max(80) })
  .strict();
export const KeepCreated = z.object({ ok: z.literal(true), action: z.enum(['postpone', 'cancel', 'none']) });
