import { MediaLibraryList } from '@mj/contracts';
import { mediaLibraries } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from './shared';

/** Read-only: the synced Jellyfin libraries, for choosing `includedLibraries` in the settings. */
export function mediaLibrariesRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/media-libraries',
      {
        schema: {
          tags: ['settings'],
          summary: 'The Jellyfin libraries of the last successful sync (ids for `includedLibraries`)',
          response: { 200: MediaLibraryList, ...errorResponses(401) },
        },
      },
      async (request) => {
        return mediaLibraries(request.tenant());
      },
    );
  };
}
