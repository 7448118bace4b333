import { IssuesPage, IssuesQuery } from '@mj/contracts';
import { listIssues } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendSerialized } from './serialized-json';
import { errorResponses } from './shared';

export function issuesRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/issues',
      {
        schema: {
          tags: ['analysis'],
          summary: 'Movies, series and requests with an issue, filtered, sorted and paged',
          description:
            'Without `kind`, every kind including unavailable requests (`id` = `request:<requestId>`, never merged with library rows). Default order: size descending; newest request first for `kind=request`.',
          querystring: IssuesQuery,
          response: { 200: IssuesPage, ...errorResponses(400, 401) },
        },
      },
      async (request, reply) => sendSerialized(reply, IssuesPage, await listIssues(request.tenant(), request.query)),
    );
  };
}
