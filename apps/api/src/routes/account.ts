import {
  ApiTokenCreateBody,
  ApiTokenCreated,
  ApiTokenList,
  DeleteAccountBody,
  IdParams,
  MeResponse,
  PasswordChangeBody,
} from '@mj/contracts';
import { changePassword, createApiToken, deleteAccount, listApiTokens, logoutAll, revokeApiToken } from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { REFRESH_COOKIE } from '../plugins/auth';
import { errorResponses } from './shared';

/** The logged-in user's own account: profile, password, sessions, API tokens, deletion. */
export function accountRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/auth/me',
      {
        schema: { tags: ['auth'], summary: 'The current user', response: { 200: MeResponse, ...errorResponses(401) } },
      },
      async (request) => {
        const p = request.principal!;
        return { user: { id: p.userId, email: p.email, tenantId: p.tenantId } };
      },
    );

    app.post(
      '/auth/password/change',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change the password',
          body: PasswordChangeBody,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 429) },
        },
        config: { sessionOnly: true },
      },
      async (request, reply) => {
        await changePassword({ ...request.tenant(), auth: deps.auth }, request.body, {
          familyId: request.principal!.familyId,
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/logout-all',
      {
        schema: {
          tags: ['auth'],
          summary: 'Revoke every session and API token of the user',
          response: { 204: z.null(), ...errorResponses(401, 403) },
        },
        config: { sessionOnly: true },
      },
      async (request, reply) => {
        await logoutAll(request.tenant());
        reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/account',
      {
        schema: {
          tags: ['auth'],
          summary: 'Delete the account, its tenant and all its data',
          body: DeleteAccountBody,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 429) },
        },
        config: { sessionOnly: true },
      },
      async (request, reply) => {
        await deleteAccount({ ...request.tenant(), auth: deps.auth }, request.body);
        reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/tokens',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Personal API tokens',
          response: { 200: ApiTokenList, ...errorResponses(401, 403) },
        },
        config: { sessionOnly: true },
      },
      async (request) => ({ items: await listApiTokens(request.tenant()) }),
    );

    app.post(
      '/tokens',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Create a personal API token (shown once)',
          body: ApiTokenCreateBody,
          response: { 201: ApiTokenCreated, ...errorResponses(400, 401, 403) },
        },
        config: { sessionOnly: true },
      },
      async (request, reply) => reply.status(201).send(await createApiToken(request.tenant(), request.body)),
    );

    app.delete(
      '/tokens/:id',
      {
        schema: {
          tags: ['tokens'],
          summary: 'Revoke a personal API token',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses(401, 403, 404) },
        },
        config: { sessionOnly: true },
      },
      async (request, reply) => {
        await revokeApiToken(request.tenant(), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
