import {
  AuditList,
  AuditQuery,
  DeletionCreateBody,
  DeletionCreated,
  DeletionDetail,
  DeletionList,
  DeletionPatch,
  DeletionQuery,
  Deletion,
  IdParams,
} from '@mj/contracts';
import {
  auditCsv,
  cancelDeletion,
  getDeletion,
  listAudit,
  listDeletions,
  moveDeletion,
  restoreDeletion,
  scheduleDeletions,
  type CleanupContext,
} from '@mj/services';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps';
import { errorResponses } from './shared';

/** Cleanup (RULES §9): schedule, list, move, cancel, restore; the audit log and its CSV export. */
export function deletionsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const ctx = (
      request: FastifyRequest,
    ): CleanupContext & { secrets: AppDeps['secrets']; media: AppDeps['media'] } => {
      const tenant = request.tenant();
      return {
        ...tenant,
        actor: tenant.actor ?? 'user',
        queue: deps.cleanup,
        secrets: deps.secrets,
        media: deps.media,
      };
    };

    app.post(
      '/deletions',
      {
        schema: {
          tags: ['cleanup'],
          summary: 'Schedule titles for deletion (executeAt now executes at once)',
          body: DeletionCreateBody,
          response: { 201: DeletionCreated, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.status(201).send(await scheduleDeletions(ctx(request), request.body)),
    );

    app.get(
      '/deletions',
      {
        schema: {
          tags: ['cleanup'],
          summary: 'Deletions, by status',
          querystring: DeletionQuery,
          response: { 200: DeletionList, ...errorResponses(400, 401) },
        },
      },
      async (request) => listDeletions(request.tenant(), request.query),
    );

    app.get(
      '/deletions/:id',
      {
        schema: {
          tags: ['cleanup'],
          summary: 'One deletion with its history',
          params: IdParams,
          response: { 200: DeletionDetail, ...errorResponses(401, 404) },
        },
      },
      async (request) => getDeletion(request.tenant(), request.params.id),
    );

    app.patch(
      '/deletions/:id',
      {
        schema: {
          tags: ['cleanup'],
          summary: 'Move a scheduled deletion',
          params: IdParams,
          body: DeletionPatch,
          response: { 200: Deletion, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => moveDeletion(ctx(request), request.params.id, request.body),
    );

    app.delete(
      '/deletions/:id',
      {
        schema: {
          tags: ['cleanup'],
          summary: 'Cancel a scheduled deletion (409 once it is no longer scheduled)',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await cancelDeletion(ctx(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/deletions/:id/restore',
      {
        schema: {
          tags: ['cleanup'],
          summary: 'Add a deleted title back to Radarr/Sonarr and search for it (30 days)',
          params: IdParams,
          response: { 200: Deletion, ...errorResponses(400, 401, 403, 404, 409, 503) },
        },
      },
      async (request) => restoreDeletion(ctx(request), request.params.id),
    );

    app.get(
      '/audit',
      {
        schema: {
          tags: ['cleanup'],
          summary: 'The audit log (365 days, newest first)',
          querystring: AuditQuery,
          response: { 200: AuditList, ...errorResponses(400, 401) },
        },
      },
      async (request) => listAudit(request.tenant(), request.query),
    );

    app.get(
      '/audit.csv',
      // No response schema: the body is CSV text, not JSON.
      { schema: { tags: ['cleanup'], summary: 'The audit log as CSV (365 days)', produces: ['text/csv'] } },
      async (request, reply) => {
        const csv = await auditCsv(request.tenant());
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="media-janitor-audit.csv"')
          .send(csv);
      },
    );
  };
}
