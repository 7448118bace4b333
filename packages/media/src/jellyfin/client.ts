import type { z } from 'zod';
import {
  parseApiDate,
  type JellyfinUser,
  type LibraryEpisode,
  type LibraryMovie,
  type LibrarySeries,
  type WatchRecord,
} from '@mj/core';
import { MediaError } from '../errors';
import { ApiTransport, type MediaClientOptions, type Query } from '../http/api-transport';
import { normaliseServerUrl } from '../server-url';
import {
  isAlternateVersion,
  isVirtual,
  mergeWatchRecords,
  toEpisode,
  toJellyfinUser,
  toMovie,
  toSeries,
  toWatchRecord,
} from './mappers';
import {
  itemsPageSchema,
  publicSystemInfoSchema,
  scheduledTasksSchema,
  systemInfoSchema,
  usersSchema,
  virtualFoldersSchema,
  type BaseItemDto,
} from './schemas';

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

export interface JellyfinServerInfo {
  serverName: string;
  version: string;
  id: string;
}

export interface JellyfinLibrary {
  id: string;
  name: string;
  /** movies, tvshows, mixed (null), music, ... as Jellyfin reports it. */
  collectionType: string | null;
}

export interface ItemPage<T> {
  /** The library these items were listed under (null when listing without libraries). */
  libraryId: string | null;
  items: T[];
  /** TotalRecordCount of the library's first page (for progress); null on later pages. */
  totalRecordCount: number | null;
  /** Items dropped from this page: duplicates from paging drift, virtual items, alternate versions. */
  skipped: number;
  /** Newest DateLastSaved on the page (epoch ms, the server's clock); null when none was reported. */
  maxSavedAt?: number | null;
}

export type WatchFilter = 'IsPlayed' | 'IsResumable';

export interface RefreshTaskState {
  state: 'Idle' | 'Running' | 'Cancelling' | 'Unknown';
  progressPercent: number | null;
  lastStatus: string | null;
  lastEndedAt: string | null;
}

type ItemKind = 'Movie' | 'Series' | 'Episode';

// SortName alone is not a total order (remakes share names); the Id tiebreak keeps offset paging
// stable while the library is unchanged.
const SORT = { SortBy: 'SortName,Id', SortOrder: 'Ascending' } as const;
export const METADATA_FIELDS = 'MediaSources,Path,DateCreated,ProviderIds,DateLastSaved';

/**
 * Jellyfin API client for one server connection. All requests of one instance share its connection
 * pool and concurrency bound. `close()` when done.
 */
/** Pages requested ahead of the one being processed: hides latency; one keeps memory to two pages. */
const PREFETCH_PAGES = 1;

/** Start indexes of the pages after the first one, up to the announced total. */
function pageStarts(pageSize: number, total: number): number[] {
  const starts: number[] = [];
  for (let start = pageSize; start < total; start += pageSize) starts.push(start);
  return starts;
}

