import type { SeerrMedia, SeerrRequest, SeerrTitleInfo, SeerrUser } from '@mj/core';

/** One title lookup: found; unknown to TMDB (404: Jellyseerr works); or Jellyseerr cannot tell now. */
export type TitleLookup =
  { outcome: 'found'; info: SeerrTitleInfo } | { outcome: 'not_found' } | { outcome: 'unavailable' };
import type { z } from 'zod';
import { MediaError } from '../errors';
import { ApiTransport, type MediaClientOptions, type Query } from '../http/api-transport';
import type { RetryOptions } from '../http/retry';
import { normaliseServerUrl } from '../server-url';
import { movieTitleInfo, toSeerrMedia, toSeerrRequest, toSeerrUser, tvTitleInfo } from './mappers';
import {
  jellyfinSyncStatusSchema,
  mediaPageSchema,
  movieDetailsSchema,
  pageInfoSchema,
  requestPageSchema,
  statusSchema,
  tvDetailsSchema,
  userPageSchema,
} from './schemas';

export interface JellyseerrClientOptions extends MediaClientOptions {
  /** `take` of the paged listings (default 100). */
  pageSize?: number;
}

export interface JellyseerrServerInfo {
  version: string;
}

export interface SeerrPage<T> {
  items: T[];
  /** pageInfo.results: the total across pages (for progress). */
  total: number;
}

const API = '/api/v1';

type PagedSchema = z.ZodObject<{ pageInfo: typeof pageInfoSchema; results: z.ZodArray<z.ZodType> }>;

/** Jellyseerr API client for one server connection; `close()` when done. */
export class JellyseerrClient {
  readonly baseUrl: string;
  readonly #transport: ApiTransport;
  readonly #pageSize: number;
  readonly #enrichRetry: RetryOptions;

