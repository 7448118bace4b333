import { createHash, randomBytes } from 'node:crypto';

/** An opaque bearer secret (refresh, reset, API tokens); only its SHA-256 is ever stored. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Personal API tokens are recognisable in logs and secret scanners by this prefix. */
export const API_TOKEN_PREFIX = 'mjt_';
