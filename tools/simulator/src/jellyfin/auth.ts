import type { FastifyRequest } from 'fastify';
import type { Query } from '../http/sim-server';
import type { ProfileTraits } from './profiles';

/** `MediaBrowser Client="x", Token="abc"` (also the `Emby` scheme) -> "abc". */
export function tokenFromAuthorization(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^\s*(?:MediaBrowser|Emby)\s+(.*)$/i.exec(header);
  if (!m) return null;
  for (const part of (m[1] ?? '').split(',')) {
    const kv = /^\s*([A-Za-z]+)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
    if (kv && kv[1]?.toLowerCase() === 'token') return decodeURIComponent(kv[2] ?? '');
  }
  return null;
}

/**
 * The token a request presents. Jellyfin 12 only reads the Authorization header; 10.10 and 10.11
 * also accept the legacy header and query forms.
 */
export function presentedToken(req: FastifyRequest, query: Query, traits: ProfileTraits): string | null {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const fromAuth = tokenFromAuthorization(header('authorization'));
  if (fromAuth) return fromAuth;
  if (!traits.legacyAuth) return null;
  return (
    tokenFromAuthorization(header('x-emby-authorization')) ??
    header('x-emby-token') ??
    header('x-mediabrowser-token') ??
    query.api_key ??
    query.apikey ??
    null
  );
}
