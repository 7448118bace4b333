import { describe, expect, it } from 'vitest';
import { accessCookieOptions, findSetCookie, preferenceCookieOptions, refreshCookieOptions } from '$lib/server/cookies';

describe('preferenceCookieOptions', () => {
  it('is httpOnly, Lax, site-wide, kept a year, and Secure when the site is https', () => {
    expect(preferenceCookieOptions(true)).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      maxAge: 365 * 24 * 60 * 60,
    });
    expect(preferenceCookieOptions(false).secure).toBe(false);
  });
});

describe('accessCookieOptions', () => {
  it('is httpOnly, Lax, site-wide and lives as long as the token', () => {
    expect(accessCookieOptions(900, false)).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      maxAge: 900,
    });
  });

  it('is Secure when asked and never has a negative lifetime', () => {
    expect(accessCookieOptions(-5, true)).toMatchObject({ secure: true, maxAge: 0 });
  });
});

describe('refreshCookieOptions', () => {
  it('copies Max-Age when the API gave one', () => {
    expect(refreshCookieOptions({ maxAge: 3600 }, true)).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      maxAge: 3600,
    });
  });

  it('copies Expires otherwise', () => {
    const expires = new Date('2030-01-01T00:00:00Z');
    expect(refreshCookieOptions({ expires }, false)).toMatchObject({ expires, path: '/' });
    expect(refreshCookieOptions({ expires }, false)).not.toHaveProperty('maxAge');
  });
});

describe('findSetCookie', () => {
  const headers = [
    'other=1; Path=/',
    'mj_refresh=abc%3D%3D; Path=/api/auth; Expires=Wed, 01 Jan 2031 00:00:00 GMT; HttpOnly; SameSite=Lax',
  ];

  it('finds the named cookie, decodes its value and reads its expiry', () => {
    expect(findSetCookie(headers, 'mj_refresh')).toEqual({ value: 'abc==', expires: new Date('2031-01-01T00:00:00Z') });
  });

  it('reads Max-Age', () => {
    expect(findSetCookie(['mj_refresh=x; Max-Age=120'], 'mj_refresh')).toEqual({ value: 'x', maxAge: 120 });
  });

  it('does not match a cookie whose name only starts the same', () => {
    expect(findSetCookie(['mj_refresh_old=x'], 'mj_refresh')).toBeUndefined();
  });

  it('returns undefined when absent', () => {
    expect(findSetCookie([], 'mj_refresh')).toBeUndefined();
  });
});
