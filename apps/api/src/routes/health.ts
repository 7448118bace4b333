import { HealthResponse, ReadyResponse } from '@mj/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps';

/** Liveness (the process answers) and readiness (its dependencies answer). */
export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      { schema: { tags: ['health'], summary: 'Liveness', response: { 200: HealthResponse } }, logLevel: 'warn' },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/ready',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness: database, and Redis when configured',
          response: { 200: ReadyResponse, 503: ReadyResponse },
        },
        logLevel: 'warn',
      },
      async (_request, reply) => {
        const withTimeout = <T>(p: Promise<T>) =>
          Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
        const database = await withTimeout(deps.db.ping()).then(
          () => 'ok' as const,
          () => 'down' as const,
        );
        const redis = deps.redis
          ? await withTimeout(deps.redis.ping()).then(
              () => 'ok' as const,
              () => 'down' as const,
            )
          : ('skipped' as const);
        const ok = database === 'ok' && redis !== 'down';
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks: { database, redis } });
      },
    );
  };
}
