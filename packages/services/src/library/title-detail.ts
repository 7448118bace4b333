import { isoOrNull, WHITELIST_TYPES, type TitleWhitelistType } from '@mj/core';
import type { TitleDetail } from '@mj/contracts';
import {
  currentSnapshots,
  findTitleRow,
  libraryItemsOfTitle,
  openDeletionsFor,
  requestsOfType,
  watchersOfTitle,
  providerIdsOf,
} from '@mj/db';
import type { TenantContext } from '../context';
import { notFound } from '../errors';
import { titleItem } from '../analysis/items';
import { loadNicknames, loadTitleMatcher } from '../analysis/inputs';
import { readContext } from '../analysis/read-context';
import { cachedRead } from '../analysis/read-cache';

// `GET /api/items/{id}`: one movie or series as the title page shows it. The evaluated row gives the
// issues (same as the lists); the snapshot gives files, tracks and watchers; plus whitelist entries,
// Jellyseerr requests and the open deletion.

const TITLE_TYPES = WHITELIST_TYPES.filter(
  (type): type is TitleWhitelistType => type !== 'episode-exempt' && type !== 'request',
);

/**
 * Served through the read cache: everything the page shows moves with the revision (recompute after a
 * sync or a settings/nickname change, whitelist and deletion writes) or with the cache's clock limits.
 */
export async function getTitleDetail(ctx: TenantContext, input: { itemId: string }): Promise<TitleDetail> {
  return cachedRead(ctx, `item|${input.itemId}`, () => computeTitleDetail(ctx, input.itemId));
}

async function computeTitleDetail(
  ctx: TenantContext,
  itemId: string,
): Promise<{ value: TitleDetail; recentDays: number }> {
  const row = await findTitleRow(ctx.db, ctx.tenantId, itemId);
  if (!row) throw notFound('item_not_found', 'No such title in your library');
  const read = await readContext(ctx);
  const s = read.settings;
  const item = titleItem(row, read.now, read.links);
  const pointers = await currentSnapshots(ctx.db, ctx.tenantId);
  const snapshot = pointers.librarySnapshotId;

  const [files, watches, nicknames, matcher, open] = await Promise.all([
    snapshot ? libraryItemsOfTitle(ctx.db, ctx.tenantId, snapshot, row.id, row.mediaType) : [],
    snapshot ? watchersOfTitle(ctx.db, ctx.tenantId, snapshot, row.id) : [],
    loadNicknames(ctx),
    loadTitleMatcher(ctx, read.now),
    openDeletionsFor(ctx.db, ctx.tenantId, [row.id]),
  ]);

  const episodes = files
    .filter((f) => f.kind === 'episode')
    .sort((a, b) => (a.seasonNumber ?? -1) - (b.seasonNumber ?? -1) || (a.episodeNumber ?? 0) - (b.episodeNumber ?? 0));
  const seasons = new Map<number | null, { episodes: number; sizeBytes: number }>();
  for (const episode of episodes) {
    const bucket = seasons.get(episode.seasonNumber) ?? { episodes: 0, sizeBytes: 0 };
    bucket.episodes += 1;
    bucket.sizeBytes += episode.sizeBytes ?? 0;
    seasons.set(episode.seasonNumber, bucket);
  }
  const movie = files.find((f) => f.kind === 'movie');

  const ref = {
    kind: row.mediaType,
    id: row.id,
    providerIds: providerIdsOf(row),
  };
  const whitelist = TITLE_TYPES.flatMap((type) =>
    matcher.matchTitle(type, ref).map((entry) => ({ id: entry.id, type, expiresAt: isoOrNull(entry.expiresAt) })),
  );

  const requests =
    pointers.requestsSnapshotId && row.tmdbId
      ? (
          await requestsOfType(
            ctx.db,
            ctx.tenantId,
            pointers.requestsSnapshotId,
            row.mediaType === 'movie' ? 'movie' : 'tv',
          )
        ).filter((r) => String(r.media.tmdbId) === row.tmdbId)
      : [];

  const rules: TitleDetail['rules'] = item.issues
    .filter((issue) => issue.kind !== 'request')
    .map((issue) => {
      if (issue.kind === 'old') {
        return {
          kind: 'old' as const,
          rule: 'old',
          threshold: `not watched for ${s.oldAfterMonths} months, added at least ${s.minAgeMonths} months ago`,
        };
      }
      if (issue.kind === 'large') {
        return {
          kind: 'large' as const,
          rule: row.mediaType === 'movie' ? 'large-movie' : 'large-season',
          threshold:
            row.mediaType === 'movie' ? `movie over ${s.largeMovieGiB} GiB` : `a season over ${s.largeSeasonGiB} GiB`,
        };
      }
      return {
        kind: 'language' as const,
        rule: 'language',
        threshold: `audio ${s.requiredAudioLanguages.join(', ') || '-'}; subtitles ${s.requiredSubtitleLanguages.join(', ') || '-'}`,
      };
    });

  const deletion = open[0];
  const value: TitleDetail = {
    item,
    rules,
    streams: movie?.streams ?? null,
    versions: movie?.versions ?? [],
    seasons: [...seasons.entries()].map(([seasonNumber, v]) => ({ seasonNumber, ...v })),
    episodes: episodes.map((e) => ({
      id: e.id,
      name: e.name,
      seasonNumber: e.seasonNumber,
      episodeNumber: e.episodeNumber,
      sizeBytes: e.sizeBytes,
      streams: e.streams ?? null,
      versions: e.versions ?? [],
    })),
    watchers: watches
      .map((w) => ({
        userId: w.userId,
        name: nicknames.get(w.userId) ?? w.name ?? w.userId,
        played: w.played,
        playCount: w.playCount,
        lastPlayedAt: isoOrNull(w.lastPlayedAt),
      }))
      .sort((a, b) => (b.lastPlayedAt ?? '').localeCompare(a.lastPlayedAt ?? '')),
    whitelist,
    requests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      is4k: r.is4k,
      requestedAt: isoOrNull(r.createdAt),
      seasons: r.seasons,
    })),
    deletion: deletion
      ? {
          id: deletion.id,
          status: deletion.status,
          executeAt: isoOrNull(deletion.executeAt),
          seasons: deletion.seasons,
        }
      : null,
  };
  return { value, recentDays: s.recentDays };
}