/** Newest parseable DateLastSaved of a page, in epoch ms. */
export function maxSavedOf(items: readonly BaseItemDto[]): number | null {
  let max: number | null = null;
  for (const dto of items) {
    const at = parseApiDate(dto.DateLastSaved);
    if (at !== null && (max === null || at > max)) max = at;
  }
  return max;
}

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

  /**
   * Checks that the URL is a Jellyfin server (public info, no key needed) and that the key works.
   * Two requests so the user is told which of the two is wrong.
   */
  async probe(): Promise<JellyfinServerInfo> {
    let publicInfo;
    try {
      publicInfo = await this.#transport.json('GET /System/Info/Public', '/System/Info/Public', publicSystemInfoSchema);
    } catch (err) {
      if (
        err instanceof MediaError &&
        (err.code === 'invalid_response' || err.code === 'http_error') &&
        !err.retryable
      ) {
        throw new MediaError({
          code: 'invalid_response',
          status: err.status,
          message: `${this.baseUrl} does not look like a Jellyfin server`,
          cause: err,
        });
      }
      throw err;
    }
    if (publicInfo.ProductName && !/jellyfin/i.test(publicInfo.ProductName)) {
      throw new MediaError({
        code: 'invalid_response',
        message: `${this.baseUrl} is a ${publicInfo.ProductName}, not a Jellyfin server`,
      });
    }
    try {
      const info = await this.#transport.json('GET /System/Info', '/System/Info', systemInfoSchema);
      return {
        serverName: info.ServerName ?? publicInfo.ServerName ?? '',
        version: info.Version ?? publicInfo.Version ?? '',
        id: info.Id ?? publicInfo.Id ?? '',
      };
    } catch (err) {
      if (err instanceof MediaError && err.code === 'unauthorized') {
        throw new MediaError({
          code: 'unauthorized',
          status: err.status,
          message: 'Jellyfin rejected the API key',
          cause: err,
        });
      }
      throw err;
    }
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
    return this.#iterateKind('Movie', libraryIds, this.#pageSizes.movie, toMovie);
  }

  iterateSeries(libraryIds: readonly string[] | null): AsyncGenerator<ItemPage<LibrarySeries>> {
    return this.#iterateKind('Series', libraryIds, this.#pageSizes.series, toSeries);
  }

  iterateEpisodes(libraryIds: readonly string[] | null): AsyncGenerator<ItemPage<LibraryEpisode>> {
    return this.#iterateKind('Episode', libraryIds, this.#pageSizes.episode, toEpisode);
  }

  async *#iterateKind<T>(
    kind: ItemKind,
    libraryIds: readonly string[] | null,
    pageSize: number,
    map: (item: BaseItemDto, libraryId: string | null) => T | null,
  ): AsyncGenerator<ItemPage<T>> {
    const seen = new Set<string>();
    for (const libraryId of libraryIds ?? [null]) {
      const query: Query = {
        Recursive: true,
        IncludeItemTypes: kind,
        Fields: METADATA_FIELDS,
        EnableImages: false,
        ExcludeLocationTypes: 'Virtual',
        ...SORT,
        ParentId: libraryId ?? undefined,
      };
      for await (const page of this.#pages(`GET /Items (${kind})`, query, pageSize)) {
        const items: T[] = [];
        for (const dto of page.items) {
          if (seen.has(dto.Id) || isVirtual(dto) || isAlternateVersion(dto)) continue;
          seen.add(dto.Id);
          const mapped = map(dto, libraryId);
          if (mapped !== null) items.push(mapped);
        }
        yield {
          libraryId,
          items,
          totalRecordCount: page.totalRecordCount,
          skipped: page.items.length - items.length,
          maxSavedAt: maxSavedOf(page.items),
        };
      }
    }
  }

  /**
   * One watch pass of one user: the items Jellyfin returns for `Filters=IsPlayed` or
   * `Filters=IsResumable` (separately: Jellyfin ANDs filters given together). Alternate versions are
   * reported under their primary item.
   */
  async *iterateWatchRecords(userId: string, filter: WatchFilter): AsyncGenerator<WatchRecord[]> {
    for await (const page of this.#watchPages(userId, filter)) yield page.map((p) => p.record);
  }

  /**
   * Both watch passes of one user, merged to one record per (primary) item. `pageSize` overrides the
   * client's watch page size (the incremental sync reads each pass in one large page).
   */
  async listUserWatches(userId: string, pageSize?: number): Promise<WatchRecord[]> {
    const byItem = new Map<string, WatchRecord>();
    const seenSources = new Set<string>();
    for (const filter of ['IsPlayed', 'IsResumable'] as const) {
      for await (const page of this.#watchPages(userId, filter, pageSize)) {
        for (const { sourceId, record } of page) {
          const previous = byItem.get(record.itemId);
          // The same source twice (in both passes, or paging drift) is one watch; two versions of
          // one item are two.
          const sameSource = seenSources.has(sourceId);
          seenSources.add(sourceId);
          byItem.set(record.itemId, previous ? mergeWatchRecords(previous, record, sameSource) : record);
        }
      }
    }
    return [...byItem.values()];
  }

  async *#watchPages(
    userId: string,
    filter: WatchFilter,
    pageSize = this.#pageSizes.watch,
  ): AsyncGenerator<{ sourceId: string; record: WatchRecord }[]> {
    const query: Query = {
      userId,
      Recursive: true,
      IncludeItemTypes: 'Movie,Episode',
      Filters: filter,
      EnableImages: false,
      EnableUserData: true,
      ...SORT,
    };
    for await (const page of this.#pages(`GET /Items (${filter})`, query, pageSize)) {
      yield page.items.flatMap((dto) => {
        const record = toWatchRecord(dto, userId);
        return record ? [{ sourceId: dto.Id, record }] : [];
      });
    }
  }

  /**
   * Offset paging over /Items. Only the first page asks for the total (counting is expensive on big
   * libraries); a short page ends the listing.
   */
  /**
   * Pages of one /Items query. The first page asks for the total; the pages it announces are then
   * fetched a few at a time (the client's semaphore still bounds requests per server) and yielded in
   * order, so the server's latency overlaps with our parsing and writing. Past the announced total,
   * paging continues one by one until a short page (items added while paging).
   */
  async *#pages(
    route: string,
    query: Query,
    pageSize: number,
  ): AsyncGenerator<{ items: BaseItemDto[]; totalRecordCount: number | null }> {
    const fetchPage = (start: number) =>
      this.#transport.json(route, '/Items', itemsPageSchema, {
        query: { ...query, StartIndex: start, Limit: pageSize, EnableTotalRecordCount: start === 0 },
      });
    const first = await fetchPage(0);
    const total = first.TotalRecordCount ?? null;
    yield { items: first.Items, totalRecordCount: total };
    if (first.Items.length < pageSize) return;

    const announced = total === null ? [] : pageStarts(pageSize, total);
    const inFlight: Promise<z.infer<typeof itemsPageSchema>>[] = [];
    let next = 0;
    const fill = () => {
      while (inFlight.length < PREFETCH_PAGES && next < announced.length) {
        const promise = fetchPage(announced[next++]!);
        promise.catch(() => undefined); // surfaced when awaited, in order
        inFlight.push(promise);
      }
    };
    let start = pageSize;
    for (fill(); inFlight.length > 0; fill()) {
      const page = await inFlight.shift()!;
      yield { items: page.Items, totalRecordCount: null };
      start += pageSize;
      if (page.Items.length < pageSize) return;
    }
    for (; ; start += pageSize) {
      const page = await fetchPage(start);
      yield { items: page.Items, totalRecordCount: null };
      if (page.Items.length < pageSize) return;
    }
  }

  get idPageSize(): number {
    return this.#pageSizes.ids;
  }

  /** Raw /Items pages for a query of the caller's (the incremental listings in incremental-listing.ts). */
  itemPages(
    route: string,
    query: Query,
    pageSize: number,
  ): AsyncGenerator<{ items: BaseItemDto[]; totalRecordCount: number | null }> {
    return this.#pages(route, query, pageSize);
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
