import { ConnectBody, ConnectionKindParams, ConnectionState, ConnectionsResponse, ConnectionView } from '@mj/contracts';
import { connectServer, disconnectServer, getConnection, ServiceError } from '@mj/services';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { errorResponses } from './shared';

type Kind = 'jellyfin' | 'jellyseerr' | 'radarr' | 'sonarr';

/**
 * The tenant's media server connections (Jellyfin, Jellyseerr, Radarr, Sonarr): test-and-save, read
 * (never the key), remove.
 */
export function connectionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const ctx = (request: FastifyRequest) => ({ ...request.tenant(), secrets: deps.secrets, media: deps.media });
    const state = async (request: FastifyRequest, kind: Kind) => {
      try {
        return await getConnection(ctx(request), kind);
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'not_connected')
          return { kind, configured: false as const };
        throw error;
      }
    };

    app.get(
      '/connections',
      {
        schema: {
          tags: ['connections'],
          summary: 'Every connection',
          response: { 200: ConnectionsResponse, ...errorResponses(401) },
        },
      },
      async (request) => ({
        jellyfin: await state(request, 'jellyfin'),
        jellyseerr: await state(request, 'jellyseerr'),
        radarr: await state(request, 'radarr'),
        sonarr: await state(request, 'sonarr'),
      }),
    );

    app.get(
      '/connections/:kind',
      {
        schema: {
          tags: ['connections'],
          summary: 'One connection (without its API key)',
          params: ConnectionKindParams,
          response: { 200: ConnectionState, ...errorResponses(400, 401) },
        },
      },
      async (request) => state(request, request.params.kind),
    );

    app.put(
      '/connections/:kind',
      {
        schema: {
          tags: ['connections'],
          summary: 'Test the server with this key, then save it (encrypted)',
          description:
            'Answers 400 with a precise code when the test fails: invalid_url, blocked_address, unreachable, timeout, tls_error (details.fingerprint), invalid_api_key, not_jellyfin / not_jellyseerr / not_radarr / not_sonarr. Radarr and Sonarr are tested with GET /api/v3/system/status.',
          params: ConnectionKindParams,
          body: ConnectBody,
          response: { 200: ConnectionView, ...errorResponses(400, 401, 403) },
        },
        config: { sessionOnly: true },
      },
      async (request) => {
        const view = await connectServer(ctx(request), request.params.kind, request.body);
        if (request.params.kind === 'jellyfin') await deps.queue.refreshSchedule(request.tenant().tenantId);
        return view;
      },
    );

    app.delete(
      '/connections/:kind',
      {
        schema: {
          tags: ['connections'],
          summary: 'Remove the connection and the data synced from it',
          params: ConnectionKindParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
        config: { sessionOnly: true },
      },
      async (request, reply) => {
        await disconnectServer(ctx(request), request.params.kind);
        if (request.params.kind === 'jellyfin') await deps.queue.refreshSchedule(request.tenant().tenantId);
        return reply.status(204).send(null);
      },
    );
  };
}
