import type { Cookies } from '@sveltejs/kit';

export const ACCESS_COOKIE = 'mj_access';
export const REFRESH_COOKIE = 'mj_refresh';
/** The API scopes its own refresh cookie to this path; the web app clears it there too on logout. */
export const API_REFRESH_COOKIE_PATH = '/api/auth';

export type CookieOptions = Parameters<Cookies['set']>[2];

/**
 * The access token lives exactly as long as it is valid, so a missing cookie means "refresh needed".
 * `Path=/` lets the browser send it to `/api/*` too (the API accepts it as a credential).
 */
export function accessCookieOptions(expiresInSeconds: number, secure: boolean): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: Math.max(0, Math.floor(expiresInSeconds)) };
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * A choice this browser remembers for a year (language, theme, onboarding progress). Not a secret, but
 * only the server reads it: httpOnly costs nothing.
 */
export function preferenceCookieOptions(secure: boolean): CookieOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: ONE_YEAR_SECONDS };
}

/**
 * The web server needs the refresh token on page requests (to renew an expired access token during SSR),
 * so its copy is scoped to `/`, not to the API's `/api/auth`. The lifetime is copied from the API's cookie.
 */
export function refreshCookieOptions(lifetime: CookieLifetime, secure: boolean): CookieOptions {
  const options: CookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure };
  if (lifetime.maxAge !== undefined) options.maxAge = lifetime.maxAge;
  else if (lifetime.expires !== undefined) options.expires = lifetime.expires;
  return options;
}

export interface CookieLifetime {
  maxAge?: number;
  expires?: Date;
}

export interface ParsedSetCookie extends CookieLifetime {
  value: string;
}

/**
 * Finds the named cookie among `Set-Cookie` header values (as returned by `Headers.getSetCookie()`).
 * Only the value and lifetime matter here: the web app re-issues the cookie with its own attributes.
 */
export function findSetCookie(setCookieHeaders: readonly string[], name: string): ParsedSetCookie | undefined {
  for (const header of setCookieHeaders) {
    const [pair = '', ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const parsed: ParsedSetCookie = { value: decodeCookieValue(pair.slice(eq + 1).trim()) };
    for (const attribute of attributes) {
      const [rawKey = '', ...rest] = attribute.split('=');
      const key = rawKey.trim().toLowerCase();
      const value = rest.join('=').trim();
      if (key === 'max-age' && /^-?\d+$/.test(value)) parsed.maxAge = Number(value);
      if (key === 'expires') {
        const date = new Date(value);
        if (!Number.isNaN(date.getTime())) parsed.expires = date;
      }
    }
    return parsed;
  }
  return undefined;
}

function decodeCookieValue(raw: string): string {
  const unquoted = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}

/** Set when the owner skipped the onboarding: new accounts otherwise start there (issue 15). */
export const ONBOARDING_DISMISSED_COOKIE = 'mj_onboarding_dismissed';
/** Set when the onboarding's language step is saved, so the step list shows it done (see progress.ts). */
export const ONBOARDING_LANGUAGES_COOKIE = 'mj_onboarding_languages';
