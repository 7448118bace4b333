import type { JellyfinUser, LibraryEpisode, LibraryMovie, LibrarySeries, WatchRecord } from '@mj/core';
import { ApiTransport, type MediaClientOptions, type Query } from '../http/api-transport';
import { normaliseServerUrl } from '../server-url';
import { isItemsPage } from './item-check';
import { mappedItemPages, itemPages, type ItemPage, type RawPage } from './item-pager';
import { toEpisode, toJellyfinUser, toMovie, toSeries } from './mappers';
import { probeJellyfin, type JellyfinServerInfo } from './probe';
import { itemsPageSchema, scheduledTasksSchema, systemInfoSchema, usersSchema, virtualFoldersSchema } from './schemas';
import { listUserWatches, watchPages, type WatchFilter } from './watches';

export { maxSavedOf, METADATA_FIELDS, type ItemPage } from './item-pager';
export type { JellyfinServerInfo } from './probe';
export type { WatchFilter } from './watches';

export interface JellyfinPageSizes {
  movie: number;
  series: number;
  episode: number;
  watch: number;
  /** Id-only listing of the incremental sync (ids are small: large pages). */
  ids: number;
}

export interface JellyfinClientOptions extends MediaClientOptions {
  pageSizes?: Partial<JellyfinPageSizes>;
}

export const DEFAULT_JELLYFIN_PAGE_SIZES: JellyfinPageSizes = {
  movie: 1000,
  series: 1000,
  episode: 2000,
  watch: 2000,
  ids: 50_000,
};

export interface JellyfinLibrary {
  id: string;
  name: string;
  /** movies, tvshows, mixed (null), music, ... as Jellyfin reports it. */
  collectionType: string | null;
}

export interface RefreshTaskState {
  state: 'Idle' | 'Running' | 'Cancelling' | 'Unknown';
  progressPercent: number | null;
  lastStatus: string | null;
  lastEndedAt: string | null;
}

/**
 * Jellyfin API client for one server connection. All requests of one instance share its connection
 * pool and concurrency bound. `close()` when done. The work lives in small modules by job (probe.ts,
 * item-pager.ts, watches.ts); this class binds them to one transport and its page sizes.
 */
export class JellyfinClient {
  readonly baseUrl: string;
  readonly #transport: ApiTransport;
  readonly #pageSizes: JellyfinPageSizes;

