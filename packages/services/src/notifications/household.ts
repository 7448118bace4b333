import { createHash, randomBytes } from 'node:crypto';
import { DAY_MS, KEEP_REQUEST_POSTPONE_DAYS, resolveSettings } from '@mj/core';
import {
  findDeletion,
  findHouseholdLinkByHash,
  insertHouseholdLink,
  insertKeepRequest,
  keepRequestsFor,
  listHouseholdLinks,
  loadSettingsOverrides,
  newId,
  pageDeletions,
  revokeHouseholdLink,
  type HouseholdLinkRow,
} from '@mj/db';
import type { ServiceContext, TenantContext } from '../context';
import { invalid, notFound, ServiceError } from '../errors';
import type { CleanupQueue } from '../cleanup/cleanup-queue';
import { cancelDeletion, moveDeletion } from '../cleanup/deletions';
import { languageOf } from './message';
import { itemImage, type ImageWidth, type ItemImage } from '../library/item-image';
import type { MediaDeps } from '../media-context';

// The household page (RULES §10): an unguessable, expiring, revocable link that shows what leaves
// soon without an account; visitors ask to keep a title. Only a hash of the token is stored.

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function linkView(row: HouseholdLinkRow, now: number) {
  return {
    id: row.id,
    createdAt: iso(row.createdAt)!,
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    active: row.revokedAt === null && (row.expiresAt === null || row.expiresAt > now),
  };
}

export async function createHouseholdLink(
  ctx: TenantContext & { publicUrl: string },
  body: { expiresAt?: string | number } | null | undefined,
) {
  const now = ctx.clock.now();
  const expiresAt =
    body?.expiresAt === undefined
      ? null
      : typeof body.expiresAt === 'number'
        ? body.expiresAt
        : Date.parse(body.expiresAt);
  if (expiresAt !== null && expiresAt <= now)
    throw invalid('validation_error', 'Invalid body: expiresAt: must be in the future', [
      { field: 'expiresAt', message: 'must be in the future' },
    ]);
  const token = randomBytes(32).toString('base64url');
  const id = newId(now);
  await insertHouseholdLink(ctx.db, {
    id,
    tenantId: ctx.tenantId,
    tokenHash: hashToken(token),
    expiresAt,
    revokedAt: null,
    createdAt: now,
  });
  return { id, url: `${ctx.publicUrl.replace(/\/+$/, '')}/household/${token}` };
}

export async function listHouseholdLinksOf(ctx: TenantContext) {
  const now = ctx.clock.now();
  return { items: (await listHouseholdLinks(ctx.db, ctx.tenantId)).map((r) => linkView(r, now)) };
}

export async function revokeHouseholdLinkOf(ctx: TenantContext, id: string) {
  if (!(await revokeHouseholdLink(ctx.db, ctx.tenantId, id, ctx.clock.now())))
    throw notFound('link_not_found', `No household link ${id}.`);
}

/** The link of a token, or 404 when unknown, revoked or expired (the same answer: nothing to learn). */
export async function activeLink(ctx: ServiceContext, token: string): Promise<HouseholdLinkRow> {
  const link = await findHouseholdLinkByHash(ctx.db, hashToken(token));
  const now = ctx.clock.now();
  if (!link || link.revokedAt !== null || (link.expiresAt !== null && link.expiresAt <= now))
    throw notFound('link_not_found', 'This link does not exist or no longer works.');
  return link;
}

/** What leaves soon, for the public page: titles, dates and product-served poster URLs only. */
export async function publicHousehold(ctx: ServiceContext, token: string) {
  const link = await activeLink(ctx, token);
  const settings = resolveSettings(await loadSettingsOverrides(ctx.db, link.tenantId));
  const { rows } = await pageDeletions(ctx.db, link.tenantId, { status: 'scheduled', offset: 0, limit: 500 });
  const keeps = new Set(
    (
      await keepRequestsFor(
        ctx.db,
        link.tenantId,
        rows.map((r) => r.id),
      )
    ).map((k) => k.deletionId),
  );
  return {
    language: languageOf(settings.titleLanguage),
    items: rows.map((r) => ({
      deletionId: r.id,
      title: r.title,
      year: r.year,
      kind: r.kind,
      leavesAt: new Date(r.executeAt).toISOString(),
      posterUrl: `/api/public/household/${encodeURIComponent(token)}/posters/${r.id}`,
      keepRequested: keeps.has(r.id),
    })),
  };
}

/** The Jellyfin item behind a poster of this page (404 for anything the link does not show). */
export async function householdPosterItem(ctx: ServiceContext, token: string, deletionId: string) {
  const link = await activeLink(ctx, token);
  const row = await findDeletion(ctx.db, link.tenantId, deletionId);
  if (!row || row.status !== 'scheduled') throw notFound('not_found', 'No such title on this page.');
  return { tenantId: link.tenantId, itemId: row.itemId };
}

/** Repeats of a request are the same request whatever the spacing or case of the name. */
export const keepNameKey = (name: string) => name.trim().toLowerCase();

/**
 * A visitor asks to keep a title: recorded on the deletion, then `keepRequestAction` applies
 * (postpone 30 days, cancel, or nothing).
 */
export async function requestKeep(
  ctx: ServiceContext & { queue: CleanupQueue },
  token: string,
  body: { deletionId: string; name: string },
) {
  const link = await activeLink(ctx, token);
  const row = await findDeletion(ctx.db, link.tenantId, body.deletionId);
  if (!row || row.status !== 'scheduled') throw notFound('not_found', 'No such title on this page.');
  const now = ctx.clock.now();
  const settings = resolveSettings(await loadSettingsOverrides(ctx.db, link.tenantId));
  const name = body.name.trim();
  const created = await insertKeepRequest(ctx.db, {
    id: newId(now),
    tenantId: link.tenantId,
    deletionId: row.id,
    linkId: link.id,
    name,
    nameKey: keepNameKey(name),
    at: now,
  });
  // The same person asking again (a double tap, a reload) is answered the same, but changes nothing.
  if (!created) return { ok: true as const, action: settings.keepRequestAction };
  const cleanup = { ...ctx, tenantId: link.tenantId, userId: '', actor: `household:${name}` };
  if (settings.keepRequestAction === 'postpone')
    await moveDeletion(cleanup, row.id, { executeAt: row.executeAt + KEEP_REQUEST_POSTPONE_DAYS * DAY_MS });
  else if (settings.keepRequestAction === 'cancel') await cancelDeletion(cleanup, row.id);
  return { ok: true as const, action: settings.keepRequestAction };
}

/**
 * The poster of a title on the page: the same cached, type-checked poster as the owner's lists
 * (`itemImage`), so visitors never reach Jellyfin, its address or its key. Null when there is none.
 */
export async function householdPoster(
  ctx: ServiceContext & MediaDeps & { imageCacheDir: string },
  token: string,
  deletionId: string,
  width: ImageWidth,
): Promise<ItemImage | null> {
  const { tenantId, itemId } = await householdPosterItem(ctx, token, deletionId);
  try {
    return await itemImage({ ...ctx, tenantId, userId: '' }, { itemId, width });
  } catch (err) {
    if (err instanceof ServiceError) return null;
    throw err;
  }
}
