import type { z } from 'zod';
import { MediaError, httpStatusError } from '../errors';
import type { RequestHook } from '../request-counter';
import { GuardedHttpClient, type GuardedHttpOptions, type HttpResponse } from './guarded-http-client';
import { JsonArrayStream, StreamedArrayError } from './json-array-stream';
import { parseRetryAfter, withRetry, type RetryOptions } from './retry';
import { Semaphore } from './semaphore';
import type { SharedLimit } from './shared-limit';

/** Options shared by the Jellyfin and Jellyseerr clients. */
export interface MediaClientOptions extends Omit<GuardedHttpOptions, 'serverLabel'> {
  /** Base URL as given by the user; normalised by the client. */
  url: string;
  apiKey: string;
  /** Requests in flight towards this server at once (`MEDIA_CONCURRENCY`, default 4). */
  concurrency?: number;
  retry?: RetryOptions;
  onRequest?: RequestHook;
  /** Also bound requests towards this server across processes (production workers). */
  sharedLimit?: SharedLimit;
}

export type QueryValue = string | number | boolean | undefined;
export type Query = Record<string, QueryValue>;

interface ApiRequestInit {
  query?: Query;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  onBodyChunk?: (chunk: Buffer) => void;
  timeoutMs?: number;
  /** Default `application/json`; images ask for `image/*`. */
  accept?: string;
}

/** A whole-library listing (Radarr's movies) may take a while to generate and send. */
const STREAMED_LIST_TIMEOUT_MS = 120_000;

export interface TransportConfig {
  baseUrl: string;
  serverLabel: string;
  authHeaders: Record<string, string>;
}

export const DEFAULT_CONCURRENCY = 4;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/**
 * Everything between a client method and the guarded HTTP client: auth headers, bounded concurrency
 * (one semaphore per client instance, held only while a request is in flight, not while backing
 * off), retries, status mapping, JSON parsing, zod validation and per-route counting.
 */
export class ApiTransport {
  readonly baseUrl: string;
  readonly serverLabel: string;
  readonly #http: GuardedHttpClient;
  readonly #semaphore: Semaphore;
  readonly #authHeaders: Record<string, string>;
  readonly #retry: RetryOptions;
  readonly #onRequest: RequestHook | undefined;
  readonly #sharedLimit: SharedLimit | undefined;
  readonly #origin: string;

  constructor(options: MediaClientOptions, config: TransportConfig) {
    this.baseUrl = config.baseUrl;
    this.serverLabel = config.serverLabel;
    this.#authHeaders = config.authHeaders;
    this.#http = new GuardedHttpClient({ ...options, serverLabel: config.serverLabel });
    this.#semaphore = new Semaphore(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.#retry = options.retry ?? {};
    this.#onRequest = options.onRequest;
    this.#sharedLimit = options.sharedLimit;
    this.#origin = new URL(config.baseUrl).origin;
  }

  url(path: string, query: Query = {}): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  /**
   * GET (or POST) a JSON document and validate it; non-2xx statuses become MediaErrors. `check`, when
   * given, is an in-place validator for large documents: what it accepts is used as parsed (no copy);
   * what it refuses goes through the schema, which reports the problem.
   */
  async json<S extends z.ZodType>(
    route: string,
    path: string,
    schema: S,
    init: ApiRequestInit & { retry?: RetryOptions; check?: (value: unknown) => value is z.infer<S> } = {},
  ): Promise<z.infer<S>> {
    return withRetry(async (attempt) => {
      const res = await this.#attempt(route, attempt, path, init);
      return this.#parse(res, route, schema, init.check);
    }, init.retry ?? this.#retry);
  }

  /**
   * GET a JSON array, parsed and validated element by element as it arrives (see JsonArrayStream):
   * memory holds the mapped results, not the document. Each retry starts a fresh parse.
   */
  async jsonArray<T, R>(route: string, path: string, item: z.ZodType<T>, map: (value: T) => R): Promise<R[]> {
    return withRetry(async (attempt) => {
      const stream = new JsonArrayStream(item, map);
      try {
        await this.#attempt(route, attempt, path, {
          onBodyChunk: (chunk) => stream.write(chunk),
          timeoutMs: STREAMED_LIST_TIMEOUT_MS,
        });
        return stream.end();
      } catch (error) {
        if (!(error instanceof StreamedArrayError)) throw error;
        throw new MediaError({
          code: 'invalid_response',
          message: `${this.serverLabel} sent an unexpected response for ${route}: ${error.message}`,
          details: { route, ...(error.issues ? { issues: error.issues } : {}) },
          cause: error,
        });
      }
    }, this.#retry);
  }

