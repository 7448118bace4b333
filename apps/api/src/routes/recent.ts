import { RecentQuery, RecentResponse, RecentShareResponse } from '@mj/contracts';
import { getRecent, getRecentShareText } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from './shared';

export function recentRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/recent',
      {
        schema: {
          tags: ['analysis'],
          summary: 'Recently available requests, grouped by day in the tenant time zone',
          querystring: RecentQuery,
          response: { 200: RecentResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => getRecent(request.tenant(), request.query.days),
    );

    app.get(
      '/recent/share',
      {
        schema: {
          tags: ['analysis'],
          summary: 'A plain-text message of what arrived, grouped by requester',
          querystring: RecentQuery,
          response: { 200: RecentShareResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => getRecentShareText(request.tenant(), request.query.days),
    );
  };
}
