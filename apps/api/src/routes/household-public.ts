import { HouseholdTokenParams, ItemImageQuery, KeepBody, KeepCreated, PublicHousehold } from '@mj/contracts';
import { householdPoster, publicHousehold, requestKeep, unsubscribe } from '@mj/services';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { notifyDeps } from './notify-deps';
import { errorResponses, sendImage } from './shared';

/** Per token and address: a shared link cannot be used to hammer the API, nor one visitor block others. */
export const HOUSEHOLD_READS_PER_MINUTE = 60;
export const HOUSEHOLD_KEEPS_PER_MINUTE = 10;

/** Without an account: the household page, keep requests, and the unsubscribe link of emails. */
export function householdPublicRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const base = { db: deps.db, clock: deps.clock };
    const imageCacheDir = join(deps.config.storage.dataDir, 'images');
    const notify = notifyDeps(deps);
    const byTokenAndIp = (request: { params: unknown; ip: string }) =>
      `household|${(request.params as { token?: string }).token ?? ''}|${request.ip}`;
    const limit = (max: number) => ({
      rateLimit: { max, timeWindow: '1 minute', keyGenerator: byTokenAndIp, hook: 'preHandler' as const },
    });
    const tags = ['public'];

    app.get(
      '/public/household/:token',
      {
        schema: {
          tags,
          summary: 'What leaves soon (titles, dates, posters): no account needed',
          security: [],
          params: HouseholdTokenParams,
          response: { 200: PublicHousehold, ...errorResponses(400, 404, 429) },
        },
        config: limit(HOUSEHOLD_READS_PER_MINUTE),
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        reply.header('referrer-policy', 'no-referrer');
        return publicHousehold({ ...base, log: request.log }, request.params.token);
      },
    );

    app.get(
      '/public/household/:token/posters/:deletionId',
      {
        schema: {
          tags,
          summary: 'The poster of a title on the page, at one of the fixed widths (404 for anything else)',
          security: [],
          params: HouseholdTokenParams.extend({ deletionId: z.string().min(1).max(100) }),
          querystring: ItemImageQuery,
          produces: ['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml'],
          response: errorResponses(400, 404, 429),
        },
        config: limit(HOUSEHOLD_READS_PER_MINUTE * 5),
      },
      async (request, reply) => {
        const poster = await householdPoster(
          { ...base, log: request.log, secrets: deps.secrets, media: deps.media, imageCacheDir },
          request.params.token,
          request.params.deletionId,
          request.query.width,
        );
        if (!poster) return reply.status(404).send({ code: 'not_found', message: 'No poster.' });
        // An hour: the page changes as deletions run, and a revoked link should stop showing posters soon.
        return sendImage(request, reply as unknown as FastifyReply, poster, 3600);
      },
    );

    app.post(
      '/public/household/:token/keep',
      {
        schema: {
          tags,
          summary: 'Ask to keep a title (a name is required)',
          security: [],
          params: HouseholdTokenParams,
          body: KeepBody,
          response: { 201: KeepCreated, ...errorResponses(400, 404, 429) },
        },
        config: limit(HOUSEHOLD_KEEPS_PER_MINUTE),
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await requestKeep({ ...base, log: request.log, queue: deps.cleanup }, request.params.token, request.body),
          ),
    );

    app.get(
      '/public/unsubscribe',
      {
        schema: {
          tags,
          summary: 'The unsubscribe link of notification emails (signed; no login)',
          security: [],
          // In the query: Fastify caps path parameters at 100 characters.
          querystring: z.object({ token: z.string().min(1).max(1000) }),
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const ok = await unsubscribe({ ...base, log: request.log, notify }, request.query.token);
        if (!ok)
          return reply.status(404).send({ code: 'invalid_token', message: 'This unsubscribe link is not valid.' });
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .send('<!doctype html><meta charset="utf-8"><p>You are unsubscribed. / Vous êtes désabonné·e.</p>');
      },
    );
  };
}
