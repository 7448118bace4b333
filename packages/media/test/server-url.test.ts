import { describe, expect, it } from 'vitest';
import { normaliseServerUrl } from '../src/server-url';

describe('normaliseServerUrl', () => {
  it.each([
    ['  https://media.example.com/  ', 'jellyfin', 'https://media.example.com'],
    ['http://192.168.1.5:8096', 'jellyfin', 'http://192.168.1.5:8096'],
    ['http://192.168.1.5:8096/web/index.html#!/home.html', 'jellyfin', 'http://192.168.1.5:8096'],
    ['https://example.com/jellyfin/web/', 'jellyfin', 'https://example.com/jellyfin'],
    ['https://example.com/jellyfin/', 'jellyfin', 'https://example.com/jellyfin'],
    ['https://example.com/jellyfin//', 'jellyfin', 'https://example.com/jellyfin'],
    ['HTTPS://Media.Example.com:443/', 'jellyfin', 'https://media.example.com'],
    ['https://example.com/website', 'jellyfin', 'https://example.com/website'],
    ['https://requests.example.com/api/v1', 'jellyseerr', 'https://requests.example.com'],
    ['https://requests.example.com/api/v1/status?x=1', 'jellyseerr', 'https://requests.example.com'],
    ['http://10.0.0.2:5055/seerr/api/v1/', 'jellyseerr', 'http://10.0.0.2:5055/seerr'],
    ['http://10.0.0.2:5055/web', 'jellyseerr', 'http://10.0.0.2:5055/web'],
    ['http://[::1]:8096/web', 'jellyfin', 'http://[::1]:8096'],
  ] as const)('%s (%s) -> %s', (input, kind, expected) => {
    expect(normaliseServerUrl(input, kind)).toBe(expected);
  });

  it.each([
    'ftp://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'example.com',
    '',
    'https://user:pw@example.com',
  ])('rejects %j with invalid_url', (input) => {
    expect(() => normaliseServerUrl(input, 'jellyfin')).toThrow(expect.objectContaining({ code: 'invalid_url' }));
  });

  it('says what is wrong with a non-http scheme', () => {
    expect(() => normaliseServerUrl('ftp://x', 'jellyfin')).toThrow(/http:\/\/ or https:\/\//);
  });
});
