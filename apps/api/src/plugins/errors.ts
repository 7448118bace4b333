import { ServiceError, type ErrorKind } from '@mj/services';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

// The one place that maps errors to HTTP. Bodies are always `{ code, message, details? }`;
// 5xx bodies never carry internals (they are logged instead).

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function fieldName(path: string, fallback?: string): string {
  const field = path.replace(/^\//, '').replaceAll('/', '.');
  return field || fallback || 'body';
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ServiceError) {
      const body = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (error.kind === 'rate_limited' && typeof retryAfter === 'number') reply.header('retry-after', retryAfter);
      return reply.status(STATUS_BY_KIND[error.kind]).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details = error.validation.map((v) => ({
        field: fieldName(v.instancePath, (v.params as { missingProperty?: string })?.missingProperty),
        message: v.message ?? 'is invalid',
      }));
      const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
      return reply.status(400).send({ code: 'validation_error', message: `Invalid ${where}: ${summary}`, details });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 400 && error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalid_json' : CODE_BY_STATUS[status];
      return reply.status(status).send({ code: code ?? 'bad_request', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ code: 'internal_error', message: 'Something went wrong on our side. Please try again.' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` });
  });
}