  /** A request whose body does not matter (e.g. POST /Library/Refresh answering 204). */
  async send(route: string, path: string, init: ApiRequestInit = {}): Promise<void> {
    await withRetry((attempt) => this.#attempt(route, attempt, path, init), this.#retry);
  }

  /** A GET whose body is bytes (images): status mapping and retries as for JSON, no parsing. */
  async bytes(route: string, path: string, init: ApiRequestInit = {}): Promise<HttpResponse> {
    return withRetry((attempt) => this.#attempt(route, attempt, path, init), this.#retry);
  }

  async #attempt(route: string, attempt: number, path: string, init: ApiRequestInit): Promise<HttpResponse> {
    const started = performance.now();
    let res: HttpResponse | undefined;
    try {
      const request = () =>
        this.#http.request({
          url: this.url(path, init.query),
          method: init.method ?? 'GET',
          headers: {
            accept: init.accept ?? 'application/json',
            ...this.#authHeaders,
            ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
          ...(init.onBodyChunk ? { onBodyChunk: init.onBodyChunk } : {}),
          ...(init.timeoutMs ? { timeoutMs: init.timeoutMs } : {}),
        });
      const shared = this.#sharedLimit;
      res = await this.#semaphore.run(() => (shared ? shared.run(this.#origin, request) : request()));
      if (res.status < 200 || res.status > 299) {
        const retryHeader = res.headers['retry-after'];
        const retryAfterMs = parseRetryAfter(Array.isArray(retryHeader) ? retryHeader[0] : retryHeader, Date.now());
        throw httpStatusError(res.status, this.serverLabel, {
          url: `${this.baseUrl}${path}`,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        });
      }
      this.#report(route, attempt, started, res, null);
      return res;
    } catch (err) {
      this.#report(route, attempt, started, res, err instanceof MediaError ? err.code : 'unknown');
      throw err;
    }
  }

  #report(
    route: string,
    attempt: number,
    started: number,
    res: HttpResponse | undefined,
    errorCode: string | null,
  ): void {
    this.#onRequest?.({
      route,
      attempt,
      durationMs: performance.now() - started,
      status: res?.status ?? null,
      errorCode,
      bytes: res?.bytes ?? 0,
    });
  }

  #parse<S extends z.ZodType>(
    res: HttpResponse,
    route: string,
    schema: S,
    check?: (value: unknown) => value is z.infer<S>,
  ): z.infer<S> {
    let data: unknown;
    try {
      data = JSON.parse(res.body.toString('utf8'));
    } catch (cause) {
      throw new MediaError({
        code: 'invalid_response',
        message: `${this.serverLabel} did not answer ${route} with JSON: is this URL really a ${this.serverLabel} server?`,
        details: { route, status: res.status },
        cause,
      });
    }
    if (check?.(data)) return data;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new MediaError({
        code: 'invalid_response',
        message: `${this.serverLabel} sent an unexpected response for ${route}: ${describeIssues(parsed.error)}`,
        details: { route, issues: parsed.error.issues.slice(0, 10) },
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  close(): Promise<void> {
    return this.#http.close();
  }
}
