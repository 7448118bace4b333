import {
  ChannelCreateBody,
  ChannelList,
  ChannelPatchBody,
  ChannelTestResult,
  ChannelView,
  DeliveriesQuery,
  DeliveryList,
  HouseholdLinkBody,
  HouseholdLinkCreated,
  HouseholdLinkList,
  IdParams,
} from '@mj/contracts';
import {
  createHouseholdLink,
  createNotificationChannel,
  listHouseholdLinksOf,
  listNotificationChannels,
  listNotificationDeliveries,
  removeNotificationChannel,
  revokeHouseholdLinkOf,
  testNotificationChannel,
  updateNotificationChannel,
  type NotifyContext,
} from '@mj/services';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { notifyDeps } from './notify-deps';
import { errorResponses } from './shared';

/** Notification channels, their deliveries, and household links (RULES §10). */
export function notificationsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const notify = notifyDeps(deps);
    const ctx = (request: FastifyRequest): NotifyContext => ({ ...request.tenant(), notify });
    const tags = ['notifications'];

    app.get(
      '/notifications/channels',
      {
        schema: {
          tags,
          summary: 'The channels (never their URL, token or secret)',
          response: { 200: ChannelList, ...errorResponses(401) },
        },
      },
      async (request) => ({ items: await listNotificationChannels(ctx(request)) }),
    );

    app.post(
      '/notifications/channels',
      {
        schema: {
          tags,
          summary: 'Add a channel',
          description: 'Answers 400 `blocked_address` for a URL the guarded client would refuse.',
          body: ChannelCreateBody,
          response: { 201: ChannelView, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => reply.status(201).send(await createNotificationChannel(ctx(request), request.body)),
    );

    app.patch(
      '/notifications/channels/:id',
      {
        schema: {
          tags,
          summary: 'Change a channel',
          params: IdParams,
          body: ChannelPatchBody,
          response: { 200: ChannelView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateNotificationChannel(ctx(request), request.params.id, request.body),
    );

    app.delete(
      '/notifications/channels/:id',
      {
        schema: {
          tags,
          summary: 'Remove a channel',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await removeNotificationChannel(ctx(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/notifications/channels/:id/test',
      {
        schema: {
          tags,
          summary: 'Send a sample now; answers with the delivery',
          params: IdParams,
          response: { 200: ChannelTestResult, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => testNotificationChannel(ctx(request), request.params.id),
    );

    app.get(
      '/notifications/deliveries',
      {
        schema: {
          tags,
          summary: 'Every delivery attempt, newest first',
          querystring: DeliveriesQuery,
          response: { 200: DeliveryList, ...errorResponses(400, 401) },
        },
      },
      async (request) => listNotificationDeliveries(ctx(request), request.query),
    );

    app.post(
      '/household/links',
      {
        schema: {
          tags: ['household'],
          summary: 'Create a household link (its URL ends with the token, shown once)',
          body: HouseholdLinkBody,
          response: { 201: HouseholdLinkCreated, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createHouseholdLink({ ...request.tenant(), publicUrl: notify.publicUrl }, request.body)),
    );

    app.get(
      '/household/links',
      {
        schema: {
          tags: ['household'],
          summary: 'The household links',
          response: { 200: HouseholdLinkList, ...errorResponses(401) },
        },
      },
      async (request) => listHouseholdLinksOf(request.tenant()),
    );

    app.delete(
      '/household/links/:id',
      {
        schema: {
          tags: ['household'],
          summary: 'Revoke a link',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await revokeHouseholdLinkOf(request.tenant(), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
