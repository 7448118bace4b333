import { LoginResponse, MeResponse, RefreshCookieName, RegisterResponse, type UserDto } from '@mj/contracts';
import type { ApiClient, ApiResponse } from './api-client';
import { findSetCookie, type ParsedSetCookie } from './cookies';

export interface SessionTokens {
  accessToken: string;
  expiresIn: number;
  user: UserDto;
  /** Absent only if the API did not send its refresh cookie; the session then ends with the access token. */
  refresh: ParsedSetCookie | undefined;
}

function toTokens(response: ApiResponse<LoginResponse>): SessionTokens {
  const { accessToken, expiresIn, user } = response.data;
  return { accessToken, expiresIn, user, refresh: findSetCookie(response.setCookies, RefreshCookieName) };
}

export async function register(api: ApiClient, body: { email: string; password: string }): Promise<UserDto> {
  return (await api.post('/api/auth/register', body, RegisterResponse)).data.user;
}

export async function login(api: ApiClient, body: { email: string; password: string }): Promise<SessionTokens> {
  return toTokens(await api.post('/api/auth/login', body, LoginResponse));
}

/** The token goes in the body: a server-side call has no browser cookie jar and no Origin to check. */
export async function refresh(api: ApiClient, refreshToken: string): Promise<SessionTokens> {
  return toTokens(await api.post('/api/auth/refresh', { refreshToken }, LoginResponse));
}

export async function logout(api: ApiClient, refreshToken: string | undefined): Promise<void> {
  await api.post('/api/auth/logout', refreshToken ? { refreshToken } : {});
}

export async function me(api: ApiClient): Promise<UserDto> {
  return (await api.get('/api/auth/me', MeResponse)).data.user;
}

export async function requestPasswordReset(api: ApiClient, email: string): Promise<void> {
  await api.post('/api/auth/password-reset/request', { email });
}

export async function confirmPasswordReset(api: ApiClient, token: string, password: string): Promise<void> {
  await api.post('/api/auth/password-reset/confirm', { token, password });
}
