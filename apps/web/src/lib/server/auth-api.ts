import { RefreshCookieName, type UserDto } from '@mj/contracts';
import type { ApiClient } from './api-client';
import { findSetCookie, type ParsedSetCookie } from './cookies';

export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
  user: UserDto;
  /** Absent only if the API did not send its refresh cookie; the session then ends with the access token. */
  refresh: ParsedSetCookie | undefined;
}

function toTokens(result: {
  data: { accessToken: string; expiresIn: number; user: UserDto };
  response: Response;
}): SessionTokens {
  const { accessToken, expiresIn, user } = result.data;
  const setCookies = result.response.headers.getSetCookie();
  return { accessToken, expiresIn, user, refresh: findSetCookie(setCookies, RefreshCookieName) };
}

export async function register(api: ApiClient, body: { email: string; password: string }): Promise<UserDto> {
  return (await api.POST('/api/auth/register', { body })).data.user;
}

export async function login(api: ApiClient, body: { email: string; password: string }): Promise<SessionTokens> {
  return toTokens(await api.POST('/api/auth/login', { body }));
}

/** The token goes in the body: a server-side call has no browser cookie jar and no Origin to check. */
export async function refresh(api: ApiClient, refreshToken: string): Promise<SessionTokens> {
  return toTokens(await api.POST('/api/auth/refresh', { body: { refreshToken } }));
}

export async function logout(api: ApiClient, refreshToken: string | undefined): Promise<void> {
  await api.POST('/api/auth/logout', { body: refreshToken ? { refreshToken } : {} });
}

export async function me(api: ApiClient): Promise<UserDto> {
  return (await api.GET('/api/auth/me')).data.user;
}

export async function requestPasswordReset(api: ApiClient, email: string): Promise<void> {
  await api.POST('/api/auth/password-reset/request', { body: { email } });
}

export async function confirmPasswordReset(api: ApiClient, token: string, password: string): Promise<void> {
  await api.POST('/api/auth/password-reset/confirm', { body: { token, password } });
}
