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
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The URL that finally answered (after redirects). */
  url: string;
  body: Buffer;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
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
  readonly #maxRedirects: number;
  readonly #label: string;
  readonly #allowPrivateNetwork: boolean;

  constructor(options: GuardedHttpOptions) {
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
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
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
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
        return {
          status: res.statusCode,
          headers: res.headers,
          url: url.toString(),
          body: await this.#readLimited(res.body, res.headers, url),
        };
      }
    } catch (err) {
      // A caller's cancellation is not a server fault: let it surface as the caller's own reason.
      if (req.signal?.aborted && !timedOut) throw req.signal.reason ?? err;
      throw toMediaError(err, {
        serverLabel: this.#label,
        host: url.host,
        timedOut,
        timeoutMs: this.#timeoutMs,
        distinguishConnectionFailures: this.#allowPrivateNetwork,
      });
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async #readLimited(stream: BodyStream, headers: HttpResponse['headers'], url: URL): Promise<Buffer> {
    const tooLarge = (): MediaError =>
      new MediaError({
        code: 'too_large',
        message: `${this.#label} sent a response larger than the ${formatBytes(this.#maxBytes)} limit`,
        details: { url: url.toString(), limitBytes: this.#maxBytes },
      });
    const declared = Number(header(headers, 'content-length'));
    if (Number.isFinite(declared) && declared > this.#maxBytes) {
      discard(stream);
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream) {
      total += chunk.length;
      if (total > this.#maxBytes) {
        discard(stream);
        throw tooLarge();
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, total);
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}
