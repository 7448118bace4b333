import { DashboardResponse, SpaceHistoryQuery, SpaceHistoryResponse } from '@mj/contracts';
import { getDashboard, getSpaceHistory } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendSerialized } from './serialized-json';
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
      async (request, reply) => sendSerialized(reply, DashboardResponse, await getDashboard(request.tenant())),
    );
    app.get(
      '/dashboard/space-history',
      {
        schema: {
          tags: ['analysis'],
          summary: 'Space over time: one point per UTC day with the totals after its newest successful sync',
          querystring: SpaceHistoryQuery,
          response: { 200: SpaceHistoryResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => getSpaceHistory(request.tenant(), request.query),
    );
  };
}
