import type { SeerrMedia, SeerrTitleInfo } from '@mj/core';
import type { Kit } from '../kit';
import { tenantRef, snapshotColumns } from './columns';
import type { Tenants } from './accounts';

/** Jellyseerr snapshot tables (same snapshot discipline as the library) and the enrichment cache. */
export function defineRequests(k: Kit, tenants: Tenants) {
  const seerrRequests = k.table(
    'seerr_requests',
    {
      ...snapshotColumns(k),
      id: k.int('id').notNull(),
      type: k.text('type').$type<'movie' | 'tv'>().notNull(),
      status: k.int('status').notNull(),
      is4k: k.bool('is_4k').notNull(),
      createdAt: k.big('created_at'),
      updatedAt: k.big('updated_at'),
      requestedById: k.int('requested_by_id'),
      seasons: k.json<number[]>('seasons').notNull(),
      media: k.json<SeerrMedia>('media').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.snapshotId, t.id] })],
  );

  const seerrUsers = k.table(
    'seerr_users',
    {
      ...snapshotColumns(k),
      id: k.int('id').notNull(),
      displayName: k.text('display_name'),
      jellyfinUserId: k.text('jellyfin_user_id'),
      email: k.text('email'),
    },
    (t) => [k.primaryKey({ columns: [t.snapshotId, t.id] })],
  );

  // Titles and release dates from /movie and /tv change rarely and cost one request each: cached per
  // tenant across syncs so a second sync of unchanged requests makes no enrichment call.
  const titleCache = k.table(
    'title_cache',
    {
      tenantId: tenantRef(k, tenants),
      mediaType: k.text('media_type').$type<'movie' | 'tv'>().notNull(),
      tmdbId: k.int('tmdb_id').notNull(),
      language: k.text('language').notNull(),
      info: k.json<SeerrTitleInfo>('info'),
      fetchedAt: k.big('fetched_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.tenantId, t.mediaType, t.tmdbId, t.language] })],
  );

  return { seerrRequests, seerrUsers, titleCache };
}
