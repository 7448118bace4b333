/**
 * The one error type of packages/media. `code` is stable (the API maps it to a problem response and the
 * UI keys its help text on it); `message` is for humans; `retryable` drives the retry loop.
 */
export type MediaErrorCode =
  | 'blocked_address'
  | 'invalid_url'
  | 'unreachable'
  | 'timeout'
  | 'tls_error'
  | 'connection_reset'
  | 'too_large'
  | 'http_error'
  | 'invalid_response'
  | 'unauthorized';

export interface MediaErrorInit {
  code: MediaErrorCode;
  message: string;
  retryable?: boolean;
  status?: number;
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class MediaError extends Error {
  readonly code: MediaErrorCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(init: MediaErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MediaError';
    this.code = init.code;
    this.retryable = init.retryable ?? false;
    this.status = init.status;
    this.details = init.details;
  }
}

export function isMediaError(err: unknown): err is MediaError {
  return err instanceof MediaError;
}

/**
 * Turns a non-2xx status into a MediaError. Only 429 and 5xx are worth retrying: the others mean the
 * request itself (key, path) is wrong and will stay wrong.
 */
export function httpStatusError(
  status: number,
  serverLabel: string,
  extra: { retryAfterMs?: number; url?: string } = {},
): MediaError {
  const details: Record<string, unknown> = {};
  if (extra.url !== undefined) details.url = extra.url;
  if (extra.retryAfterMs !== undefined) details.retryAfterMs = extra.retryAfterMs;
  if (status === 401 || status === 403) {
    return new MediaError({
      code: 'unauthorized',
      status,
      details,
      message:
        status === 401
          ? `${serverLabel} did not accept the request: the API key is missing or invalid`
          : `${serverLabel} rejected the API key`,
    });
  }
  if (status === 404) {
    return new MediaError({
      code: 'http_error',
      status,
      details,
      message: `${serverLabel} answered 404 Not Found: check the server URL`,
    });
  }
  const retryable = status === 429 || status >= 500;
  return new MediaError({
    code: 'http_error',
    status,
    retryable,
    details,
    message:
      status === 429 ? `${serverLabel} is rate limiting requests (429)` : `${serverLabel} answered HTTP ${status}`,
  });
}
