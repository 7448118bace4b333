import createClient, { type MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, PathsWithMethod, RequiredKeysOf, SuccessResponseJSON } from 'openapi-typescript-helpers';
import { ApiError, toApiError } from './errors';
import type { paths } from './schema';

/**
 * The web's one way to call the API: openapi-fetch's `createClient<paths>()` over the types generated from
 * docs/openapi.json, so a path, its parameters, its body and its answer are all checked by the compiler.
 * The wrapper only changes how a call ends: an error answer or a failed fetch throws `ApiError` (callers
 * already handle errors with try/catch and SvelteKit `error()`), and a success gives `data` without
 * `| undefined`. The server and the browser differ only in their fetch, headers and failure code.
 */

type Method = Extract<HttpMethod, 'get' | 'put' | 'post' | 'patch' | 'delete'>;
type Init<P extends keyof paths, M extends Method> = MaybeOptionalInit<paths[P], M>;
type InitArgs<I> = RequiredKeysOf<I> extends never ? [init?: I] : [init: I];

/** The JSON a 2xx answer carries (`undefined` for a 204). */
export type ApiData<P extends keyof paths, M extends Method> = SuccessResponseJSON<
  Extract<paths[P][M], Record<string, unknown>>
>;

/** The JSON body an operation takes. */
export type ApiBody<P extends keyof paths, M extends Method> =
  NonNullable<paths[P][M]> extends { requestBody?: infer B }
    ? NonNullable<B> extends { content: { 'application/json': infer J } }
      ? J
      : never
    : never;

/** The query parameters an operation takes. */
export type ApiQuery<P extends keyof paths, M extends Method> =
  NonNullable<paths[P][M]> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export interface ApiResult<P extends keyof paths, M extends Method, I = unknown> {
  /** The parsed JSON, or the text when the call asked for `parseAs: 'text'` (a text/plain resource). */
  data: I extends { parseAs: 'text' } ? string : ApiData<P, M>;
  /** The raw answer, e.g. for its `Set-Cookie` headers. */
  response: Response;
}

type Call<M extends Method> = <P extends PathsWithMethod<paths, M>, I extends Init<P, M>>(
  path: P,
  ...init: InitArgs<I>
) => Promise<ApiResult<P, M, I>>;

export interface TypedApi {
  GET: Call<'get'>;
  PUT: Call<'put'>;
  POST: Call<'post'>;
  PATCH: Call<'patch'>;
  DELETE: Call<'delete'>;
}

export interface TypedApiOptions {
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
  /** Aborts a call that takes longer (server side: the page must answer even when the API hangs). */
  timeoutMs?: number;
  /** How a call that got no answer is reported. */
  unreachable: { status: number; code: string };
}

export function createTypedApi(options: TypedApiOptions): TypedApi {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    headers: { accept: 'application/json', ...options.headers },
  });
  const call =
    (method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE') => async (path: string, init?: Record<string, unknown>) => {
      const signal = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
      let result: { data?: unknown; error?: unknown; response: Response };
      try {
        // The path and init were checked against `paths` by the `Call` signature; openapi-fetch's own
        // overloads cannot be restated generically here, hence the one loose call.
        result = await (client[method] as (p: string, i: object) => Promise<typeof result>)(path, {
          ...(signal ? { signal } : {}),
          ...init,
        });
      } catch (cause) {
        if (cause instanceof SyntaxError) {
          throw new ApiError(502, 'invalid_response', `API ${method} ${path} answered a body that is not JSON`);
        }
        const { status, code } = options.unreachable;
        throw new ApiError(status, code, `API request ${method} ${path} failed: ${String(cause)}`);
      }
      if (!result.response.ok) throw toApiError(result.response.status, result.error);
      return { data: result.data, response: result.response };
    };
  return {
    GET: call('GET'),
    PUT: call('PUT'),
    POST: call('POST'),
    PATCH: call('PATCH'),
    DELETE: call('DELETE'),
  } as TypedApi;
}
