import { episodeLabel, type WhitelistEntry, type WhitelistType } from '@mj/core';
import type { WhitelistAddBody } from '@mj/contracts';
import {
  currentSnapshots,
  findRequestRow,
  findSnapshotEpisode,
  findSnapshotRequest,
  findTitleRow,
  providerIdsOf,
} from '@mj/db';
import type { TenantContext } from '../context';
import { invalid, notFound } from '../errors';

// Turns `{ itemId }` / `{ requestId }` into a whitelist entry remembering the item's ids and title.

export type EntryDraft = Omit<WhitelistEntry, 'id' | 'expiresAt' | 'createdAt' | 'languages'>;

const missingField = (field: string, message: string) =>
  invalid('validation_error', `Invalid body: ${field}: ${message}`, [{ field, message }]);

async function requestDraft(ctx: TenantContext, requestId: number | undefined): Promise<EntryDraft> {
  if (requestId === undefined) throw missingField('requestId', 'requestId is required for the request whitelist');
  const pointers = await currentSnapshots(ctx.db, ctx.tenantId);
  const request = await findSnapshotRequest(ctx.db, ctx.tenantId, pointers.requestsSnapshotId, requestId);
  if (!request) throw notFound('request_not_found', `No request ${requestId} in your Jellyseerr data.`);
  const row = await findRequestRow(ctx.db, ctx.tenantId, requestId);
  return {
    type: 'request',
    kind: 'request',
    jellyfinId: null,
    providerIds: { tmdb: request.media.tmdbId === null ? null : String(request.media.tmdbId) },
    title: row?.title ?? (request.media.tmdbId !== null ? `TMDB ${request.media.tmdbId}` : `Request ${requestId}`),
    requestId,
    tmdbId: request.media.tmdbId,
    mediaType: request.type,
  };
}

async function episodeDraft(ctx: TenantContext, itemId: string): Promise<EntryDraft> {
  const pointers = await currentSnapshots(ctx.db, ctx.tenantId);
  const episode = await findSnapshotEpisode(ctx.db, ctx.tenantId, pointers.librarySnapshotId, itemId);
  const series = episode?.seriesId ? await findTitleRow(ctx.db, ctx.tenantId, episode.seriesId) : undefined;
  if (!episode || !series) throw notFound('item_not_found', `No episode ${itemId} in your library.`);
  return {
    type: 'episode-exempt',
    kind: 'episode',
    jellyfinId: episode.id,
    providerIds: providerIdsOf(series),
    title: `${series.title} ${episodeLabel(episode.seasonNumber, episode.episodeNumber)}`,
    seriesJellyfinId: series.id,
    seasonNumber: episode.seasonNumber,
    episodeNumber: episode.episodeNumber,
  };
}

export async function titleDraft(ctx: TenantContext, type: WhitelistType, itemId: string): Promise<EntryDraft> {
  const title = await findTitleRow(ctx.db, ctx.tenantId, itemId);
  if (!title) throw notFound('item_not_found', `No movie or series ${itemId} in your library.`);
  return {
    type,
    kind: title.mediaType,
    jellyfinId: title.id,
    providerIds: providerIdsOf(title),
    title: title.title,
  };
}

export async function resolveDraft(
  ctx: TenantContext,
  type: WhitelistType,
  body: WhitelistAddBody,
): Promise<EntryDraft> {
  if (type === 'request') return requestDraft(ctx, body.requestId);
  if (!body.itemId) throw missingField('itemId', 'itemId is required');
  if (type === 'episode-exempt') return episodeDraft(ctx, body.itemId);
  return titleDraft(ctx, type, body.itemId);
}
