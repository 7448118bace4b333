import type { MessageKey } from '$lib/i18n';

/** The codes `PUT /api/connections/{kind}` answers when the server behind the URL fails the test. */
export const CONNECTION_ERROR_CODES = [
  'invalid_url',
  'blocked_address',
  'unreachable',
  'timeout',
  'tls_error',
  'invalid_api_key',
  'not_jellyfin',
  'not_jellyseerr',
] as const;
export type ConnectionErrorCode = (typeof CONNECTION_ERROR_CODES)[number];

export function isConnectionErrorCode(code: string): code is ConnectionErrorCode {
  return (CONNECTION_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The sentence that tells the user what to fix. Unknown codes get null so the caller can fall back to
 * the API's own message (it is precise, only not translated).
 */
export function connectionErrorKey(code: string): MessageKey | null {
  return isConnectionErrorCode(code) ? (`connectError.${code}` as MessageKey) : null;
}

const FINGERPRINT = /^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/;

/** The certificate fingerprint a `tls_error` carries in its details, when it is a well-formed SHA-256. */
export function tlsFingerprint(details: unknown): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const value = (details as Record<string, unknown>).fingerprint;
  return typeof value === 'string' && FINGERPRINT.test(value.trim()) ? value.trim() : null;
}
