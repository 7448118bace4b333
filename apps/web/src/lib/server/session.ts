import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { ApiError, createApiClient, type ApiClient } from './api-client';
import * as authApi from './auth-api';
import { Coalescer } from './coalescer';
import {
  ACCESS_COOKIE,
  API_REFRESH_COOKIE_PATH,
  REFRESH_COOKIE,
  accessCookieOptions,
  refreshCookieOptions,
} from './cookies';
import { webConfig } from './env';

const refreshes = new Coalescer<authApi.SessionTokens>(10_000);

/** An API client for this request, acting as the signed-in user when there is one. */
export function apiFor(event: RequestEvent): ApiClient {
  return createApiClient({
    baseUrl: webConfig().apiInternalUrl,
    accessToken: event.locals.accessToken,
    forwardedFor: clientAddress(event),
  });
}

function clientAddress(event: RequestEvent): string | undefined {
  try {
    return event.getClientAddress();
  } catch {
    // Some embedders cannot tell the client address; the API then rate-limits on the web server's.
    return undefined;
  }
}

export function storeSession(cookies: Cookies, tokens: authApi.SessionTokens): void {
  const { secureCookies } = webConfig();
  cookies.set(ACCESS_COOKIE, tokens.accessToken, accessCookieOptions(tokens.expiresIn, secureCookies));
  if (tokens.refresh) {
    cookies.set(REFRESH_COOKIE, tokens.refresh.value, refreshCookieOptions(tokens.refresh, secureCookies));
  }
}

export function clearSession(cookies: Cookies): void {
  const { secureCookies } = webConfig();
  cookies.delete(ACCESS_COOKIE, { path: '/', secure: secureCookies });
  cookies.delete(REFRESH_COOKIE, { path: '/', secure: secureCookies });
  // A browser that called the API directly may also hold the API's own copy.
  cookies.delete(REFRESH_COOKIE, { path: API_REFRESH_COOKIE_PATH, secure: secureCookies });
}

function isRejected(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 400 || error.status === 401 || error.status === 403);
}

/**
 * Fills `locals.user` / `locals.accessToken` from the session cookies. An expired or missing access token
 * is renewed with the refresh cookie; a rejected refresh ends the session. When the API is unreachable the
 * cookies are kept (the session is not the problem) and the request proceeds signed out.
 */
export async function resolveSession(event: RequestEvent): Promise<void> {
  event.locals.user = null;
  event.locals.accessToken = null;
  const access = event.cookies.get(ACCESS_COOKIE);
  const refreshToken = event.cookies.get(REFRESH_COOKIE);
  const api = apiFor(event);

  if (access) {
    try {
      event.locals.user = await authApi.me(api.withAccessToken(access));
      event.locals.accessToken = access;
      return;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) return;
    }
  }
  if (!refreshToken) {
    if (access) clearSession(event.cookies);
    return;
  }
  try {
    const tokens = await refreshes.run(refreshToken, () => authApi.refresh(api, refreshToken));
    storeSession(event.cookies, tokens);
    event.locals.user = tokens.user;
    event.locals.accessToken = tokens.accessToken;
  } catch (error) {
    if (isRejected(error)) clearSession(event.cookies);
  }
}
