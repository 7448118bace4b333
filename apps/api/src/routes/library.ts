import { LibraryPage, LibraryQuery } from '@mj/contracts';
import { browseLibrary } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendSerialized } from './serialized-json';
import { errorResponses } from './shared';

export function libraryRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/library',
      {
        schema: {
          tags: ['analysis'],
          summary: 'Every movie and series, filtered, sorted and paged, with totals of the filtered set',
          querystring: LibraryQuery,
          response: { 200: LibraryPage, ...errorResponses(400, 401) },
        },
      },
      async (request, reply) =>
        sendSerialized(reply, LibraryPage, await browseLibrary(request.tenant(), request.query)),
    );
  };
}
