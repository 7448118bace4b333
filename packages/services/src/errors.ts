// Typed errors with stable codes. Services throw them; exactly one place (the API's error handler)
// maps `kind` to an HTTP status. `code` is part of the public API: scripts and the web app branch on it.

export type ErrorKind =
  'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable' | 'rate_limited';

export class ServiceError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ServiceError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new ServiceError('invalid', code, message, details);
export const unauthorized = (code: string, message: string) => new ServiceError('unauthorized', code, message);
export const forbidden = (code: string, message: string) => new ServiceError('forbidden', code, message);
export const notFound = (code: string, message: string) => new ServiceError('not_found', code, message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new ServiceError('conflict', code, message, details);
