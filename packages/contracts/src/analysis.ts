import { z } from 'zod';

// Issues, dashboard and recently available (RULES.md §2–§6). Instants are ISO 8601 strings, calendar
// dates `YYYY-MM-DD`, sizes bytes.

export const IssueKind = z.enum(['old', 'large', 'language', 'request']);
export type IssueKind = z.infer<typeof IssueKind>;

export const IssueSort = z.enum(['size', 'name', 'added', 'watched', 'requested', 'release']);
export type IssueSort = z.infer<typeof IssueSort>;

export const SortOrder = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrder>;

export const MAX_PAGE_SIZE = 200;

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
};

/** `q`: a case- and accent-insensitive substring of the title. */
export const SearchText = z.string().trim().max(200);

export const IssuesQuery = z.object({
  kind: IssueKind.optional(),
  q: SearchText.optional(),
  sort: IssueSort.optional(),
  order: SortOrder.optional(),
  ...PageQuery,
});
export type IssuesQuery = z.infer<typeof IssuesQuery>;

export const Issue = z.object({ kind: IssueKind, codes: z.array(z.string()).optional() });

export const ProblemEpisode = z.object({
  id: z.string(),
  season: z.number().int().nullable(),
  episode: z.number().int().nullable(),
  name: z.string(),
  codes: z.array(z.string()),
});

export const RequestDetails = z.object({
  requestId: z.number().int(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string().nullable(),
  releaseDate: z.string().nullable(),
  missingSeasons: z.array(z.number().int()),
  staleInJellyseerr: z.boolean(),
});

export const ItemLinks = z.object({
  /** Null when the item is not in the library or no Jellyfin server is connected. */
  jellyfin: z.string().nullable(),
  jellyseerr: z.string().optional(),
  tmdb: z.string().optional(),
});

export const Watcher = z.object({ id: z.string(), name: z.string() });

export const IssueItem = z.object({
  /** The Jellyfin id, or `request:<requestId>` for request rows. */
  id: z.string(),
  title: z.string(),
  year: z.number().int().nullable(),
  mediaType: z.enum(['movie', 'series']),
  sizeBytes: z.number().nullable(),
  largestSeasonBytes: z.number().nullable(),
  addedAt: z.string().nullable(),
  lastWatchedAt: z.string().nullable(),
  watchedBy: z.array(Watcher),
  issues: z.array(Issue),
  problemEpisodes: z.array(ProblemEpisode).optional(),
  request: RequestDetails.optional(),
  links: ItemLinks,
  /** The Radarr/Sonarr item holding the title (deletions go through it); null: none, or a request row. */
  managedBy: z.object({ app: z.enum(['radarr', 'sonarr']), id: z.number().int() }).nullable(),
});
export type IssueItem = z.infer<typeof IssueItem>;

export const IssuesPage = z.object({
  items: z.array(IssueItem),
  /** Distinct items matching the filter. */
  total: z.number().int(),
  totalSizeBytes: z.number(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type IssuesPage = z.infer<typeof IssuesPage>;

const Total = z.object({ count: z.number().int(), sizeBytes: z.number() });

export const DashboardResponse = z.object({
  old: Total,
  large: Total,
  language: Total,
  requests: z.object({ count: z.number().int() }),
  recent: z.object({ count: z.number().int() }),
  /** The last successful sync, null before the first one. */
  lastSync: z.string().nullable(),
  /** Space freed by done deletions (counted at once, before the next sync confirms it). */
  reclaimed: z.object({ last30DaysBytes: z.number(), totalBytes: z.number() }),
  /** Titles scheduled for deletion. */
  leavingSoon: z.object({ count: z.number().int(), sizeBytes: z.number(), nextAt: z.string().nullable() }),
  /** Old or large titles, each counted once (a title that is both is not added twice). */
  couldFree: z.object({ bytes: z.number(), titles: z.number().int() }),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;

export const RecentQuery = z.object({
  /** Defaults to the tenant's `recentDays`. */
  days: z.coerce.number().int().min(1).max(30).optional(),
});

export const RecentItem = z.object({
  requestId: z.number().int(),
  mediaType: z.enum(['movie', 'series']),
  title: z.string(),
  requester: z.string().nullable(),
  arrivedAt: z.string(),
  /** TV: what arrived, e.g. `Season 1, S2E5–E8`. */
  episodes: z.string().nullable(),
  links: ItemLinks,
});
export type RecentItem = z.infer<typeof RecentItem>;

export const RecentResponse = z.object({
  windowDays: z.number().int(),
  timeZone: z.string(),
  total: z.number().int(),
  /** Newest day first; `date` in the tenant's time zone. */
  days: z.array(z.object({ date: z.string(), items: z.array(RecentItem) })),
});
export type RecentResponse = z.infer<typeof RecentResponse>;

export const RecentShareResponse = z.object({ text: z.string() });

/** How far back the space history is kept (and may be asked for): two years of daily points. */
export const SPACE_HISTORY_MAX_DAYS = 730;

export const SpaceHistoryQuery = z.object({
  days: z.coerce.number().int().min(1).max(SPACE_HISTORY_MAX_DAYS).default(90),
});
export type SpaceHistoryQuery = z.infer<typeof SpaceHistoryQuery>;

/** One point per UTC day: the totals after that day's newest successful sync. */
export const SpacePoint = z.object({
  /** The UTC day, `YYYY-MM-DD`. */
  date: z.string(),
  /** When the sync that wrote the point finished. */
  at: z.string(),
  totalBytes: z.number(),
  items: z.number().int(),
  couldFree: z.object({ bytes: z.number(), titles: z.number().int() }),
  old: Total,
  large: Total,
  language: Total,
});
export type SpacePoint = z.infer<typeof SpacePoint>;

export const SpaceHistoryResponse = z.object({
  days: z.number().int(),
  /** Oldest first. */
  points: z.array(SpacePoint),
});
export type SpaceHistoryResponse = z.infer<typeof SpaceHistoryResponse>;
