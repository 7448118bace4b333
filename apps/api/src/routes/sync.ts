import {
  SyncRequestBody,
  SyncRunsQuery,
  SyncRunsResponse,
  SyncStarted,
  SyncStatusEvent,
  SyncStatusResponse,
} from '@mj/contracts';
import { failTenantStaleRuns, getSyncStatus, listRuns, readSyncStatus, requestSync } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps';
import { errorResponses } from './shared';

const EVENT_POLL_MS = 500;
// Reading is cheap; the stale-run check writes, so the stream runs it only now and then.
const STALE_CHECK_EVERY = 20;
const EVENT_MAX_MS = 30 * 60_000;

/** Manual sync, its status and history, and a live progress stream for the web app. */
export function syncRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/sync',
      {
        schema: {
          tags: ['sync'],
          summary: 'Queue a sync of the library, watch history and requests',
          body: SyncRequestBody,
          response: { 202: SyncStarted, ...errorResponses(400, 401, 409, 429) },
        },
        // Per tenant, after authentication: a household behind one IP shares nothing with another.
        config: {
          rateLimit: {
            max: deps.config.auth.rateLimits.syncPerMinute,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (request) => `sync:${request.principal?.tenantId ?? request.ip}`,
          },
        },
      },
      async (request, reply) => {
        const result = await requestSync(
          { ...request.tenant(), queue: deps.queue, staleAfterMs: deps.staleAfterMs },
          { trigger: 'manual', allowShrink: request.body?.allowShrink ?? false },
        );
        return reply.status(202).send(result);
      },
    );

    app.get(
      '/sync/status',
      {
        schema: {
          tags: ['sync'],
          summary: 'Current sync state and the last finished run',
          response: { 200: SyncStatusResponse, ...errorResponses(401) },
        },
      },
      async (request) => getSyncStatus({ ...request.tenant(), staleAfterMs: deps.staleAfterMs }),
    );

    app.get(
      '/sync/runs',
      {
        schema: {
          tags: ['sync'],
          summary: 'Sync history, newest first',
          querystring: SyncRunsQuery,
          response: { 200: SyncRunsResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => ({ items: await listRuns(request.tenant(), request.query.limit) }),
    );

    // Server-sent events: the status whenever it changes. Polling the run row (not an in-memory bus)
    // works whichever process runs the sync.
    app.get(
      '/sync/events',
      {
        schema: {
          tags: ['sync'],
          summary: 'Live sync status (text/event-stream)',
          // The route writes the stream itself (hijacked): this documents it, nothing serialises with it.
          response: {
            200: {
              description:
                'Server-sent events: `event: status` with a SyncStatusEvent as JSON data whenever the status ' +
                'changes, and `: keep-alive` comments between. Ends after 30 minutes; the client reconnects.',
              content: { 'text/event-stream': { schema: SyncStatusEvent } },
            },
            ...errorResponses(401),
          },
        },
      },
      async (request, reply) => {
        const ctx = { ...request.tenant(), staleAfterMs: deps.staleAfterMs };
        reply.hijack();
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        let last = '';
        let closed = false;
        request.raw.on('close', () => {
          closed = true;
        });
        const started = Date.now();
        for (let tick = 0; !closed && Date.now() - started < EVENT_MAX_MS; tick += 1) {
          if (tick % STALE_CHECK_EVERY === 0) await failTenantStaleRuns(ctx).catch(() => undefined);
          const status: SyncStatusEvent | null = await readSyncStatus(ctx).catch(() => null);
          const json = status ? JSON.stringify(status) : '';
          if (status && json !== last) {
            last = json;
            reply.raw.write(`event: status\ndata: ${json}\n\n`);
          } else {
            reply.raw.write(': keep-alive\n\n');
          }
          await new Promise((resolve) => setTimeout(resolve, EVENT_POLL_MS));
        }
        reply.raw.end();
      },
    );
  };
}
