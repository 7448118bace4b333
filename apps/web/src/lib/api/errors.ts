import { ErrorResponse } from '@mj/contracts';

/**
 * An API error response `{ code, message, details? }`, or a failure before one arrived with a synthetic
 * code (`api_unreachable` server side, `network_error` in the browser, `invalid_response`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error for a non-2xx answer; `payload` is the body openapi-fetch read (JSON when it parsed). */
export function toApiError(status: number, payload: unknown): ApiError {
  const parsed = ErrorResponse.safeParse(payload);
  if (parsed.success) return new ApiError(status, parsed.data.code, parsed.data.message, parsed.data.details);
  return new ApiError(status, 'unknown', `API answered ${status} without an error body`);
}
