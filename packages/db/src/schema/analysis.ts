import type { ProblemEpisode, Settings, Watcher, WhitelistKind, WhitelistType } from '@mj/core';
import type { Kit } from '../kit';
import { tenantRef, providerIds } from './columns';
import type { Tenants } from './accounts';

/**
 * What the analyses store per tenant: the owner's choices (settings overrides, whitelists, nicknames)
 * and the evaluated rows the API reads (`title_issues`, `request_issues`, `recent_items`).
 *
 * Evaluated rows are rewritten by `recomputeTenant` after every sync and settings/nickname change, and
 * row by row after a whitelist change. Reads only evaluate what depends on the clock: `old_since <= now`,
 * the release-date rule of requests, the recent window and whitelist expiry.
 */
export function defineAnalysis(k: Kit, tenants: Tenants) {
  /** The request a row is about, as `request_issues` and `recent_items` both key and show it. */
  const requestColumns = () => ({
    tenantId: tenantRef(k, tenants),
    requestId: k.int('request_id').notNull(),
    mediaType: k.text('media_type').$type<'movie' | 'tv'>().notNull(),
    tmdbId: k.int('tmdb_id'),
    is4k: k.bool('is_4k').notNull(),
    title: k.text('title').notNull(),
  });

  /** Only the overrides are stored, so a new default reaches every tenant that never changed it. */
  const tenantSettings = k.table('tenant_settings', {
    tenantId: tenantRef(k, tenants).primaryKey(),
    settings: k.json<Partial<Settings>>('settings').notNull(),
    updatedAt: k.big('updated_at').notNull(),
  });

  const whitelistEntries = k.table(
    'whitelist_entries',
    {
      id: k.id(),
      tenantId: tenantRef(k, tenants),
      type: k.text('type').$type<WhitelistType>().notNull(),
      kind: k.text('kind').$type<WhitelistKind>().notNull(),
      jellyfinId: k.text('jellyfin_id'),
      ...providerIds(k),
      title: k.text('title').notNull(),
      seriesJellyfinId: k.text('series_jellyfin_id'),
      seasonNumber: k.int('season_number'),
      episodeNumber: k.int('episode_number'),
      requestId: k.int('request_id'),
      mediaType: k.text('media_type').$type<'movie' | 'tv'>(),
      languages: k.json<string[]>('languages'),
      expiresAt: k.big('expires_at'),
      /**
       * False until the rows this entry protects were re-evaluated after it expired: the first read after
       * an expiry refreshes them (see refresh-expired.ts), so an expiring entry stops protecting on time.
       */
      expiryApplied: k.bool('expiry_applied').notNull(),
      createdAt: k.big('created_at').notNull(),
    },
    (t) => [
      k.index('whitelist_entries_tenant_type_idx').on(t.tenantId, t.type),
      k.index('whitelist_entries_expiry_idx').on(t.tenantId, t.expiryApplied, t.expiresAt),
    ],
  );

  const nicknames = k.table(
    'nicknames',
    {
      tenantId: tenantRef(k, tenants),
      source: k.text('source').$type<'jellyfin' | 'jellyseerr'>().notNull(),
      userId: k.text('user_id').notNull(),
      displayName: k.text('display_name').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.tenantId, t.source, t.userId] })],
  );

  /**
   * One row per movie and series of the tenant's current library (the library browser reads them too).
   * `name_rank` is the title's position in core `sortKey` order, assigned in JS at recompute time: both
   * dialects then sort names on an integer, never on a database collation.
   */
  const titleIssues = k.table(
    'title_issues',
    {
      tenantId: tenantRef(k, tenants),
      id: k.text('id').notNull(),
      mediaType: k.text('media_type').$type<'movie' | 'series'>().notNull(),
      title: k.text('title').notNull(),
      year: k.int('year'),
      libraryId: k.text('library_id'),
      ...providerIds(k),
      sizeBytes: k.big('size_bytes'),
      largestSeasonBytes: k.big('largest_season_bytes'),
      addedAt: k.big('added_at'),
      lastWatchedAt: k.big('last_watched_at'),
      watched: k.bool('watched').notNull(),
      watchedBy: k.json<Watcher[]>('watched_by').notNull(),
      playCount: k.int('play_count').notNull(),
      /** Old iff `old_since <= now`; null = never (protected by the content whitelist). */
      oldSince: k.big('old_since'),
      isLarge: k.bool('is_large').notNull(),
      hasLanguage: k.bool('has_language').notNull(),
      languageCodes: k.json<string[]>('language_codes').notNull(),
      problemEpisodes: k.json<ProblemEpisode[]>('problem_episodes').notNull(),
      nameRank: k.int('name_rank').notNull(),
      /** Which Radarr/Sonarr item holds the title (RULES §9 targets), from the last sync; null: none. */
      arrApp: k.text('arr_app').$type<'radarr' | 'sonarr'>(),
      arrId: k.int('arr_id'),
      /** core `normaliseForSearch(title)`: `q` is a substring of it. */
      searchText: k.text('search_text').notNull(),
      evaluatedAt: k.big('evaluated_at').notNull(),
      /** Checked items whose streams could not be judged: `analysis_state.unknown_streams` is their sum. */
      unknownStreams: k.int('unknown_streams').notNull().default(0),
    },
    (t) => [
      k.primaryKey({ columns: [t.tenantId, t.id] }),
      // Covers the dashboard's one-pass totals (an index-only scan) and the `old` filter.
      k.index('title_issues_totals_idx').on(t.tenantId, t.oldSince, t.isLarge, t.hasLanguage, t.sizeBytes),
      // One index per sort of the issue and library pages, `(tenant, column, name_rank)`: a page reads the
      // first rows in index order (nulls in their own range, see analysis-pages.ts) instead of sorting the
      // filtered set. The issue flags trail so the kind filter is checked on the index entry.
      ...(
        [
          ['title_issues_size_idx', t.sizeBytes],
          ['title_issues_added_idx', t.addedAt],
          ['title_issues_watched_idx', t.lastWatchedAt],
          ['title_issues_year_idx', t.year],
        ] as const
      ).map(([name, column]) => k.index(name).on(t.tenantId, column, t.nameRank, t.oldSince, t.isLarge, t.hasLanguage)),
      k.index('title_issues_rank_idx').on(t.tenantId, t.nameRank, t.oldSince, t.isLarge, t.hasLanguage),
      k.index('title_issues_large_idx').on(t.tenantId, t.isLarge, t.sizeBytes),
      k.index('title_issues_language_idx').on(t.tenantId, t.hasLanguage, t.sizeBytes),
      k.index('title_issues_tmdb_idx').on(t.tenantId, t.tmdbId),
      k.index('title_issues_tvdb_idx').on(t.tenantId, t.tvdbId),
      k.index('title_issues_imdb_idx').on(t.tenantId, t.imdbId),
    ],
  );

  /**
   * Requests that fail RULES.md §5 rules 2, 3 (status, missing seasons) evaluated at recompute time. The
   * whitelist (rule 1) and the release-date rule (rule 4) move with the clock and the entries, so reads
   * apply them: `release_day` is the release date as days since the epoch.
   */
  const requestIssues = k.table(
    'request_issues',
    {
      ...requestColumns(),
      year: k.int('year'),
      requestedBy: k.text('requested_by'),
      requestedAt: k.big('requested_at'),
      requestStatus: k.int('request_status').notNull(),
      mediaStatus: k.int('media_status').notNull(),
      releaseDate: k.text('release_date'),
      releaseDay: k.int('release_day'),
      missingSeasons: k.json<number[]>('missing_seasons').notNull(),
      stale: k.bool('stale').notNull(),
      libraryItemId: k.text('library_item_id'),
      nameRank: k.int('name_rank').notNull(),
      searchText: k.text('search_text').notNull(),
    },
    (t) => [
      k.primaryKey({ columns: [t.tenantId, t.requestId] }),
      // The request sorts, index-ordered like the title sorts.
      k.index('request_issues_requested_idx').on(t.tenantId, t.requestedAt, t.nameRank),
      k.index('request_issues_release_idx').on(t.tenantId, t.releaseDay, t.nameRank),
      k.index('request_issues_rank_idx').on(t.tenantId, t.nameRank),
    ],
  );

  /** Recently available requests over the longest window a reader can ask for (30 days). */
  const recentItems = k.table(
    'recent_items',
    {
      ...requestColumns(),
      requester: k.text('requester'),
      arrivedAt: k.big('arrived_at').notNull(),
      episodes: k.text('episodes'),
      libraryItemId: k.text('library_item_id'),
    },
    (t) => [
      k.primaryKey({ columns: [t.tenantId, t.requestId] }),
      k.index('recent_items_arrived_idx').on(t.tenantId, t.arrivedAt),
    ],
  );

  /** What the stored rows were computed from. */
  const analysisState = k.table('analysis_state', {
    tenantId: tenantRef(k, tenants).primaryKey(),
    librarySnapshotId: k.text('library_snapshot_id'),
    requestsSnapshotId: k.text('requests_snapshot_id'),
    unknownStreams: k.int('unknown_streams').notNull(),
    evaluatedAt: k.big('evaluated_at').notNull(),
    /** Bumped by every change to the rows or the whitelists: read caches in any process compare it. */
    revision: k.big('revision').notNull(),
  });

  return { tenantSettings, whitelistEntries, nicknames, titleIssues, requestIssues, recentItems, analysisState };
}
