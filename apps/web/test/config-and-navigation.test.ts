import { PASSWORD_MIN_LENGTH as CONTRACT_MIN } from '@mj/contracts';
import { describe, expect, it } from 'vitest';
import { isCurrentSection } from '$lib/navigation';
import { PASSWORD_MIN_LENGTH } from '$lib/password';
import { parseTheme, safeRedirectPath } from '$lib/preferences';
import { parseWebConfig } from '$lib/server/config';

describe('parseWebConfig', () => {
  it('defaults the API to loopback on PORT (embedded mode)', () => {
    expect(parseWebConfig({ PORT: '4100' })).toEqual({ apiInternalUrl: 'http://127.0.0.1:4100', secureCookies: false });
    expect(parseWebConfig({}).apiInternalUrl).toBe('http://127.0.0.1:3000');
  });

  it('uses API_INTERNAL_URL without its trailing slash', () => {
    expect(parseWebConfig({ API_INTERNAL_URL: 'http://api:8080/' }).apiInternalUrl).toBe('http://api:8080');
  });

  it('refuses an API_INTERNAL_URL that is not an absolute http(s) URL', () => {
    expect(() => parseWebConfig({ API_INTERNAL_URL: 'api:8080' })).toThrow(/API_INTERNAL_URL/);
    expect(() => parseWebConfig({ API_INTERNAL_URL: '/api' })).toThrow(/API_INTERNAL_URL/);
  });

  it('marks cookies Secure only for an https public URL', () => {
    expect(parseWebConfig({ PUBLIC_URL: 'https://janitor.example' }).secureCookies).toBe(true);
    expect(parseWebConfig({ PUBLIC_URL: 'http://127.0.0.1:3000' }).secureCookies).toBe(false);
    expect(parseWebConfig({ ORIGIN: 'https://janitor.example' }).secureCookies).toBe(true);
  });
});

describe('safeRedirectPath', () => {
  it('keeps a same-origin path with its query', () => {
    expect(safeRedirectPath('/issues?kind=old', '/dashboard')).toBe('/issues?kind=old');
  });

  it.each([null, '', 'https://evil.example/', '//evil.example', '/\\evil.example', 'dashboard', '/a\nb'])(
    'falls back for %j',
    (candidate) => {
      expect(safeRedirectPath(candidate, '/dashboard')).toBe('/dashboard');
    },
  );
});

describe('parseTheme', () => {
  it('accepts the known themes and defaults to system', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('neon')).toBe('system');
    expect(parseTheme(undefined)).toBe('system');
  });
});

describe('isCurrentSection', () => {
  it('marks the section of the page and of its sub-pages only', () => {
    expect(isCurrentSection('/settings', '/settings')).toBe(true);
    expect(isCurrentSection('/settings/connections', '/settings')).toBe(true);
    expect(isCurrentSection('/settings-old', '/settings')).toBe(false);
    expect(isCurrentSection('/dashboard', '/settings')).toBe(false);
  });
});

describe('PASSWORD_MIN_LENGTH', () => {
  it('matches the contract the API enforces', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(CONTRACT_MIN);
  });
});
