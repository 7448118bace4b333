import { ApiError } from '$lib/api/errors';
import { createTypedApi, type TypedApi } from '$lib/api/typed-client';

/** Browser-side code catches the one error type; the old name stays for the components that use it. */
export { ApiError as ClientApiError };

/** Where the browser renews an expired access cookie (a SvelteKit endpoint using the refresh cookie). */
export const SESSION_REFRESH_PATH = '/session/refresh';

export interface BrowserApiOptions {
  fetch?: typeof fetch;
  /** Same origin in the browser; tests running in Node give an absolute origin. */
  baseUrl?: string;
}

/**
 * The typed API client for the browser, sending the session cookie. The access cookie is short-lived: on a
 * 401 the session is refreshed once server-side and the call retried, so a tab left open keeps working.
 */
export function createBrowserApi(options: BrowserApiOptions = {}): TypedApi {
  const baseUrl = options.baseUrl ?? '';
  const refreshingFetch = async (request: Request): Promise<Response> => {
    const doFetch = options.fetch ?? fetch;
    // A body can be read once: keep a copy for the retry before sending.
    const retry = request.clone();
    const response = await doFetch(request);
    if (response.status !== 401) return response;
    const refreshed = await doFetch(`${baseUrl}${SESSION_REFRESH_PATH}`, {
      method: 'POST',
      credentials: 'same-origin',
    });
    return refreshed.ok ? doFetch(retry) : response;
  };
  return createTypedApi({ baseUrl, fetch: refreshingFetch, unreachable: { status: 0, code: 'network_error' } });
}

/** The browser's client (same origin, session cookie). */
export const api = createBrowserApi();