  constructor(options: JellyfinClientOptions) {
    this.baseUrl = normaliseServerUrl(options.url, 'jellyfin');
    this.#pageSizes = { ...DEFAULT_JELLYFIN_PAGE_SIZES, ...options.pageSizes };
    this.#transport = new ApiTransport(options, {
      baseUrl: this.baseUrl,
      serverLabel: 'Jellyfin',
      // The MediaBrowser scheme works from 10.10 to 12; X-Emby-Token and api_key are deprecated.
      authHeaders: { authorization: `MediaBrowser Token="${options.apiKey}"` },
    });
  }

  /** Checks that the URL is a Jellyfin server and that the key works (see probe.ts). */
  probe(): Promise<JellyfinServerInfo> {
    return probeJellyfin(this.#transport, this.baseUrl);
  }

  async listUsers(): Promise<JellyfinUser[]> {
    const users = await this.#transport.json('GET /Users', '/Users', usersSchema);
    return users.map(toJellyfinUser);
  }

  async listLibraries(): Promise<JellyfinLibrary[]> {
    const folders = await this.#transport.json(
      'GET /Library/VirtualFolders',
      '/Library/VirtualFolders',
      virtualFoldersSchema,
    );
    return folders.flatMap((f) =>
      f.ItemId ? [{ id: f.ItemId, name: f.Name ?? f.ItemId, collectionType: f.CollectionType ?? null }] : [],
    );
  }

  /**
   * Movies of the given libraries, page by page. Listing per library (`ParentId`) is what tells each
   * item its library; an item reachable from two libraries is reported once, under the first.
   */
  iterateMovies(libraryIds: readonly string[] | null): AsyncGenerator<ItemPage<LibraryMovie>> {
    return mappedItemPages(this.#transport, 'Movie', libraryIds, this.#pageSizes.movie, toMovie);
  }

  iterateSeries(libraryIds: readonly string[] | null): AsyncGenerator<ItemPage<LibrarySeries>> {
    return mappedItemPages(this.#transport, 'Series', libraryIds, this.#pageSizes.series, toSeries);
  }

  iterateEpisodes(libraryIds: readonly string[] | null): AsyncGenerator<ItemPage<LibraryEpisode>> {
    return mappedItemPages(this.#transport, 'Episode', libraryIds, this.#pageSizes.episode, toEpisode);
  }

  /**
   * One watch pass of one user: the items Jellyfin returns for `Filters=IsPlayed` or
   * `Filters=IsResumable` (separately: Jellyfin ANDs filters given together). Alternate versions are
   * reported under their primary item.
   */
  async *iterateWatchRecords(userId: string, filter: WatchFilter): AsyncGenerator<WatchRecord[]> {
    for await (const page of watchPages(this.#transport, userId, filter, this.#pageSizes.watch))
      yield page.map((p) => p.record);
  }

  /**
   * Both watch passes of one user, merged to one record per (primary) item. `pageSize` overrides the
   * client's watch page size (the incremental sync reads each pass in one large page).
   */
  listUserWatches(userId: string, pageSize?: number): Promise<WatchRecord[]> {
    return listUserWatches(this.#transport, userId, pageSize ?? this.#pageSizes.watch);
  }

  get idPageSize(): number {
    return this.#pageSizes.ids;
  }

  /** Raw /Items pages for a query of the caller's (the incremental listings in incremental-listing.ts). */
  itemPages(route: string, query: Query, pageSize: number): AsyncGenerator<RawPage> {
    return itemPages(this.#transport, route, query, pageSize);
  }

  /**
   * The TotalRecordCount of a query, in one request that asks for one item (servers differ on whether
   * `Limit=0` means none or no limit). Null when the server reports no total.
   */
  async countItems(route: string, query: Query): Promise<number | null> {
    const page = await this.#transport.json(route, '/Items', itemsPageSchema, {
      query: { ...query, StartIndex: 0, Limit: 1, EnableTotalRecordCount: true },
      check: isItemsPage,
    });
    return page.TotalRecordCount ?? null;
  }

  /** The server's id and version in one request (a change means a restart with an upgrade, or another server). */
  async systemInfo(): Promise<{ id: string; version: string }> {
    const info = await this.#transport.json('GET /System/Info', '/System/Info', systemInfoSchema);
    return { id: info.Id ?? '', version: info.Version ?? '' };
  }

  /** Starts a library scan (optional pre-sync refresh). */
  async refreshLibrary(): Promise<void> {
    await this.#transport.send('POST /Library/Refresh', '/Library/Refresh', { method: 'POST' });
  }

  /** State of the `RefreshLibrary` scheduled task, to wait for a scan to finish before syncing. */
  async getRefreshTaskState(): Promise<RefreshTaskState> {
    const tasks = await this.#transport.json('GET /ScheduledTasks', '/ScheduledTasks', scheduledTasksSchema);
    const task = tasks.find((t) => t.Key === 'RefreshLibrary');
    const state = task?.State;
    return {
      state: state === 'Idle' || state === 'Running' || state === 'Cancelling' ? state : 'Unknown',
      progressPercent: task?.CurrentProgressPercentage ?? null,
      lastStatus: task?.LastExecutionResult?.Status ?? null,
      lastEndedAt: task?.LastExecutionResult?.EndTimeUtc ?? null,
    };
  }

  close(): Promise<void> {
    return this.#transport.close();
  }
}
