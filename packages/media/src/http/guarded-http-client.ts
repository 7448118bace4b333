import { Agent, request as undiciRequest } from 'undici';
import { MediaError } from '../errors';
import type { AddressPolicy } from './address-policy';
import { toMediaError } from './error-mapping';
import { createGuardedConnector, type Resolver, type TlsPolicy } from './guarded-connector';

export interface GuardedHttpOptions extends AddressPolicy, TlsPolicy {
  /** Time to open the TCP/TLS connection (default 10 s). */
  connectTimeoutMs?: number;
  /** Budget for one request including redirects and reading the body (default 15 s). */
  timeoutMs?: number;
  /** Larger responses are aborted with `too_large` (default 64 MiB). */
  maxResponseBytes?: number;
  /**
   * The same limit for a body handed to `onBodyChunk` as it arrives (default 1 GiB): it is never held
   * whole, so it may be larger (Radarr's movie list of a 20,000-film library is ~100 MB).
   */
  maxStreamedBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** For messages: "Jellyfin", "Jellyseerr". */
  serverLabel?: string;
  resolver?: Resolver;
}

export interface HttpRequest {
  url: string | URL;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /**
   * Receives a successful (2xx) body chunk by chunk instead of buffering it; `body` is then empty.
   * Error bodies are still buffered (they are small and only read for messages).
   */
  onBodyChunk?: (chunk: Buffer) => void;
  /** Overrides the client's budget for this request (a whole-library listing takes longer). */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The URL that finally answered (after redirects). */
  url: string;
  body: Buffer;
  /** Bytes read, streamed or not. */
  bytes: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_STREAMED_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Credentials must not follow a redirect to another origin (a compromised or misconfigured server
// could otherwise harvest the API key).
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'x-emby-token', 'cookie'];

function assertHttpUrl(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MediaError({
      code: 'invalid_url',
      message: `Only http and https URLs are allowed (got ${url.protocol.replace(/:$/, '')})`,
      details: { url: url.toString() },
    });
  }
}

type BodyStream = AsyncIterable<Buffer> & { destroy(err?: Error): void; on(event: 'error', fn: () => void): unknown };

/** What the caller's `onBodyChunk` threw: its own verdict on the body, passed through untouched. */
class ConsumerError extends Error {
  constructor(readonly reason: unknown) {
    super('the body consumer stopped');
  }
}

/** Drops a body we will not read; undici reports the destroy as an error event nobody else listens to. */
function discard(body: BodyStream): void {
  body.on('error', () => undefined);
  body.destroy();
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MiB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
}

function header(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The only way code in this project calls a user-supplied URL: SSRF policy checked on every connect
 * (redirect hops included), timeouts, response-size limit, TLS pinning. One instance per server
 * connection; it keeps its connections alive, so `close()` it when done.
 */
export class GuardedHttpClient {
  readonly #agent: Agent;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #maxStreamedBytes: number;
  readonly #maxRedirects: number;
  readonly #label: string;
  readonly #allowPrivateNetwork: boolean;

  constructor(options: GuardedHttpOptions) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#maxStreamedBytes = options.maxStreamedBytes ?? DEFAULT_MAX_STREAMED_BYTES;
    this.#maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.#label = options.serverLabel ?? 'The server';
    this.#allowPrivateNetwork = options.allowPrivateNetwork;
    this.#agent = new Agent({
      connect: createGuardedConnector({
        allowPrivateNetwork: options.allowPrivateNetwork,
        pinnedFingerprint: options.pinnedFingerprint ?? null,
        rejectUnauthorized: options.rejectUnauthorized ?? true,
        connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        ...(options.resolver ? { resolver: options.resolver } : {}),
      }),
      headersTimeout: this.#timeoutMs,
      bodyTimeout: this.#timeoutMs,
    });
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    let url = new URL(req.url);
    assertHttpUrl(url);
    const controller = new AbortController();
    let timedOut = false;
    const timeoutMs = req.timeoutMs ?? this.#timeoutMs;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    req.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let method = req.method ?? 'GET';
    let body = req.body;
    let headers = { ...req.headers };
    try {
      for (let hop = 0; ; hop++) {
        const res = await undiciRequest(url, {
          dispatcher: this.#agent,
          method,
          headers,
          body,
          signal: controller.signal,
        });
        const location = header(res.headers, 'location');
        if (REDIRECT_STATUSES.has(res.statusCode) && location !== undefined) {
          discard(res.body);
          if (hop >= this.#maxRedirects) {
            throw new MediaError({
              code: 'http_error',
              status: res.statusCode,
              message: `${this.#label} redirected more than ${this.#maxRedirects} times`,
              details: { url: url.toString() },
            });
          }
          const next = new URL(location, url);
          assertHttpUrl(next);
          if (next.origin !== url.origin) {
            headers = Object.fromEntries(
              Object.entries(headers).filter(([k]) => !CREDENTIAL_HEADERS.includes(k.toLowerCase())),
            );
          }
          if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
          }
          url = next;
          continue;
        }
        const sink = res.statusCode >= 200 && res.statusCode <= 299 ? req.onBodyChunk : undefined;
        const limit = sink ? this.#maxStreamedBytes : this.#maxBytes;
        const read = await this.#readLimited(res.body, res.headers, url, limit, sink);
        return { status: res.statusCode, headers: res.headers, url: url.toString(), ...read };
      }
    } catch (err) {
      if (err instanceof ConsumerError) throw err.reason;
      // A caller's cancellation is not a server fault: let it surface as the caller's own reason.
      if (req.signal?.aborted && !timedOut) throw req.signal.reason ?? err;
      throw toMediaError(err, {
        serverLabel: this.#label,
        host: url.host,
        timedOut,
        timeoutMs,
        distinguishConnectionFailures: this.#allowPrivateNetwork,
      });
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async #readLimited(
    stream: BodyStream,
    headers: HttpResponse['headers'],
    url: URL,
    limit: number,
    sink: ((chunk: Buffer) => void) | undefined,
  ): Promise<{ body: Buffer; bytes: number }> {
    const tooLarge = (): MediaError =>
      new MediaError({
        code: 'too_large',
        message: `${this.#label} sent a response larger than the ${formatBytes(limit)} limit`,
        details: { url: url.toString(), limitBytes: limit },
      });
    const declared = Number(header(headers, 'content-length'));
    if (Number.isFinite(declared) && declared > limit) {
      discard(stream);
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream) {
      total += chunk.length;
      if (total > limit) {
        discard(stream);
        throw tooLarge();
      }
      if (!sink) {
        chunks.push(chunk);
        continue;
      }
      try {
        sink(chunk);
      } catch (error) {
        // The consumer gave up (bad JSON, an invalid item): stop downloading the rest.
        discard(stream);
        throw new ConsumerError(error);
      }
    }
    return { body: sink ? Buffer.alloc(0) : Buffer.concat(chunks, total), bytes: total };
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}
