import { createTypedApi, type TypedApi } from '$lib/api/typed-client';

export { ApiError, toApiError } from '$lib/api/errors';
export type { ApiBody, ApiData } from '$lib/api/typed-client';

export interface ApiClientOptions {
  baseUrl: string;
  accessToken?: string | null;
  /** The browser's address, so the API's per-IP rate limits see users rather than the web server. */
  forwardedFor?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The typed API client for server-side calls (loads, actions, the session hook), acting for one token. */
export interface ApiClient extends TypedApi {
  /** The same client acting for another access token (e.g. right after a refresh). */
  withAccessToken(accessToken: string | null): ApiClient;
}

/** Server side: the API's internal URL, the user's bearer token, their address, a timeout. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { baseUrl, accessToken, forwardedFor, timeoutMs = 15_000 } = options;
  const headers: Record<string, string> = {};
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const api = createTypedApi({
    baseUrl,
    // Read at call time, not creation, so a test (or SvelteKit) can swap the global.
    fetch: (request) => (options.fetch ?? fetch)(request),
    headers,
    timeoutMs,
    unreachable: { status: 503, code: 'api_unreachable' },
  });
  return { ...api, withAccessToken: (token) => createApiClient({ ...options, accessToken: token }) };
}
