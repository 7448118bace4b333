import {
  WhitelistAddBody,
  WhitelistEntry,
  WhitelistEntryParams,
  WhitelistImportBody,
  WhitelistImportResult,
  WhitelistList,
  WhitelistParams,
  WhitelistPatchBody,
  WhitelistQuery,
} from '@mj/contracts';
import type { WhitelistType } from '@mj/core';
import {
  addWhitelistEntry,
  importWhitelist,
  listWhitelist,
  removeWhitelistEntry,
  updateWhitelistEntry,
} from '@mj/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from './shared';

const TYPES_DOC =
  'Types: content, large, language-exempt, original-language-only, subtitles-suffice, episode-exempt, request.';

export function whitelistsRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/whitelists/:type',
      {
        schema: {
          tags: ['whitelists'],
          summary: 'Entries of a whitelist, paged, newest first (expired ones marked `expired`)',
          description: `${TYPES_DOC} \`counts\` gives every type's number of entries.`,
          params: WhitelistParams,
          querystring: WhitelistQuery,
          response: { 200: WhitelistList, ...errorResponses(400, 401) },
        },
      },
      async (request) => listWhitelist(request.tenant(), request.params.type as WhitelistType, request.query),
    );

    app.post(
      '/whitelists/:type',
      {
        schema: {
          tags: ['whitelists'],
          summary: 'Add an item (`itemId`) or a request (`requestId`) to a whitelist',
          description: `${TYPES_DOC} 409 when an active entry already covers the item; an expired one is replaced.`,
          params: WhitelistParams,
          body: WhitelistAddBody,
          response: { 201: WhitelistEntry, ...errorResponses(400, 401, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addWhitelistEntry(request.tenant(), request.params.type as WhitelistType, request.body)),
    );

    app.post(
      '/whitelists/:type/import',
      {
        schema: {
          tags: ['whitelists'],
          summary: 'Match a pasted list of titles (preview); `confirm: true` saves the matched ones',
          params: WhitelistParams,
          body: WhitelistImportBody,
          response: { 200: WhitelistImportResult, ...errorResponses(400, 401) },
        },
      },
      async (request) => importWhitelist(request.tenant(), request.params.type as WhitelistType, request.body),
    );

    app.patch(
      '/whitelists/:type/:id',
      {
        schema: {
          tags: ['whitelists'],
          summary: "Change an entry's expiry (null = permanent)",
          params: WhitelistEntryParams,
          body: WhitelistPatchBody,
          response: { 200: WhitelistEntry, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) =>
        updateWhitelistEntry(
          request.tenant(),
          request.params.type as WhitelistType,
          request.params.id,
          request.body.expiresAt,
        ),
    );

    app.delete(
      '/whitelists/:type/:id',
      {
        schema: {
          tags: ['whitelists'],
          summary: 'Remove an entry',
          params: WhitelistEntryParams,
          response: { 204: z.null(), ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        await removeWhitelistEntry(request.tenant(), request.params.type as WhitelistType, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
