import { join } from 'node:path';
import { IdParams, ItemImageQuery, TitleDetail } from '@mj/contracts';
import { getTitleDetail, itemImage } from '@mj/services';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps';
import { sendSerialized } from './serialized-json';
import { errorResponses, sendImage } from './shared';

/** One title: what its page shows, and its poster (proxied from Jellyfin, cached on disk). */
export function itemsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const imageCacheDir = join(deps.config.storage.dataDir, 'images');
  return async (app) => {
    app.get(
      '/items/:id',
      {
        schema: {
          tags: ['analysis'],
          summary:
            'One movie or series: issues and their rules, seasons, files, tracks, watchers, whitelist, requests, deletion',
          params: IdParams,
          response: { 200: TitleDetail, ...errorResponses(401, 404) },
        },
      },
      async (request, reply) =>
        sendSerialized(reply, TitleDetail, await getTitleDetail(request.tenant(), { itemId: request.params.id })),
    );

    app.get(
      '/items/:id/image',
      {
        schema: {
          tags: ['analysis'],
          summary: "A title's Jellyfin poster at one of the fixed widths, with an ETag (If-None-Match gives 304)",
          params: IdParams,
          querystring: ItemImageQuery,
          produces: ['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml'],
          response: errorResponses(400, 401, 404, 503),
        },
      },
      async (request, typedReply) => {
        // The body is bytes, not one of the JSON error shapes the typed reply knows.
        const reply = typedReply as unknown as FastifyReply;
        const image = await itemImage(
          { ...request.tenant(), secrets: deps.secrets, media: deps.media, imageCacheDir },
          { itemId: request.params.id, width: request.query.width },
        );
        // Private: the poster is behind the session. A day fresh, then revalidated with the ETag.
        return sendImage(request, reply, image, 86_400);
      },
    );
  };
}
