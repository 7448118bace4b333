import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DemoResponse } from '@mj/contracts';
import type { AppDeps } from '../deps';
import { errorResponses } from './shared';

/**
 * Embedded mode only: the URLs and keys of the bundled demo servers, so the onboarding's "use the demo
 * server" button can fill them in. The keys are the simulator's own, not a user's secret.
 */
export function demoRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/demo',
      {
        schema: {
          tags: ['connections'],
          summary: 'The bundled demo media servers (embedded mode)',
          response: { 200: DemoResponse, ...errorResponses(401) },
        },
      },
      async () =>
        deps.demo
          ? {
              available: true,
              jellyfin: deps.demo.jellyfin,
              jellyseerr: deps.demo.jellyseerr,
              radarr: deps.demo.radarr ?? null,
              sonarr: deps.demo.sonarr ?? null,
            }
          : { available: false, jellyfin: null, jellyseerr: null, radarr: null, sonarr: null },
    );
  };
}
