import { isIP } from 'node:net';
import type { ChannelCreateBody, ChannelPatchBody, ChannelView } from '@mj/contracts';
import { deleteChannel, findChannel, insertChannel, listChannels, newId, updateChannel, type ChannelRow } from '@mj/db';
import { isAddressAllowed, systemResolver } from '@mj/media';
import type { TenantContext } from '../context';
import type { SecretBox } from '../crypto/secret-box';
import { invalid, notFound } from '../errors';
import type { Mailer } from '../auth/mailer';
import type { ChannelSecrets } from './senders';

/** What notification use-cases need beyond the tenant context. */
export interface NotifyDeps {
  secrets: SecretBox;
  /** Same policy as media servers: SaaS blocks private addresses, embedded allows the LAN. */
  allowPrivateNetwork: boolean;
  mailer: Mailer;
  /** Where links in messages point (unsubscribe, household page). */
  publicUrl: string;
  /** Signs unsubscribe tokens. */
  signingKey: string;
}

export type NotifyContext = TenantContext & { notify: NotifyDeps };

/** A channel's secrets are bound to its tenant and id: a ciphertext copied to another row won't open. */
export function channelAad(tenantId: string, channelId: string): string {
  return `notification-channel:${tenantId}:${channelId}`;
}

export function openChannelSecrets(ctx: NotifyContext, row: ChannelRow): ChannelSecrets {
  return JSON.parse(ctx.notify.secrets.open(row.secretsCipher, channelAad(row.tenantId, row.id))) as ChannelSecrets;
}

/**
 * Refuses a URL the guarded client would refuse: not http(s), credentials in it, or a host that is (or
 * resolves to) an address the deployment's policy blocks. A host that does not resolve now is accepted:
 * the guarded client checks again at every send.
 */
export async function checkTargetUrl(input: string, allowPrivateNetwork: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw invalid('invalid_url', `"${input}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid('invalid_url', 'The URL must start with http:// or https://');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[] = [];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await systemResolver(host)).map((a) => a.address);
    } catch {
      addresses = [];
    }
  }
  const blocked = addresses.find((a) => !isAddressAllowed(a, { allowPrivateNetwork }));
  if (blocked)
    throw invalid('blocked_address', `${host} points to an address this server may not call (${blocked}).`, {
      field: 'url',
    });
  return url;
}

export function toChannelView(row: ChannelRow, secrets: ChannelSecrets): ChannelView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    events: row.events,
    to: row.to,
    target: row.target,
    hasUrl: Boolean(secrets.url),
    hasSecret: Boolean(secrets.secret),
    hasToken: Boolean(secrets.token),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

async function own(ctx: NotifyContext, id: string): Promise<ChannelRow> {
  const row = await findChannel(ctx.db, ctx.tenantId, id);
  if (!row) throw notFound('channel_not_found', `No notification channel ${id}.`);
  return row;
}

export async function getChannelRow(ctx: NotifyContext, id: string): Promise<ChannelRow> {
  return own(ctx, id);
}

export async function listNotificationChannels(ctx: NotifyContext): Promise<ChannelView[]> {
  const rows = await listChannels(ctx.db, ctx.tenantId);
  return rows.map((row) => toChannelView(row, openChannelSecrets(ctx, row)));
}

function clean(secrets: ChannelSecrets): ChannelSecrets {
  return Object.fromEntries(
    Object.entries(secrets).filter(([, v]) => typeof v === 'string' && v !== ''),
  ) as ChannelSecrets;
}

export async function createNotificationChannel(ctx: NotifyContext, body: ChannelCreateBody): Promise<ChannelView> {
  const url = body.url ? await checkTargetUrl(body.url, ctx.notify.allowPrivateNetwork) : null;
  const now = ctx.clock.now();
  const id = newId(now);
  const secrets = clean({ url: url?.toString(), secret: body.secret, token: body.token });
  await insertChannel(ctx.db, {
    id,
    tenantId: ctx.tenantId,
    type: body.type,
    name: body.name,
    events: [...new Set(body.events)],
    secretsCipher: ctx.notify.secrets.seal(JSON.stringify(secrets), channelAad(ctx.tenantId, id)),
    to: body.type === 'email' ? (body.to ?? []) : [],
    target: url?.host ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return toChannelView((await own(ctx, id))!, secrets);
}

export async function updateNotificationChannel(
  ctx: NotifyContext,
  id: string,
  patch: ChannelPatchBody,
): Promise<ChannelView> {
  const row = await own(ctx, id);
  const secrets = openChannelSecrets(ctx, row);
  let target = row.target;
  if (patch.url !== undefined) {
    const url = await checkTargetUrl(patch.url, ctx.notify.allowPrivateNetwork);
    secrets.url = url.toString();
    target = url.host;
  }
  if (patch.secret !== undefined) secrets.secret = patch.secret ?? undefined;
  if (patch.token !== undefined) secrets.token = patch.token ?? undefined;
  const next = clean(secrets);
  const updated = await updateChannel(ctx.db, ctx.tenantId, id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.events !== undefined ? { events: [...new Set(patch.events)] } : {}),
    ...(patch.to !== undefined && row.type === 'email' ? { to: patch.to } : {}),
    secretsCipher: ctx.notify.secrets.seal(JSON.stringify(next), channelAad(ctx.tenantId, id)),
    target,
    updatedAt: ctx.clock.now(),
  });
  if (!updated) throw notFound('channel_not_found', `No notification channel ${id}.`);
  return toChannelView(updated, next);
}

export async function removeNotificationChannel(ctx: NotifyContext, id: string): Promise<void> {
  if (!(await deleteChannel(ctx.db, ctx.tenantId, id)))
    throw notFound('channel_not_found', `No notification channel ${id}.`);
}