  constructor(options: JellyseerrClientOptions) {
    this.baseUrl = normaliseServerUrl(options.url, 'jellyseerr');
    this.#pageSize = options.pageSize ?? 100;
    // Servers without TMDB access answer 500 to every detail request: one retry is plenty.
    this.#enrichRetry = { ...options.retry, maxAttempts: Math.min(options.retry?.maxAttempts ?? 2, 2) };
    this.#transport = new ApiTransport(options, {
      baseUrl: this.baseUrl,
      serverLabel: 'Jellyseerr',
      authHeaders: { 'x-api-key': options.apiKey },
    });
  }

  /**
   * Version from /status (public), then an admin-only call to verify the key: Jellyseerr answers 403
   * to a wrong key and 401 to a missing one.
   */
  async probe(): Promise<JellyseerrServerInfo> {
    let status;
    try {
      status = await this.#transport.json('GET /status', `${API}/status`, statusSchema);
    } catch (err) {
      if (
        err instanceof MediaError &&
        (err.code === 'invalid_response' || err.code === 'http_error') &&
        !err.retryable
      ) {
        throw new MediaError({
          code: 'invalid_response',
          status: err.status,
          message: `${this.baseUrl} does not look like a Jellyseerr server`,
          cause: err,
        });
      }
      throw err;
    }
    try {
      await this.#transport.json(
        'GET /settings/jellyfin/sync',
        `${API}/settings/jellyfin/sync`,
        jellyfinSyncStatusSchema,
      );
    } catch (err) {
      if (err instanceof MediaError && err.code === 'unauthorized') {
        throw new MediaError({
          code: 'unauthorized',
          status: err.status,
          message: 'Jellyseerr rejected the API key',
          cause: err,
        });
      }
      throw err;
    }
    return { version: status.version };
  }

  /**
   * Clears a media item (and with it its requests), so friends can request the title again after a
   * deletion. 'gone' when Jellyseerr no longer has it.
   */
  async deleteMedia(mediaId: number): Promise<'deleted' | 'gone'> {
    try {
      await this.#transport.send('DELETE /media/{id}', `${API}/media/${mediaId}`, { method: 'DELETE' });
      return 'deleted';
    } catch (err) {
      if (err instanceof MediaError && err.status === 404) return 'gone';
      throw err;
    }
  }

  /** Asks Jellyseerr to re-read the Jellyfin library (its "Jellyfin library scan"). */
  async startJellyfinSync(): Promise<void> {
    await this.#transport.json(
      'POST /settings/jellyfin/sync',
      `${API}/settings/jellyfin/sync`,
      jellyfinSyncStatusSchema,
      {
        method: 'POST',
        body: { start: true },
      },
    );
  }

  /** Whether Jellyseerr's Jellyfin library scan is still running. */
  async isJellyfinSyncRunning(): Promise<boolean> {
    const status = await this.#transport.json(
      'GET /settings/jellyfin/sync',
      `${API}/settings/jellyfin/sync`,
      jellyfinSyncStatusSchema,
    );
    return status.running === true;
  }

  /** Every request, oldest first (`sort=added`), media without per-season statuses: see joinRequestsWithMedia. */
  iterateRequests(): AsyncGenerator<SeerrPage<SeerrRequest>> {
    return this.#paged(
      'GET /request',
      `${API}/request`,
      { filter: 'all', sort: 'added' },
      requestPageSchema,
      toSeerrRequest,
    );
  }

  /** Every media row, with per-season statuses. */
  iterateMedia(): AsyncGenerator<SeerrPage<SeerrMedia>> {
    return this.#paged('GET /media', `${API}/media`, {}, mediaPageSchema, toSeerrMedia);
  }

  iterateUsers(): AsyncGenerator<SeerrPage<SeerrUser>> {
    return this.#paged('GET /user', `${API}/user`, {}, userPageSchema, toSeerrUser);
  }

  /**
   * Skip/take paging driven by pageInfo: stops at the last page or on an empty one. Ids already seen
   * are dropped (rows added while paging shift later pages).
   */
  async *#paged<S extends PagedSchema, T extends { id: number }>(
    route: string,
    path: string,
    query: Query,
    schema: S,
    map: (dto: z.infer<S>['results'][number]) => T,
  ): AsyncGenerator<SeerrPage<T>> {
    const seen = new Set<number>();
    for (let skip = 0; ; skip += this.#pageSize) {
      const page = await this.#transport.json(route, path, schema, { query: { take: this.#pageSize, skip, ...query } });
      const items = (page.results as z.infer<S>['results']).map(map).filter((item) => {
        if (seen.has(item.id)) return false;
        seen.add(item.id);
        return true;
      });
      yield { items, total: page.pageInfo.results };
      if (
        page.results.length === 0 ||
        page.pageInfo.page >= page.pageInfo.pages ||
        skip + this.#pageSize >= page.pageInfo.results
      ) {
        return;
      }
    }
  }

  /** Title and release date in `language` (TMDB form: en, fr, pt-BR), or why Jellyseerr cannot tell. */
  getMovie(tmdbId: number, language: string): Promise<TitleLookup> {
    return this.#enrich('GET /movie/{id}', `${API}/movie/${tmdbId}`, language, movieDetailsSchema, movieTitleInfo);
  }

  getTv(tmdbId: number, language: string): Promise<TitleLookup> {
    return this.#enrich('GET /tv/{id}', `${API}/tv/${tmdbId}`, language, tvDetailsSchema, tvTitleInfo);
  }

  /**
   * Enrichment is optional: a server without TMDB access answers 500, an unknown id 404, and neither
   * may fail a sync. The two are told apart, because only the first says "ask again later, and do not
   * ask about the others either". A rejected key or an unreachable server still throws: those concern
   * the whole run.
   */
  async #enrich<S extends z.ZodType>(
    route: string,
    path: string,
    language: string,
    schema: S,
    map: (dto: z.infer<S>) => SeerrTitleInfo,
  ): Promise<TitleLookup> {
    try {
      const dto = await this.#transport.json(route, path, schema, { query: { language }, retry: this.#enrichRetry });
      return { outcome: 'found', info: map(dto) };
    } catch (err) {
      if (err instanceof MediaError && err.code === 'http_error' && err.status === 404) return { outcome: 'not_found' };
      if (err instanceof MediaError && (err.code === 'http_error' || err.code === 'invalid_response'))
        return { outcome: 'unavailable' };
      throw err;
    }
  }

  close(): Promise<void> {
    return this.#transport.close();
  }
}
