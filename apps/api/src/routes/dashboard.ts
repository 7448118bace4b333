import { DashboardResponse } from '@mj/contracts';
import { getDashboard } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from './shared';

export function dashboardRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dashboard',
      {
        schema: {
          tags: ['analysis'],
          summary: 'Totals of every analysis: old, large, language (count and size), requests, recent',
          response: { 200: DashboardResponse, ...errorResponses(401) },
        },
      },
      async (request) => getDashboard(request.tenant()),
    );
  };
}
