import type { MediaVersion, StreamFacts } from '@mj/core';
import type { Kit } from '../kit';
import { snapshotColumns, providerIds } from './columns';

/**
 * Snapshot tables: every row carries the sync that wrote it. Readers only see the snapshot the tenant's
 * `sync_state` points at; a sync writes a new snapshot beside it, then flips the pointer.
 * No foreign keys here on purpose: snapshots are written in large chunks and deleted wholesale.
 */
export function defineLibrary(k: Kit) {
  const libraryItems = k.table(
    'library_items',
    {
      ...snapshotColumns(k),
      id: k.text('id').notNull(),
      kind: k.text('kind').$type<'movie' | 'series' | 'episode'>().notNull(),
      name: k.text('name').notNull(),
      year: k.int('year'),
      libraryId: k.text('library_id'),
      ...providerIds(k),
      addedAt: k.big('added_at'),
      sizeBytes: k.big('size_bytes'),
      seriesId: k.text('series_id'),
      seasonNumber: k.int('season_number'),
      episodeNumber: k.int('episode_number'),
      streams: k.json<StreamFacts>('streams'),
      /** Only for items with two or more media sources (null otherwise, so most rows stay small). */
      versions: k.json<MediaVersion[]>('versions'),
    },
    (t) => [
      k.primaryKey({ columns: [t.snapshotId, t.id] }),
      k.index('library_items_series_idx').on(t.snapshotId, t.seriesId),
    ],
  );

  /**
   * Watch activity per user and TITLE (movie or series), merged over a series' episodes at sync time:
   * `itemId` is the movie or the series' most recently played episode. This keeps the table at
   * users x titles rather than users x episodes, and feeds the core rules unchanged.
   */
  const watchRecords = k.table(
    'watch_records',
    {
      ...snapshotColumns(k),
      userId: k.text('user_id').notNull(),
      titleId: k.text('title_id').notNull(),
      itemId: k.text('item_id').notNull(),
      played: k.bool('played').notNull(),
      positionTicks: k.big('position_ticks').notNull(),
      playCount: k.int('play_count').notNull(),
      lastPlayedAt: k.big('last_played_at'),
    },
    (t) => [
      k.primaryKey({ columns: [t.snapshotId, t.userId, t.titleId] }),
      k.index('watch_records_title_idx').on(t.snapshotId, t.titleId),
    ],
  );

  const mediaUsers = k.table(
    'media_users',
    {
      ...snapshotColumns(k),
      id: k.text('id').notNull(),
      name: k.text('name').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.snapshotId, t.id] })],
  );

  const mediaLibraries = k.table(
    'media_libraries',
    {
      ...snapshotColumns(k),
      id: k.text('id').notNull(),
      name: k.text('name').notNull(),
      collectionType: k.text('collection_type'),
    },
    (t) => [k.primaryKey({ columns: [t.snapshotId, t.id] })],
  );

  return { libraryItems, watchRecords, mediaUsers, mediaLibraries };
}
