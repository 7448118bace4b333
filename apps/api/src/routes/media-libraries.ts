import { listMediaLibraries } from '@mj/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from './shared';

const MediaLibraryList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), collectionType: z.string().nullable() })),
});

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
        const { db, tenantId } = request.tenant();
        return { items: await listMediaLibraries(db, tenantId) };
      },
    );
  };
}
