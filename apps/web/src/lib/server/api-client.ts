import { ErrorResponse } from '@mj/contracts';

/** The part of a zod schema the client needs; structural so the web app does not depend on zod itself. */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

/** An API error response `{ code, message, details? }`, or a transport failure with a synthetic code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** Raw `Set-Cookie` values: the refresh token only ever travels in one. */
  setCookies: string[];
}

export interface ApiClientOptions {
  baseUrl: string;
  accessToken?: string | null;
  /** The browser's address, so the API's per-IP rate limits see users rather than the web server. */
  forwardedFor?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A small typed client for server-side calls: bearer auth, contract parsing, typed errors. */
export class ApiClient {
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.#options = options;
  }

  /** The same client acting for another access token (e.g. right after a refresh). */
  withAccessToken(accessToken: string | null): ApiClient {
    return new ApiClient({ ...this.#options, accessToken });
  }

  get<T>(path: string, schema: Schema<T>): Promise<ApiResponse<T>> {
    return this.request('GET', path, { schema });
  }

  post<T>(path: string, body: unknown, schema?: Schema<T>): Promise<ApiResponse<T>> {
    return this.request('POST', path, { body, schema });
  }

  async request<T>(
    method: Method,
    path: string,
    init: { body?: unknown; schema?: Schema<T> },
  ): Promise<ApiResponse<T>> {
    const { baseUrl, accessToken, forwardedFor, timeoutMs = 15_000 } = this.#options;
    const doFetch = this.#options.fetch ?? fetch;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw new ApiError(503, 'api_unreachable', `API request ${method} ${path} failed: ${String(cause)}`);
    }

    const payload = await readJson(response);
    if (!response.ok) throw toApiError(response.status, payload);

    let data = payload as T;
    if (init.schema) {
      const parsed = init.schema.safeParse(payload);
      if (!parsed.success) {
        throw new ApiError(
          502,
          'invalid_response',
          `API ${method} ${path} answered an unexpected body: ${parsed.error.message}`,
        );
      }
      data = parsed.data;
    }
    return { data, status: response.status, setCookies: response.headers.getSetCookie() };
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function toApiError(status: number, payload: unknown): ApiError {
  const parsed = ErrorResponse.safeParse(payload);
  if (parsed.success) return new ApiError(status, parsed.data.code, parsed.data.message, parsed.data.details);
  return new ApiError(status, 'unknown', `API answered ${status} without an error body`);
}
