import { isMediaError, type MediaError } from '@mj/media';
import { ServiceError } from '../errors';

export const SERVER_LABEL = {
  jellyfin: 'Jellyfin',
  jellyseerr: 'Jellyseerr',
  radarr: 'Radarr',
  sonarr: 'Sonarr',
} as const;
const LABEL = SERVER_LABEL;

/**
 * Turns what went wrong while testing a connection into a precise, stable answer for the user. All are
 * 400s: the request was understood, the server behind the URL is what failed the test.
 */
export function connectionTestError(kind: keyof typeof SERVER_LABEL, error: unknown): ServiceError {
  if (!isMediaError(error)) throw error;
  const label = LABEL[kind];
  const e = error as MediaError;
  const details = { ...(e.details ?? {}), ...(e.status ? { status: e.status } : {}) };
  switch (e.code) {
    case 'unauthorized':
      return new ServiceError('invalid', 'invalid_api_key', `${label} rejected the API key.`, details);
    case 'invalid_response':
      return new ServiceError(
        'invalid',
        `not_${kind}`,
        `This URL does not answer like a ${label} server. ${e.message}.`,
        details,
      );
    case 'http_error':
      return new ServiceError(
        'invalid',
        `not_${kind}`,
        `${label} answered HTTP ${e.status ?? '?'}: is this the right URL?`,
        details,
      );
    case 'tls_error':
      return new ServiceError(
        'invalid',
        'tls_error',
        `${e.message}. If this server uses a self-signed certificate you trust, confirm its fingerprint to pin it.`,
        details,
      );
    default:
      return new ServiceError('invalid', e.code, e.message, details);
  }
}
