import type { ArrApp, ArrItem } from '@mj/core';
import { z } from 'zod';
import { MediaError } from '../errors';
import { ApiTransport, type MediaClientOptions, type Query } from '../http/api-transport';
import { normaliseServerUrl } from '../server-url';
import { commandSchema, systemStatusSchema } from './schemas';

// What Radarr and Sonarr clients share: the API key header, `/api/v3/system/status` as the connection
// test (with the app name checked, so a Sonarr URL given as Radarr is refused as `not_radarr`), and
// DELETE calls whose 404 means "already gone".

const API = '/api/v3';
const LABEL: Record<ArrApp, string> = { radarr: 'Radarr', sonarr: 'Sonarr' };

export interface ArrServerInfo {
  appName: string;
  version: string | null;
}

/** What a DELETE found: done now, or nothing there any more (404: someone removed it first). */
export type ArrDeleteOutcome = 'deleted' | 'gone';

export abstract class ArrClient {
  readonly baseUrl: string;
  protected readonly transport: ApiTransport;

  constructor(
    readonly app: ArrApp,
    options: MediaClientOptions,
  ) {
    this.baseUrl = normaliseServerUrl(options.url, app);
    this.transport = new ApiTransport(options, {
      baseUrl: this.baseUrl,
      serverLabel: LABEL[app],
      authHeaders: { 'x-api-key': options.apiKey },
    });
  }

  /** Tests URL and key; throws `invalid_response` when the server is not this app. */
  async probe(): Promise<ArrServerInfo> {
    let status;
    try {
      status = await this.transport.json('GET /system/status', `${API}/system/status`, systemStatusSchema);
    } catch (err) {
      if (err instanceof MediaError && (err.code === 'invalid_response' || err.code === 'http_error') && !err.retryable)
        throw this.notThisApp(err.status, err);
      throw err;
    }
    if ((status.appName ?? '').toLowerCase() !== this.app) throw this.notThisApp(undefined);
    return { appName: status.appName ?? LABEL[this.app], version: status.version ?? null };
  }

  private notThisApp(status: number | undefined, cause?: unknown): MediaError {
    return new MediaError({
      code: 'invalid_response',
      status,
      message: `${this.baseUrl} does not look like a ${LABEL[this.app]} server`,
      cause,
    });
  }

  abstract listItems(): Promise<ArrItem[]>;

  /** Starts a command (a search after a restore). */
  async command(name: string, body: Record<string, unknown>): Promise<void> {
    await this.transport.json(`POST /command (${name})`, `${API}/command`, commandSchema, {
      method: 'POST',
      body: { name, ...body },
    });
  }

  /** One call for the whole list, streamed and validated item by item (RULES §9: no per-title lookups). */
  protected async list<T, R>(route: string, path: string, item: z.ZodType<T>, map: (value: T) => R): Promise<R[]> {
    return this.transport.jsonArray(route, `${API}${path}`, item, map);
  }

  protected async remove(route: string, path: string, query: Query, body?: unknown): Promise<ArrDeleteOutcome> {
    try {
      await this.transport.send(route, `${API}${path}`, { method: 'DELETE', query, ...(body ? { body } : {}) });
      return 'deleted';
    } catch (err) {
      if (err instanceof MediaError && err.code === 'http_error' && err.status === 404) return 'gone';
      throw err;
    }
  }

  /** One item by id, or null when the app answers 404 (it is not there any more). */
  protected async one<T, R>(
    route: string,
    path: string,
    schema: z.ZodType<T>,
    map: (value: T) => R,
  ): Promise<R | null> {
    try {
      return map(await this.transport.json(route, `${API}${path}`, schema));
    } catch (err) {
      if (err instanceof MediaError && err.code === 'http_error' && err.status === 404) return null;
      throw err;
    }
  }

  protected async write<T>(
    route: string,
    path: string,
    method: 'POST' | 'PUT',
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<T> {
    return this.transport.json(route, `${API}${path}`, schema, { method, body });
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
