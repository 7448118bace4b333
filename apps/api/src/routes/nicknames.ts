import { NicknameList, NicknamesPut } from '@mj/contracts';
import { getNicknames, putNicknames } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from './shared';

export function nicknamesRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/nicknames',
      {
        schema: {
          tags: ['settings'],
          summary: 'Display names of the Jellyfin and Jellyseerr users (prefilled from the servers)',
          response: { 200: NicknameList, ...errorResponses(401) },
        },
      },
      async (request) => ({ items: await getNicknames(request.tenant()) }),
    );

    app.put(
      '/nicknames',
      {
        schema: {
          tags: ['settings'],
          summary: 'Replace the nicknames (a blank name restores the server name)',
          body: NicknamesPut,
          response: { 200: NicknameList, ...errorResponses(400, 401) },
        },
      },
      async (request) => ({ items: await putNicknames(request.tenant(), request.body) }),
    );
  };
}
