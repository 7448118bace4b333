import { MediaError } from './errors';

export type ServerKind = 'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr';

// What users paste from the browser's address bar: Jellyfin's web UI lives under /web (older
// versions used /web/index.html#!/...), and Jellyseerr API docs show /api/v1 URLs.
const PASTED_SUFFIX: Record<ServerKind, RegExp> = {
  jellyfin: /\/web(\/.*)?$/i,
  jellyseerr: /\/api\/v1(\/.*)?$/i,
  radarr: /\/api\/v3(\/.*)?$/i,
  sonarr: /\/api\/v3(\/.*)?$/i,
};

/**
 * Canonical base URL of a server: trimmed, no query/fragment, no pasted UI/API suffix, no trailing
 * slash, sub-paths kept (`https://host/jellyfin`). Throws `invalid_url` for anything not http(s).
 */
export function normaliseServerUrl(input: string, kind: ServerKind): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch (cause) {
    throw new MediaError({
      code: 'invalid_url',
      message: `"${trimmed}" is not a valid URL: it should look like https://media.example.com`,
      cause,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MediaError({
      code: 'invalid_url',
      message: `The server URL must start with http:// or https:// (got ${url.protocol.replace(/:$/, '')}:)`,
    });
  }
  if (url.username || url.password) {
    throw new MediaError({ code: 'invalid_url', message: 'The server URL must not contain a user name or password' });
  }
  const path = url.pathname.replace(PASTED_SUFFIX[kind], '').replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
