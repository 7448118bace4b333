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

    // The message is plain text (ready to paste into a chat); clients that ask for JSON get `{ text }`.
    app.get(
      '/recent/share',
      {
        schema: {
          tags: ['analysis'],
          summary: 'A plain-text message of what arrived, grouped by requester',
          description: 'text/plain by default; `Accept: application/json` returns `{ text }`.',
          querystring: RecentQuery,
        },
      },
      async (request, reply) => {
        const { text } = RecentShareResponse.parse(await getRecentShareText(request.tenant(), request.query.days));
        if (/application\/json/.test(request.headers.accept ?? ''))
          return reply.type('application/json').send({ text });
        return reply.type('text/plain; charset=utf-8').send(text);
      },
    );
  };
}
