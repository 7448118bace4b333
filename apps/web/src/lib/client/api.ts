import { ErrorResponse } from '@mj/contracts';

/** The part of a zod schema the client needs (structural: the web app does not depend on zod). */
export interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

/** An API error seen from the browser: the API's `{ code, message }`, or `network_error` / `invalid_response`. */
export class ClientApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ClientApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions<T> {
  method?: Method;
  body?: unknown;
  schema?: ResponseSchema<T>;
  fetch?: typeof fetch;
}

/** Where the browser renews an expired access cookie (a SvelteKit endpoint using the refresh cookie). */
export const SESSION_REFRESH_PATH = '/session/refresh';

/**
 * Calls the API from the browser with the session cookie. The access cookie is short-lived: on a 401 the
 * session is refreshed once server-side and the call retried, so a tab left open keeps working.
 */
export async function callApi<T = unknown>(path: string, options: CallOptions<T> = {}): Promise<T> {
  const doFetch = options.fetch ?? fetch;
  const send = () =>
    doFetch(path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });

  let response: Response;
  try {
    response = await send();
    if (response.status === 401) {
      const refreshed = await doFetch(SESSION_REFRESH_PATH, { method: 'POST', credentials: 'same-origin' });
      if (refreshed.ok) response = await send();
    }
  } catch (cause) {
    throw new ClientApiError(0, 'network_error', String(cause));
  }

  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = text;
    }
  }
  if (!response.ok) {
    const parsed = ErrorResponse.safeParse(payload);
    if (parsed.success) {
      throw new ClientApiError(response.status, parsed.data.code, parsed.data.message, parsed.data.details);
    }
    throw new ClientApiError(response.status, 'unknown', `API answered ${response.status}`);
  }
  if (!options.schema) return payload as T;
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) throw new ClientApiError(502, 'invalid_response', parsed.error.message);
  return parsed.data;
}
